"""Fourth held-out set: 300 comments, 30 per category, each written by hand once.

Written before the fourth round of changes (more removal training data, discrimination
and rumour signals, the "hører"/"stygg som juling"/"late" rule fixes), in phrasings that
are not in the training pools, the earlier held-out pools or the shared examples, and not
looked at through the model's errors until the single final measurement. No templates and
no surface transforms: the variants (bokmål, nynorsk, Sørlandet dialect as in Birkenes,
no æøå, emoji, typos, @mentions, short and long) are written in. Only identity and account
numbers are filled in (made up, valid check digits, seeded).

    .venv/bin/python scripts/triage_data/heldout4_pool.py   # writes data/triage/heldout4.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from triage_data import common

# Posts that some comments answer (``context``).
P_LIGHT = "Lysløypa i Birkeland er nå åpen igjen etter at nye LED-lys er montert. Løypa er opplyst kl. 06–23."
P_VACC = "Influensavaksinering for eldre og risikogrupper på helsestasjonen torsdag 9. oktober kl. 12–18."
P_BRIDGE = "Brua over Tovdalselva ved Herefoss stenges for tunge kjøretøy fra 1. november på grunn av skader."
P_MARKET = "Velkommen til julemarked på torget i Birkeland lørdag 29. november kl. 11–16!"
P_HOUSING = "Kommunen skal bosette 12 flyktninger fra Syria og Afghanistan i år. Vi søker utleiere."
P_WATER = "Kokevarsel for abonnenter på Engesland vannverk. Vannet må kokes før drikking inntil videre."
P_SCHOOL = "Kommunedirektørens forslag til ny skolestruktur er lagt ut på høring. Frist for innspill 20. januar."
P_CARE = "Vi søker helsefagarbeidere og sykepleiere til Birkenes omsorgssenter. Søknadsfrist 3. mars."
P_LIBRARY = "Biblioteket har fått meråpent: du kan låne bøker med bibliotekkort og PIN alle dager kl. 07–22."
P_NATDAY = "Programmet for 17. mai i Birkeland er klart! Barnetoget går fra Birkeland skole kl. 10.30."

C = None  # no context

ITEMS: dict[str, list[tuple[str, str | None]]] = {
    "sensitive": [
        ("Jeg har kreft og går på cellegift, har jeg rett på hjelp til snømåking?", C),
        ("Personnummeret til far er {fnr}, han trenger hjelp med søknad om sykehjemsplass", C),
        ("Kan tilskuddet overføres til kontoen min {konto}? Mvh Gunn", C),
        ("eg har diabetes type 1 og må ha vatnet kokt, kan eg få levert flaskevatn? 🙏", P_WATER),
        ("Naboen Svein Homme er rusmisbruker og har vært innlagt flere ganger, han burde ikke få kommunal bolig", P_HOUSING),
        ("Sønnen min Oliver (9) har autisme og tåler ikke bråket i barnetoget, kan vi gå bakerst?", P_NATDAY),
        ("Broren min sitter i varetekt for ran, kan han få besøk av noen fra NAV?", C),
        ("Hun som jobber i kassa på biblioteket, Ingunn, er jo deprimert og sykmeldt halve året", P_LIBRARY),
        ("Bestemor på omsorgssenteret har demens og fikk feil medisiner i går!!", P_CARE),
        ("Vi mottar sosialhjelp og har ikke råd til vinterdekk, finnes det noen ordning?", C),
        ("Mi dotter Hedda vart plassert i fosterheim i sommar, og me får ikkje vite kor ho er", C),
        ("Jeg er gravid i uke 20 og har fått beskjed om å unngå influensa, kan jeg vaksinere meg der?", P_VACC),
        ("dnr {dnr}, jobber på sagbruket og har ikke fått skattekort, hvem kan hjelpe", C),
        ("@Geir Fidje du som nettopp kom ut fra rusbehandling burde ikke være trener for 12-åringene", C),
        ("Min mann har hatt hjerneslag og kan ikke gå trapper, kan vi få rampe til huset?", C),
        ("Ungen vår Mathias i 4. klasse på Engesland har dysleksi og får ikke den spesialundervisningen han har krav på", C),
        ("Han nye sjåføren på skolebussen, Kjetil, er dømt for promillekjøring i fjor. Er det greit??", C),
        ("Jeg har angst og panikklidelse og klarer ikke ringe, kan jeg sende melding til legekontoret her?", C),
        ("e har astma og taaler ikkje raagen fraa baalet ved torget, kan dokker flytte det", P_MARKET),
        ("Barnevernet var hos familien til Aurora i 3B i går, alle i klassen snakker om det", C),
        ("Datteren til Rita Berg tok abort i sommer, det burde ikke diskuteres på skolen", C),
        ("Onkelen min Harald er psykisk utviklingshemmet og bor i kommunal bolig. Han blir plaget av naboene", C),
        ("Her er kontonummeret for innsamlingen til familien Olsen etter brannen: {konto}", C),
        ("Jeg er ufør etter en arbeidsulykke og har søkt om bostøtte tre ganger. Fnr {fnr}", C),
        ("Farfar Nils på Senum er nesten blind og trenger skyss til vaksinen, kan noen hjelpe?", P_VACC),
        ("Vi er en familie der mor sitter i rullestol og pappa er innlagt på psykiatrisk, trenger avlastning", C),
        ("Jenta mi Lea (15) har spiseforstyrrelse og får ikke time hos helsesykepleier før i mai", C),
        ("Kollegaen min Trond er homofil og blir trakassert på jobb i teknisk, gjør noe!", C),
        ("Hei, jeg sitter på dialyse tre dager i uka og får ikke parkere nær inngangen", C),
        ("Stesønnen min har fått diagnosen bipolar og sliter med å møte på skolen, hvem snakker vi med?", C),
    ],
    "discrimination": [
        ("Afghanere er primitive og voldelige, vi vil ikke ha dem som naboer", P_HOUSING),
        ("Syrere burde bo i telt ute i skogen, ikke i våre hus", P_HOUSING),
        ("Flyktninger = parasitter. Ferdig snakka", P_HOUSING),
        ("Kvinnfolk burde holde seg på kjøkkenet og ikke i kommunestyret", C),
        ("Dei muslimske familiane luktar og øydelegg nabolaget", C),
        ("Homser og lesber skal ikke få være med i barnetoget, det er ekkelt", P_NATDAY),
        ("Du er en f i t t e @Line Nilsen", C),
        ("Utviklingshemmede burde ikke få jobbe på biblioteket, de skremmer folk", P_LIBRARY),
        ("Alle polakker er fylliker og tyver, sjekk bare sagbruket", C),
        ("Eldre er bare dødvekt for samfunnet, kutt pleien", P_CARE),
        ("d r i t t s e k k e r alle som jobber med bosetting", P_HOUSING),
        ("Jeg skal knuse bilen din og deg etterpå, @Erlend", C),
        ("Transpersoner er forstyrra og burde få behandling, ikke flagg", C),
        ("N3gr3ne fra mottaket skal ikke inn på julemarkedet", P_MARKET),
        ("Jøder og muslimer er samme pakk, begge burde ut av landet", C),
        ("Funksjonshemmede unger drar ned hele klassen, de burde på egen skole", P_SCHOOL),
        ("Han saksbehandleren er en lat svarting som ikke kan norsk", C),
        ("Vi kommer til å henge opp den rådgiveren etter beina hvis brua stenges", P_BRIDGE),
        ("Samefolket er lat og drikker, alle vet det", C),
        ("Kjerringa på servicetorget er en dum ku, noen burde gi henne en lærepenge hun aldri glemmer", C),
        ("Afrikanske menn er farlige for jentene våre, de bør ikke bo i sentrum", P_HOUSING),
        ("ID1OTEN i teknisk etat burde forsvinne for godt", C),
        ("Romfolk er ikke ekte mennesker, bare kjeltringer", C),
        ("Dokker som e homofil kan flytte te byen, her ska dokker ikkje vere", C),
        ("Innvandrere avler som dyr og tar over skolene våre", P_SCHOOL),
        ("Sykepleierne fra Filippinene kan ikke noe, send dem hjem og ansett nordmenn", P_CARE),
        ("@Heidi Larsen du er så feit og ekkel at ungene gråter når de ser deg", C),
        ("Gamle folk som ikke kan kjøre burde bare dø av seg selv 🤷", C),
        ("Jævla muslimpakk, dere skal få se hva som skjer med moskeen", C),
        ("Kurdere er løgnere og kriminelle alle som en", C),
    ],
    "rumor": [
        ("Jeg har hørt at brua egentlig ble skadet av en kommunal lastebil og at de skjuler det", P_BRIDGE),
        ("Visstnok skal han som har ansvaret for vannverket ha glemt å skifte filteret i månedsvis", P_WATER),
        ("Folk sier at julemarkedet er flyttet fordi ordføreren er uvenner med Coop-sjefen", P_MARKET),
        ("Det ryktes at en av lærerne på ungdomsskolen har blitt anmeldt", C),
        ("Noen som vet om det stemmer at teknisk sjef har fått sparken?", C),
        ("Kompisen min som jobber i kommunen sier at de allerede har bestemt å legge ned Herefoss skole", P_SCHOOL),
        ("Hørte på trening at en av trenerne i Birkenes IL er politianmeldt, vet noen mer?", C),
        ("E det sant at han rektoren på Birkeland har hatt affære med ei i administrasjonen?", C),
        ("Det sies at de nye flyktningene får gratis bil av kommunen", P_HOUSING),
        ("I følge svogeren min var det ordføreren som pressa igjennom at vennen fikk bygge hytte i strandsona", C),
        ("Eg høyrde at vaktmeisteren på omsorgssenteret har stole medisinar", P_CARE),
        ("Snakk i bygda er at leiaren på SFO vart tatt for fyllekøyring", C),
        ("Vet ikke om det stemmer, men visst nok skal noen på rådhuset ha lekket anbudet til en kamerat", C),
        ("Rykter på Facebook om at det var en ansatt som startet brannen på gjenvinningsstasjonen 😳", C),
        ("Min nabo som sitter i kommunestyret sa at rådmannen skal slutte, er det noe i det?", C),
        ("Jeg tipper det var noen fra teknisk som sølte olje i bekken og nå dekker de over", C),
        ("Alle vet jo at LED-lysa ble kjøpt fra svogeren til en politiker", P_LIGHT),
        ("Noen sa at helsesykepleieren har sluttet etter en konflikt med ledelsen", P_VACC),
        ("Skal visst være en eller annen skandale rundt ansettelsen av ny kommunalsjef, noen som vet?", C),
        ("Hørt at bibliotekaren ble tatt for å stjele fra kassa", P_LIBRARY),
        ("Eg veit ikkje om det er sant, men nokon seier at vatnet har vore infisert i fleire veker utan at dei sa ifrå", P_WATER),
        ("sies at barnehagen på Flakk har hatt tilsyn pga vold fra en ansatt", C),
        ("Har noen andre fått med seg at det var en ulykke med en elev på skoleturen som ble holdt hemmelig?", C),
        ("stemmer det at ordføreren kjørte full hjem fra festen i rådhuset?", C),
        ("Jeg fikk vite av en som kjenner en i politiet at det er noen fra kommunen som er etterforsket", C),
        ("Det går et rykte om at sjefen på omsorgssenteret gir vennene sine de beste vaktene", P_CARE),
        ("Mange på butikken snakka om at brannvesenet kom for seint fordi vaktlaget var på fest", C),
        ("Hvem av dere var det som slapp gjennom kontrakten til utbyggeren uten anbud? Vi har hørt ting", C),
        ("Ifølge en bekjent er det kokken på sykehjemmet som har gjort folk syke", C),
        ("Det snakkes om at kommunalsjefen fikk nye møbler til kontoret for en halv million", C),
    ],
    "individual_case": [
        ("Vi har søkt om parkeringstillatelse for bobil på tomta og venter fortsatt på svar", C),
        ("Fikk faktura på 4500 kr for slamtømming, men tanken vår ble aldri tømt", C),
        ("Brua stenges for tunge kjøretøy, men jeg har tømmerbil og bor på andre siden. Kan jeg få dispensasjon?", P_BRIDGE),
        ("Sønnen min har stått på venteliste til kulturskolen i to år, kan noen sjekke plassen hans?", C),
        ("Vannet hjemme hos oss er brunt og lukter, kan noen komme og teste? Bor i Lauvåsen 12", P_WATER),
        ("Eg har sendt inn klage på eigedomsskatten for hytta, kva skjer med den?", C),
        ("Bestilte henting av storavfall for tre uker siden og ingen har kommet", C),
        ("Vi har søkt om å få felle to store bjørker på kommunal grunn ved huset vårt, når får vi svar?", C),
        ("Hei, har fått purring på en regning jeg betalte i september. KID 204431098", C),
        ("Mitt barnebarn fikk ikke plass på SFO fra høsten selv om vi søkte innen fristen, hva gjør vi nå?", C),
        ("Sluket i gata ved oss er tett og vannet står inn i garasjen", C),
        ("Søkte på stillingen som helsefagarbeider i fjor og fikk aldri svar, er søknaden min mottatt?", P_CARE),
        ("Vi fikk avslag på byggesøknaden for tilbygg. Hvordan anker vi?", C),
        ("Renovasjonsbilen har kjørt ned gjerdestolpen vår, ønsker erstatning", C),
        ("Hvorfor er jeg fakturert for to søppeldunker når jeg bare har én?", C),
        ("Bibliotekkortet mitt virker ikke på døra, kan dere se på det?", P_LIBRARY),
        ("Hei! Jeg har fått feil adresse i matrikkelen, gnr 44 bnr 17 er registrert på naboen", C),
        ("Har betalt for standplass på julemarkedet men fått mail om at det ikke er registrert", P_MARKET),
        ("Vi har vente på svar om skuleskyss for veslejenta i fire veker no", C),
        ("Lyktestolpen i innkjørselen vår ble knust av brøyteskjæret, hvem betaler?", C),
        ("Kommunen har gravd opp plenen vår for vannledning og ikke reparert den", C),
        ("Søknaden om tilskudd til vårt musikkorps er sendt, kan noen bekrefte?", C),
        ("Vi har flytta fra kommunen men får fortsatt faktura for barnehage", C),
        ("Er det mulig å få utsatt betalingen av eiendomsskatten min til sommeren?", C),
        ("Treet fra kommunens eiendom har falt over taket på boden vår", C),
        ("hei jeg søkte om sommerjobb som badevakt, har ikke hørt noe, søknadsnr 2291", C),
        ("Naboens hund bjeffer hele natta og vi har klaget til kommunen to ganger uten svar", C),
        ("Jeg har fått gebyr for for sen levering av bøker jeg leverte for lenge siden", P_LIBRARY),
        ("Vi ønsker å klage på at sønnen vår ikke fikk plass på Birkeland skole, men må gå på Engesland", P_SCHOOL),
        ("Når blir vannmåleren min byttet? Fikk brev om det i august", C),
    ],
    "political": [
        ("Kommer kommunen til å følge kommunedirektørens forslag om å legge ned Vegusdal skole?", P_SCHOOL),
        ("Hvor står kommunen i spørsmålet om ny bru, skal det prioriteres i budsjettet?", P_BRIDGE),
        ("Vil Birkenes ta imot flere enn 12 flyktninger hvis staten ber om det?", P_HOUSING),
        ("Er kommunen enig i at vi bør ha eiendomsskatt på næringseiendom?", C),
        ("Kva tykkjer kommunen om at det skal byggjast vindturbinar på Tveide?", C),
        ("Skal Birkenes kommune slå seg sammen med Lillesand og Grimstad? Hva anbefaler dere?", C),
        ("Blir omsorgssenteret privatisert eller ikke? Si det rett ut", P_CARE),
        ("Kommer kommunestyret til å innføre gratis kjernetid i barnehagen?", C),
        ("Støtter dere forslaget om å flytte biblioteket inn i rådhuset?", P_LIBRARY),
        ("Hva er kommunens syn på å stenge sentrum for biltrafikk på lørdager?", P_MARKET),
        ("Vil kommunen kjempe for å beholde fødestua i Arendal?", C),
        ("Synes dere det er riktig å kutte i skolehelsetjenesten for å bygge ny hall?", C),
        ("Kommer det til å bli eiendomsskatt på bolighus fra 2027?", C),
        ("Hvem i kommunestyret støtter nedleggelse av Herefoss skole, og hva mener administrasjonen?", P_SCHOOL),
        ("Ka mene kommunen om ulvesona, ska dokker jobbe for at ho flyttes?", C),
        ("Vil kommunen si ja til asfaltfabrikken ved Mollestad?", C),
        ("Er dere for eller mot nye boligfelt på dyrka mark?", C),
        ("Kommer dere til å prioritere eldreomsorg foran kultur i neste budsjett?", C),
        ("kommer skolen på engesland til å overleve den nye strukturen?", P_SCHOOL),
        ("Hva er kommunens standpunkt i debatten om kommunal tannlege?", C),
        ("Burde ikke Birkenes heller bygge ut Birkeland skole enn å ha fire små skoler?", P_SCHOOL),
        ("Vil kommunen gå inn for å selge kraftaksjene?", C),
        ("Skal det bli bompenger på nye riksvei 41? Hva vil dere jobbe for?", C),
        ("Blir det kutt i stillinger på omsorgssenteret når budsjettet vedtas?", P_CARE),
        ("Vil dere stanse bosettingen hvis det ikke finnes boliger?", P_HOUSING),
        ("Hvilket alternativ for skolestruktur tror dere politikerne velger?", P_SCHOOL),
        ("Er det riktig av kommunen å bruke penger på LED-lys når skolene forfaller? Hva mener dere?", P_LIGHT),
        ("Har kommunen tenkt å gå inn for kommunal drift av renovasjonen igjen?", C),
        ("Kjem kommunestyret til å vedta ny kyrkjegard på Senum?", C),
        ("Hvordan vil dere stemme om sammenslåing av barnehagene i sentrum?", C),
    ],
    "budget_org": [
        ("Hvor mye kostet de nye LED-lysene i lysløypa?", P_LIGHT),
        ("Hvem er leder for vann og avløp i kommunen?", P_WATER),
        ("Hva koster det å reparere brua, og hvem betaler?", P_BRIDGE),
        ("Hvor mye bruker kommunen på bosetting av flyktninger i året, og hvor mye dekker staten?", P_HOUSING),
        ("Kor mange tilsette har omsorgssenteret totalt?", P_CARE),
        ("Hvor mye sparer kommunen på den nye skolestrukturen?", P_SCHOOL),
        ("Hva var resultatet i kommuneregnskapet for i fjor?", C),
        ("Hvor mye har kommunen brukt på vikarbyrå i helse i år?", C),
        ("Hvem er øverste leder for kultur og fritid nå?", C),
        ("Hvor mye koster det meråpne biblioteket i drift?", P_LIBRARY),
        ("Kva kostar julemarknaden kommunen?", P_MARKET),
        ("Hvor mye penger går til administrasjon kontra tjenester?", C),
        ("Hvor stor er kommunens gjeld per innbygger?", C),
        ("Hvor mange stillinger er kuttet i teknisk de siste tre årene?", C),
        ("Hva tjener ordføreren i året?", C),
        ("Har kommunen fått skjønnsmidler fra Statsforvalteren i år, og hvor mye?", C),
        ("Hvor mye koster barnetoget og 17. mai-arrangementet for kommunen?", P_NATDAY),
        ("Hvem har ansvaret for beredskap i kommunen, er det egen avdeling?", C),
        ("Hva er budsjettet for vedlikehold av kommunale veier i år?", C),
        ("Hvor mye har vannverket kostet i oppgradering siste fem år?", P_WATER),
        ("Hvor mye får kommunen i eiendomsskatt fra kraftverkene?", C),
        ("Hvordan er helse og omsorg organisert etter omorganiseringen i fjor?", C),
        ("kor mykje pengar vert brukt på reinhald av rådhuset", C),
        ("Hvor mye bruker kommunen på reklame og annonser på Facebook?", C),
        ("Hvor mange ledere har kommunen egentlig, og hva koster de?", C),
        ("Hvor stort er disposisjonsfondet nå?", C),
        ("Hva er lønnsutgiftene totalt i kommunen?", C),
        ("Hvor mye fikk Birkenes IL i kommunalt tilskudd i fjor?", C),
        ("Hvem bestemmer over IT-avdelingen, er den felles med nabokommunene?", C),
        ("Hvor mye koster en sykehjemsplass kommunen per døgn?", P_CARE),
    ],
    "factual_error": [
        ("Lysløypa er bare opplyst til kl. 21, så ikke planlegg kveldstur", P_LIGHT),
        ("Vaksinen er bare for de over 75, så vi andre må til fastlegen", P_VACC),
        ("Brua er stengt for alle biler fra november, dere må kjøre om Vegusdal", P_BRIDGE),
        ("Julemarkedet er på søndag, ikke lørdag", P_MARKET),
        ("Kommunen skal bosette 40 flyktninger i år, ikke 12", P_HOUSING),
        ("Kokevarselet gjelder hele kommunen, ikke bare Engesland", P_WATER),
        ("Fristen for innspill til skolestruktur var jo i desember", P_SCHOOL),
        ("Meråpent biblioteket er bare for voksne over 18", P_LIBRARY),
        ("Barnetoget går fra kirka, ikke fra skolen", P_NATDAY),
        ("Omsorgssenteret har ansettelsesstopp, så det er ikke vits å søke", P_CARE),
        ("Det er ikke mulig å få bygget garasje uten å søke lenger, alt må søkes nå", C),
        ("Servicetorget har stengt for fremmøte, alt må gjøres på telefon", C),
        ("Badeplassen ved Ogge har blitt solgt til en privat utbygger", C),
        ("Det er bare oppvaskmaskiner som ikke kan leveres gratis på gjenvinningsstasjonen, alt annet er gratis", C),
        ("Kulturskolen har lagt ned gitarundervisningen", C),
        ("Eldre over 80 får ikke lenger gratis trygghetsalarm i Birkenes", C),
        ("Kommunen har fjernet alle benkene langs elva", C),
        ("Det er forbudt å fyre med ved i sentrum fra i år", C),
        ("Sfo er stengt hele juli og august", C),
        ("Legekontoret har ikke lenger åpent for akutt time samme dag", C),
        ("Hundeloven gjelder ikke i Birkenes, så her kan hunden gå løs hele året", C),
        ("Skolestart er 25. august i år, ikke 18.", C),
        ("Tilskudd til idrettslag deles bare ut annethvert år", C),
        ("Bassenget har bare åpent for publikum i helgene nå", C),
        ("Kommunen tar betalt for å søke om barnehageplass", C),
        ("Papirsøppel blir ikke hentet lenger, det må leveres selv", C),
        ("Helsestasjonen har flyttet til Lillesand", P_VACC),
        ("Det er ikkje lov å ha høner i boligfelt i Birkenes", C),
        ("Vaksineringen er kl. 9-12, ikke på ettermiddagen, dere har skrevet feil", P_VACC),
        ("Løypa er jo stengt om natta pga lyset, så man kan ikke gå der etter 23", P_LIGHT),
    ],
    "question": [
        ("Gjelder meråpent også for barn med eget lånekort?", P_LIBRARY),
        ("Må man bestille time til vaksinen eller kan man bare møte opp?", P_VACC),
        ("Hvor tungt må kjøretøyet være for at forbudet gjelder?", P_BRIDGE),
        ("Er det mulig å leie stand på julemarkedet fortsatt?", P_MARKET),
        ("Hvordan melder man seg som utleier, og hva slags bolig trenger dere?", P_HOUSING),
        ("Hvor lenge må vannet koke?", P_WATER),
        ("Hvor kan man lese høringsforslaget, og kan hvem som helst sende innspill?", P_SCHOOL),
        ("Er det deltidsstillinger eller bare hele?", P_CARE),
        ("Går barnetoget samme rute som i fjor?", P_NATDAY),
        ("Er lysløypa preparert for ski ennå?", P_LIGHT),
        ("Hvordan bestiller jeg ny søppeldunk?", C),
        ("Når er neste kommunestyremøte, og kan man se det direkte?", C),
        ("Kor kan eg levere gamle malingsspann?", C),
        ("Har svømmehallen åpent i vinterferien?", C),
        ("Hvordan søker man om startlån, og hva er kravene?", C),
        ("Hvilke dager er det åpen barnehage på Birkeland?", C),
        ("Kan man få hjelp til å fylle ut søknad om bostøtte på servicetorget?", C),
        ("Hvor lang er ventetiden på kommunal bolig generelt?", C),
        ("Har kommunen noe tilbud for ensomme eldre, typ besøksvenn?", C),
        ("Hvem kan jeg kontakte om jeg vil bli støttekontakt?", C),
        ("Trenger man tillatelse for å brenne bål i hagen om våren?", C),
        ("Hvor kan jeg se tømmekalenderen for 2026?", C),
        ("Hvordan fungerer friplass i kulturskolen?", C),
        ("ka tid åpne gjenvinningsstasjonen på lørdaga?", C),
        ("Hvor melder man fra om en død elg ved veien?", C),
        ("Er det gratis å parkere ved rådhuset?", C),
        ("Tilbyr kommunen norskkurs for voksne innvandrere?", C),
        ("Kan man gifte seg borgerlig på rådhuset i Birkenes?", C),
        ("Hva gjør jeg hvis jeg finner en skadet fugl?", C),
        ("Hvordan får man TT-kort og hvem kan søke?", C),
    ],
    "feedback": [
        ("Endelig lys i løypa igjen! Tusen takk til alle som har jobbet med det ✨", P_LIGHT),
        ("Flott at vaksinen er på ettermiddagen så vi som jobber rekker det", P_VACC),
        ("Takk for at dere varsler tidlig om brua, det hjelper oss som kjører", P_BRIDGE),
        ("Gleder oss til julemarkedet! Kanskje dere kan ha flere benker i år?", P_MARKET),
        ("Så bra at dere informerer om dette, hadde vært fint med info på engelsk også", P_WATER),
        ("Meråpent bibliotek er genialt, takk for et flott tilbud 📚", P_LIBRARY),
        ("Et forslag: legg programmet ut som PDF så vi kan skrive det ut", P_NATDAY),
        ("Bra at høringen er åpen lenge, det gir tid til å sette seg inn i saken", P_SCHOOL),
        ("Kjempeflotte folk på omsorgssenteret, mamma har det så godt der ❤️", P_CARE),
        ("Dere gjør en god jobb med å ta imot de nye, takk", P_HOUSING),
        ("Tusen hjertelig takk til brannvesenet for rask innsats i går kveld", C),
        ("Stor ros til renovasjonsarbeiderne som hentet dunken selv om den sto feil", C),
        ("Vurder gjerne å sette opp en hundepose-stasjon ved starten av turstien", C),
        ("Helsesykepleier på Birkeland skole er gull verdt 💛", C),
        ("Veldig ryddig nettside nå, lett å finne fram", C),
        ("Takk for kjempegod hjelp på telefonen i dag, dere var så tålmodige", C),
        ("Tips: send SMS-varsel når det er kokevarsel, ikke alle er på Facebook", C),
        ("Fantastisk innsats av brøytemannskapet i helga 👏👏", C),
        ("Det var en nydelig markering på minnedagen, takk for at dere arrangerte", C),
        ("Heia hjemmetjenesten, dere er helter!", C),
        ("Godt å se at dere fikser fortauet langs skoleveien, takk", C),
        ("Kunne dere lagt ut lenke til påmelding direkte i posten? Hadde gjort det enklere", C),
        ("Takk for et trivelig møte om kommuneplanen, lærte mye", C),
        ("Supert med gratis aktiviteter i høstferien, ungene koste seg", C),
        ("Forslag til neste år: flere toaletter langs barnetogruta", P_NATDAY),
        ("Så fint dere har pyntet sentrum til jul 🎄 takk", C),
        ("Ville vore fint om de la ut opningstidene i posten òg", C),
        ("Jeg vil bare takke legen på legevakta som tok seg ekstra tid i natt", C),
        ("Kjempebra initiativ med språkkafé på biblioteket!", C),
        ("tusen takk for rask svar på mailen min, sjeldent god service 😊", C),
    ],
    "other": [
        ("Dei late byråkratane på rådhuset har aldri gjort ein ærleg dags arbeid", C),
        ("Jeg hører det blir sludd i morgen, typisk 🙄", C),
        ("Den nye rundkjøringa er stygg som juling 😂", C),
        ("@Marius Berg bli med å gå her i kveld?", P_LIGHT),
        ("Helt håpløs kommune, det går bare nedover", C),
        ("Politikerne her er noen idioter som bare tenker på seg selv", C),
        ("Endelig! 😍", P_LIGHT),
        ("Hadde hørt om dette på radioen allerede", P_BRIDGE),
        ("Gleder meg til gløgg 🍷", P_MARKET),
        ("Drikker aldri vann fra springen uansett haha", P_WATER),
        ("Skandaløs sløsing med penger, skulle skamme dere", C),
        ("Hvorfor er det alltid Vegusdal som taper? 😡", P_SCHOOL),
        ("Min farfar gikk på Herefoss skole i 1950, mye har endret seg siden da", P_SCHOOL),
        ("Noen som vil kjøpe en brukt barnevogn? Send pm", C),
        ("Gratulerer med dagen til alle! 🇳🇴🇳🇴", P_NATDAY),
        ("Kommunen er styrt av inkompetente folk, det har jeg sagt lenge", C),
        ("dere på teknisk er noen sløve tufser, men det visste vi jo", C),
        ("Hørte dere tordenværet i natt? For et smell", C),
        ("Vi får se, vi får se...", C),
        ("Jeg er så lei av hele denne debatten", P_SCHOOL),
        ("Fin dag for en tur 🌲", P_LIGHT),
        ("@Kristine Stølen dette er jo jobben du søkte på?", P_CARE),
        ("Ordføreren burde gå av, han har ikke gjort noe på fire år", C),
        ("Lol 😂😂", C),
        ("Sykt at ingen tar ansvar for noe i denne kommunen", C),
        ("Hvem husker da det var kino i samfunnshuset?", C),
        ("Dette er den dummeste avgjørelsen jeg har sett, totalt idiotisk", C),
        ("Heldigvis bor vi på Birkeland og ikke i Herefoss haha", P_BRIDGE),
        ("Typisk kommunen, alltid for seint ute", C),
        ("Kommunens ledelse er en gjeng late og feige byråkrater", C),
    ],
}


def build(seed: int = 4041) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    for cat, items in ITEMS.items():
        for i, (text, context) in enumerate(items):
            t = (
                text.replace("{fnr}", common.fake_fnr(rng, "f"))
                .replace("{dnr}", common.fake_fnr(rng, "d"))
                .replace("{konto}", common.fake_account(rng))
            )
            rec = {"id": f"h4-{cat}-{i:02d}", "text": t, "category": cat}
            if context:
                rec["context"] = context
            out.append(rec)
    random.Random(seed).shuffle(out)
    return out


def main() -> None:
    path = Path(__file__).resolve().parents[2] / "data" / "triage" / "heldout4.jsonl"
    recs = build()
    with path.open("w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} comments to {path}")


if __name__ == "__main__":
    main()
