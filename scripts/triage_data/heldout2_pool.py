"""Second held-out set: 300 comments, 30 per category, each written by hand once.

Written before any change to the model or the training data, in phrasings that are not in
train_pool.py, heldout_pool.py or the shared examples, and never looked at through the
model's errors: it is the honest measurement. No templates and no surface transforms: the
spelling variants (no æøå, dialect, nynorsk, typos, emoji, @mentions) are written in.
Only identity and account numbers are filled in (made up, valid check digits, seeded).

    .venv/bin/python scripts/triage_data/heldout2_pool.py   # writes data/triage/heldout2.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from triage_data import common

# Posts that some comments answer (``context``).
P_LIB = "Biblioteket holder stengt for oppussing fra 1. til 18. juni. Innleveringskassen er åpen som vanlig."
P_MEETING = "Kommunestyret behandler saken om skolestruktur torsdag 11. mars kl. 18. Møtet strømmes."
P_VAX = "Influensavaksinering for alle over 65 år på helsestasjonen tirsdager fram til jul, kl. 12–15. Ingen timebestilling."
P_WATER = "Planlagt vannstans i Birkeland sentrum tirsdag 1. desember kl. 09–13 på grunn av arbeid på hovedledningen."
P_XMAS = "🎄 Velkommen til julegateåpning på Birkeland lørdag 28. november kl. 16! Juletreet tennes kl. 17."
P_KINDER = "Søknadsfristen for hovedopptaket i barnehage er 1. mars. Du søker via nettsiden vår."
P_PLOW = "Brøytemannskapene er ute fra kl. 04 i natt. Ikke parker langs kommunale veier."
P_SCHOOL = "Skolestart for elevene er mandag 18. august. Velkommen til et nytt skoleår!"
P_POOL = "Svømmehallen er stengt i høstferien (uke 40) for vedlikehold. Vi åpner igjen mandag 6. oktober."
P_TRASH = "Ny tømmekalender for 2026 er klar. Glass og metall hentes hver åttende uke som før."

C = None  # no context

ITEMS: dict[str, list[tuple[str, str | None]]] = {
    "sensitive": [
        ("Hei, sønnen min Magnus (8) har fått påvist cøliaki. Kan SFO lage glutenfri mat til han? 🙏", C),
        ("Mor mi bur på omsorgssenteret og har vorte så dement at ho ikkje kjenner oss att lenger. Kvifor får ho ikkje eige rom?", C),
        ("Personnummeret mitt er {fnr}, kan dere sende meg kopi av vedtaket på e-post?", C),
        ("Betal tilbake depositumet for samfunnshuset til konto {konto}. Mvh Geir Tveit", C),
        ("Naboen i Svaland, han Roger, sitter inne for promillekjøring igjen, så nå står hagen hans og forfaller", C),
        ("Han Kjell på Rugsland har vært inne på avrusning tre ganger i år, burde ikke han miste lappen?", C),
        ("jeg er ufør pga ryggen og har ikke råd til SFO, får man rabatt?", C),
        ("Datteren vår Ida på Herefoss barnehage blir mobbet hver dag og de ansatte gjør ingenting 😡", C),
        ("Visste dere at hun nye legen på legekontoret er lesbisk? Ikke at det angår noen", C),
        ("Tante mi har kreft og får ikke hjemmesykepleie i helgene, dette er for dårlig Birkenes!!", C),
        ("eg e gravid med tvillinga og treng hjelp te å få time på helsestasjonen tidlegare", C),
        ("Barnevernet henta ungene til Stine Lunden i forrige uke, hvorfor sier ingen noe?", C),
        ("Stemmer det at Trond på teknisk er innlagt på psykiatrisk?", C),
        ("Min son har autisme og får ikkje skyss til Birkeland skule lenger, kven kan eg snakke med?", C),
        ("@Hilde Fidje du som har gått med angst i alle år burde jo vite hvordan det er", C),
        ("Broren min lever på sosialstønad fra NAV og får ikke kommunal bolig, dere svikter totalt", C),
        ("Han som driver kiosken på Engesland er dømt for vold mot kona, handler ikke der mer", C),
        ("Faren min (87) fikk hjerneslag i helga og trenger korttidsplass NÅ. Ring meg", C),
        ("Je har fått diagnosen fibromyalgi og orker ikke å måke, kan kommunen hjelpe?", C),
        ("Takk til fastlegen som oppdaget brystkreften til kona mi i tide ❤️ Dere redda livet hennes", C),
        ("Kontonr mitt er {konto} hvis dere skal refundere kulturskolen", C),
        ("D-nummeret til mannen min er {dnr}, han får ikke registrert seg hos fastlegen", C),
        ("Mona på Tveide er tillitsvalgt i Fagforbundet og ble oppsagt pga det, skammelig", C),
        ("Sondre i 9B på ungdomsskolen har fått hjemmeundervisning etter at han ble utvist for vold", C),
        ("eg tek antidepressiva og får ikkje sove på grunn av bråket frå anleggsarbeidet, når blir det ferdig?", C),
        ("Svigerfar er nesten blind og klarer ikke å lese brevene fra kommunen. Kan dere ringe ham i stedet?", C),
        ("Ola Haugland i 10. klasse ble tatt med hasj på skolen i går, håper rektor gjør noe", C),
        ("min sambo fikk sparken og gaar naa paa dagpenger fra NAV, faar vi redusert barnehagepris?", C),
        ("Leif paa Flakk har vore rusavhengig i aarevis, og no skal han faa kommunal bustad?? 😡", C),
        ("Vi fikk nettopp vite at babyen har Downs syndrom. Har kommunen noen tilbud for familier som oss?", C),
    ],
    "discrimination": [
        ("Afghanere kan ikke oppføre seg, de er som dyr alle sammen", C),
        ("Eritreerne i blokka på Senum burde pakkes på første fly ut av landet", C),
        ("Polske arbeidsfolk er late og drikker i arbeidstida, sånn er de bare", C),
        ("Skeive folk har ikke noe i skolen å gjøre, de påvirker ungene", C),
        ("Funksjonshemma unger burde gå på egne skoler så de ikke ødelegger for de normale", C),
        ("Kvinnfolk har ikke noe i politikken å gjøre, se bare på kommunestyret vårt", C),
        ("Rumenerne som tigger ved Coop er ei pest, kast dem ut av bygda", C),
        ("Sånne som deg, Terje, burde ikke få bo her. Vi skal gjøre livet ditt til et helvete", C),
        ("@Kristian Homme du er ein jævla taper og heile Herefoss ler av deg", C),
        ("Skal ta han saksbehandleren når han kommer ut fra rådhuset i dag 👊", C),
        ("Noen burde brenne ned det flyktningmottaket før det åpner", C),
        ("Ser det har flytta inn en n e g e r i nabohuset, der gikk verdien på huset 🙄", C),
        ("Jævla p4kk1s-butikk i sentrum, boikott den", C),
        ("Hu i resepsjonen er ei feit kjerring som ikke burde jobbe med folk", C),
        ("Jødene styrer alt i denne verden, også kommunen vår", C),
        ("Gamlingene på Tveide er bare til bry, stapp dem på en institusjon og glem dem", C),
        ("Samer og tatere har alltid vært snyltere, det vet alle", C),
        ("Lesbene som styrer kulturskolen burde holde seg unna ungene våre", C),
        ("Kan ikkje kommunen sende desse araberane tilbake dit dei kom frå?", C),
        ("Utlendingane er ein plage og ikkje verdt ei krone av skattepengane våre", C),
        ("Du er ein idiot, Per, og eg håpar du får juling på vegen heim", C),
        ("R3t4rd3rte folk som deg burde ikke få stemme", C),
        ("Ta dere i vare, dere på plankontoret. Vi er mange som er forbanna og vi vet hvor dere parkerer", C),
        ("Transfolk er psykisk syke og burde ikke få undervise barn", C),
        ("Ikke ansett flere innvandrere i hjemmetjenesten, de lukter og skjønner ingenting", C),
        ("Syrerne som kom i fjor er noen parasitter som bare tar og tar", C),
        ("hele familien Olsen på Mollestad er noen jævla kriminelle rotter, pass dere for dem", C),
        ("F i t t e, det er det du er Anne", C),
        ("Ungdommene fra asylmottaket burde sperres inne om kveldene, alle sammen er tjuver", C),
        ("Dei svartingane på bussen te Lillesand burde sitte bakerst 🤬", C),
    ],
    "rumor": [
        ("Noen som har hørt at det var innbrudd på rådhuset i helga? Og at det forsvant PC-er?", C),
        ("Stemmer det at kommunen har fått pålegg fra Arbeidstilsynet om barnehagen i Herefoss?", C),
        ("Mora til en i klassen sa at en lærer på Engesland ble avslørt for å ha stjålet fra kantina", C),
        ("Skal visst være noe muffens med hvem som fikk tomtene på Lauvåsen 🤔", C),
        ("Kompisen min som jobber på teknisk sier at de har visst om lekkasjen i renseanlegget i et år", C),
        ("Er det sant at ordføreren fikk gratis hyttetomt av en utbygger?", C),
        ("Eg veit ikkje om det stemmer, men nokon seier at kommunalsjefen fekk sparken i går", C),
        ("Alle i bygda veit at det var sønnen til ein i kommunestyret som knuste vindauga på skulen", C),
        ("Rykte: det blir masseoppsigelser i hjemmetjenesten etter nyttår. Dere skjuler det til etter valget?", C),
        ("Hørte på butikken at brannen i Vegusdal var påtent og at politiet vet hvem det er", C),
        ("Snakkes om at det nye bygget på Birkeland skal bli ruspoliklinikk, og ingen har sagt noe til oss", C),
        ("Har det seg sånn at entreprenøren fikk kontrakten fordi han spiller golf med kommunedirektøren?", C),
        ("Ka e det som skjer på renseanlegget? Hørte det va noe gift som lakk ut i elva", C),
        ("Lurer på om det stemmer, det folk sier, at skolematen lages av en som ikke har godkjenning", C),
        ("ryktet sier at sfo-lederen slutta i protest. hva skjedde egentlig?", C),
        ("En kar på jobben mente at kommunen har hemmelige planer om å selge stranda ved Oggevatn til en hotellkjede", C),
        ("Noen som veit om det er sant at det var kommunens bil som kjørte ned gjerdet på Svaland?", C),
        ("Tydeligvis er det noen i administrasjonen som har lekket saken til avisa, eller?", C),
        ("Det går rykter om at barnehagen på Tveide har hatt tilsyn etter en voldsepisode. Hvorfor er det så stille?", C),
        ("Visst nok skal det ha vore fest på kommunehuset etter arbeidstid med kommunen sin alkohol 🍻", C),
        ("Har fått med meg at det var en kommuneansatt som traff elgen i Herefoss og stakk av. Noen som vet?", C),
        ("Først var det Herefoss, nå sier de at Vegusdal skole er neste ut. Hvem har bestemt det i det stille?", C),
        ("Garantert er det kommunedirektøren som har stoppa gatelyssaken, han bor jo ikke der selv", C),
        ("fikk høre fra ei venninne at badeanlegget stengte fordi noen ble syke av bassengvannet. noen mer info?", C),
        ("Ingen vil si det høyt, men det var vel press fra ordføreren som gjorde at byggesaken til broren gikk gjennom?", C),
        ("Mange i Facebook-gruppa sier at det er asbest i den gamle skolen og at kommunen har visst det lenge", C),
        ("Noen fortalte meg at brøyteentreprenøren har gått konkurs og at det er derfor det ikke ble brøytet", C),
        ("Er det noe i det at kommunen skal ha betalt ut erstatning til en tidligere ansatt i all stillhet? 🤐", C),
        ("Alle vet at det ble funnet mugg på skolen i Herefoss og at det ble dysset ned. Hvorfor får vi ikke vite sannheten?", C),
        ("Kjem det av at ho på kultur er gift med ein i formannskapet at dei fekk pengane? Berre spør 😉", C),
    ],
    "individual_case": [
        ("Søkte om å felle et tre på tomta i juni og har ikke fått noe svar. Hvem sitter med saken?", C),
        ("Fakturaen for renovasjon er fortsatt sendt til faren min som døde i fjor, kan dere rette navnet?", C),
        ("Vi har betalt feiing to ganger i år, vil ha pengene tilbake", C),
        ("Hei, vannmåleren vår ble byttet i mars men vi har fått regning etter den gamle måleren. Hvem ringer jeg?", C),
        ("Dattera vår kom ikke inn på kulturskolen i gitar, står hun på venteliste?", C),
        ("Jeg klaget på SFO-vedtaket for fem uker siden og har fortsatt ikke fått svar", C),
        ("Naboen har bygd garasje en meter fra grensa vår uten nabovarsel. Hvem melder vi det til?", C),
        ("Har sendt inn søknad om startlån og lurer på hvor langt den har kommet?", C),
        ("Bossdunken vår ble ikke tømt i dag heller, tredje gang på rad! Skogveien 12 på Flakk", C),
        ("Eg fekk parkeringsbot utanfor legekontoret men skiltet var dekt av snø. Korleis klagar eg på den?", C),
        ("Kan dere flytte dunkene våre tilbake? Renovasjonsbilen satte dem midt i innkjørselen", C),
        ("Når kommer ferdigattesten for tilbygget vårt? Sendte alt i september", C),
        ("Vi har fått regning på 14 000 for tilknytning til kommunalt vann, men vi ble lovet at det var inkludert", C),
        ("Gutten min fikk ikke plass på Birkeland skole selv om vi bor 800 meter unna, vi vil klage", C),
        ("Grøfta langs vegen vår har gått tett og no står vatnet inn i hagen. Kan nokon kome og sjå på det?", C),
        ("Eg har venta på svar på delingssøknaden min sidan februar. Er det nokon som jobbar med den?", C),
        ("Hei! Vi står på venteliste for større kommunal leilighet og har fått beskjed om å vente. Kan jeg få en begrunnelse?", C),
        ("Fikk purring på eiendomsskatten, men betalinga gikk ut 20. mai. Kan noen sjekke innbetalinga vår?", C),
        ("Vi skal koble oss på fiber og trenger gravetillatelse over den kommunale vegen forbi huset. Hvor sender vi søknaden?", C),
        ("Søknaden min om tilskudd til nytt tak på stabburet ble avslått, hva er begrunnelsen?", C),
        ("Vi har ikke fått noe svar på klagen vår på byggesaken til naboen, saksnr 23/1456", C),
        ("Snøbrøyteren har øydelagt plenen og steingjerdet vårt på Flakk, kven tek rekninga?", C),
        ("mitt barn har fått avslag på leksehjelp. skjønner ikke hvorfor, kan noen forklare?", C),
        ("Vi har leid samfunnshuset 14. juli til bryllup, kan dere bekrefte at bookingen er registrert?", C),
        ("Hytta vaar i Vegusdal har faatt feil adresse i matrikkelen, saa posten kommer ikke fram. Hvem retter det?", C),
        ("Eg søkte om gravplass ved sida av mor for tre månader sidan, men har ikkje høyrt noko", C),
        ("@Birkenes kommune kan dere sjekke hvorfor vi fortsatt får renovasjonsregning for et hus vi solgte i fjor?", C),
        ("Når kommer dere og leser av vannmåleren hos oss på Senum? Har venta siden mandag 😤", C),
        ("Vi fikk pålegg om å rive terrassen, men den har stått der i 20 år. Vi kommer til å klage på vedtaket", C),
        ("Hallo? Har ringt tre ganger om lekkasjen fra kummen utenfor huset vårt og ingen kommer. Hva må til?", C),
    ],
    "political": [
        ("Kommer kommunen til å innføre eiendomsskatt på hytter neste år?", C),
        ("Hva syns dere om forslaget om å slå sammen Birkenes og Lillesand?", C),
        ("Bør ikkje kommunen bruke meir på skulane enn på nytt rådhus? Kva er dykkar syn?", C),
        ("Blir sykehjemsplassene på Herefoss lagt ned eller ikke? Vi krever svar", C),
        ("Er kommunen imot vindturbiner på heia? Vi fortjener å få vite det", C),
        ("Kommer Engesland skole til å overleve neste runde? Svar ærlig", C),
        ("Hvorfor tar ikke kommunen et tydelig standpunkt mot nedleggelsen av fødeavdelingen i Arendal?", C),
        ("Vil dere støtte kravet om gang- og sykkelvei langs fylkesveien, ja eller nei?", C),
        ("Syns kommunen det er riktig å prioritere kunstgressbane når skolene forfaller?", C),
        ("Blir det en eller to ungdomsskoler i framtida? Hva går dere inn for?", C),
        ("Ka mene dokker om å flytte helsestasjonen te sentrum?", C),
        ("Kommer kommunestyret til å si ja til hyttefeltet ved Oggevatn, tror dere?", C),
        ("Kan kommunen love at Vegusdal skule ikkje vert lagd ned i denne perioden?", C),
        ("Er dere enige i at det trengs et nytt kulturhus på Birkeland?", C),
        ("Burde ikke kommunen si nei til å ta imot flere flyktninger når det ikke er boliger nok?", C),
        ("Blir det gratis SFO for alle trinn i Birkenes etter hvert? Håper dere går for det", C),
        ("Hva er kommunens syn på å sette ut renovasjonen til private?", C),
        ("Vil ordføreren gå inn for å senke eiendomsskatten i 2026?", C),
        ("Herefoss taper alltid. Kommer dere til å prioritere oss denne gangen eller ikke?", C),
        ("Kva trur de, blir det vedteke å stengje bassenget om sommaren?", C),
        ("Dere må jo mene noe om skoleflyttinga. Er det bra eller dårlig for ungene?", C),
        ("Skal kommunen kutte i kulturskolen eller i eldreomsorgen? Hva er viktigst for dere?", C),
        ("Bør Birkenes ha kommunale barnehager i stedet for private? Hva tenker administrasjonen?", C),
        ("Kvifor protesterer ikkje kommunen mot bompengane på riksvegen? Er de for dei?", C),
        ("Tar kommunen stilling til kommunesammenslåing snart, eller skal dere bare sitte på gjerdet?", C),
        ("Er det ikkje på tide at kommunen går inn for eigen ambulanse i Birkenes?", C),
        ("Hva mener dere selv om nedleggelse av Senum barnehage, uavhengig av innstillinga?", C),
        ("Hvis dere må velge mellom ny brannstasjon og ny barnehage, hva velger dere?", C),
        ("Blir det eiendomsskatt på næringseiendom fra neste år? Vi bedriftseiere vil vite det", C),
        ("Burde ikke dere heller satse på buss enn flere parkeringsplasser i sentrum? Enig?", C),
    ],
    "budget_org": [
        ("Hvor mye bruker kommunen på skoleskyss i året?", C),
        ("Kor stor prosent av pengane går til administrasjon kontra tenester?", C),
        ("Hvem har ansvaret for kulturskolen nå, hører den under oppvekst eller kultur?", C),
        ("Kor mykje gjeld har kommunen no etter alle byggeprosjekta?", C),
        ("Hva tjener kommunedirektøren egentlig?", C),
        ("Hvor mange årsverk er det i hjemmetjenesten?", C),
        ("Kva kosta den nye rundkøyringa i sentrum til slutt?", C),
        ("Det er helt sykt hvor mye som renner ut til konsulentselskaper hos dere. Millioner hvert år!", C),
        ("Hvordan gikk regnskapet for 2024, ble det overskudd?", C),
        ("Hvem sitter i kommunedirektørens ledergruppe etter endringene i høst?", C),
        ("Hvor går egentlig pengene fra eiendomsskatten? Til rådhuset?", C),
        ("Har kommunen en oversikt over hva nybygget på Birkeland skole endte på i kroner?", C),
        ("Sløsing med skattepengene våre, det er det dere driver med 💸", C),
        ("Finnes det et organisasjonskart over kommunen? Vanskelig å vite hvem man skal kontakte", C),
        ("Kor mange tilsette har teknisk eining?", C),
        ("Hvor mye fikk kommunen i statstilskudd til flyktningarbeidet i fjor?", C),
        ("Hvor mye er satt av til vedlikehold av kommunale veier i år?", C),
        ("Er det sant at kommunen går med et underskudd på 30 millioner i år?", C),
        ("Hvorfor ble økonomiavdelingen og personalavdelingen slått sammen?", C),
        ("Hva er lønnskostnadene i kommunen totalt, i prosent av driften?", C),
        ("Hvor stort er driftsbudsjettet til barnehagene?", C),
        ("Hvem leder IT i kommunen nå, er det fortsatt et interkommunalt samarbeid?", C),
        ("Kor mykje brukte kommunen på straum i fjor?", C),
        ("Feite lederlønninger på rådhuset mens eldreomsorgen sulter, fint prioritert 🙄", C),
        ("Hvordan er investeringsbudsjettet fordelt de neste fire årene?", C),
        ("Hvor mange ledere har kommunen egentlig? Virker som det blir flere sjefer for hvert år", C),
        ("Hva brukte dere paa den nye nettsiden? Saa dyr ut", C),
        ("Hvilke enheter ligger under kommunalsjef for oppvekst?", C),
        ("hvor mye tjente kommunen på salget av den gamle skolen?", C),
        ("Hva betaler Birkenes for brannvesenet i det interkommunale selskapet?", C),
    ],
    "factual_error": [
        ("Ok, så da er det ingen vits å levere bøker før i juli, innleveringa er jo stengt 🙄", P_LIB),
        ("Nå må man jo ha timebestilling for å kaste ting på miljøstasjonen, helt håpløst", C),
        ("Møtet er jo på tirsdag den 9., så det er for seint å melde seg på nå", P_MEETING),
        ("Badebrygga ved Tveidevannet er revet, så det er ikke noe vits å dra dit i sommer", C),
        ("Kulturskolen har lagt ned alle gitarkursa, så nå må vi kjøre til Kristiansand", C),
        ("Man må bestille time på forhånd for å få vaksinen, ellers blir man sendt hjem.", P_VAX),
        ("Skolene begynner jo ikke før 25. august i år, så ferien blir lengre 😎", P_SCHOOL),
        ("Eldre over 80 får ikke lenger middagslevering fra kjøkkenet, det ble vedtatt i juni", C),
        ("Vannet blir borte hele dagen på tirsdag, husk å fylle opp bøtter!", P_WATER),
        ("Helsestasjonen har bare åpent én dag i uka nå etter kuttene", C),
        ("Glass og metall blir ikke henta lenger i det hele tatt, vi må kjøre det sjøl", P_TRASH),
        ("Påmeldinga til sommarskulen stengde i april, so det er for seint no", C),
        ("Klokka 18 altså, da rekker vi det etter middag 👍", P_XMAS),
        ("Kommunen har slutta å strø fortauene i sentrum, det er vedtatt for å spare", C),
        ("Svømmehallen er stengt resten av året pga lekkasje, så det blir ingen svømmeopplæring før jul", C),
        ("Alle over 70 må søke på nytt om trygghetsalarm innen fredag, ellers blir den tatt fra dem!!", C),
        ("fristen e 15. mars, så ta det med ro folkens", P_KINDER),
        ("Man kan ikke søke barnehageplass etter fristen i det hele tatt, da må man vente et helt år", C),
        ("Biblioteksbussen kjører ikke til Herefoss lenger", C),
        ("De starter ikke før kl 7, så ikke stress med å flytte bilen før det", P_PLOW),
        ("Ungdomsklubben er nedlagt, det finnes ingenting for ungdommen her lenger", C),
        ("Kommunen har fjerna alle søppelbøttene langs lysløypa, derfor ligger det bæsjeposer overalt 🤢", C),
        ("Husk valgkortet, uten det får du ikke stemme!", C),
        ("Servicetorget stenger kl 12 på fredager fra i høst, så kom tidlig", C),
        ("Dere har jo innført parkeringsavgift ved legekontoret, 30 kr timen", C),
        ("Mandag 11. august ja, vi gleder oss!", P_SCHOOL),
        ("Det er bare de i sentrum som får hentet hageavfall, vi i Vegusdal må kjøre det sjøl", C),
        ("Fra 1. januar må alle betale for å bruke lysløypa", C),
        ("Svømmehallen er stengt hele oktober, så glem svømming i høstferien og etterpå", P_POOL),
        ("Eg las at eldresenteret er stengt for godt no, så kvar skal dei gamle møtast?", C),
    ],
    "question": [
        ("Når er det henting av juletrær i år?", C),
        ("Hvor kan jeg levere gamle malingsbokser?", C),
        ("Korleis søkjer ein om tilskot til lag og organisasjonar?", C),
        ("Er svømmehallen åpen for publikum i vinterferien?", C),
        ("Må man ha med legitimasjon for å stemme?", C),
        ("Hvem skal man ringe hvis gatelyset i gata er gått?", C),
        ("Hvilke dager er gjenvinningsstasjonen åpen?", C),
        ("Hvor lang tid tar det vanligvis å få svar på søknad om barnehageplass?", C),
        ("Går det an å låne el-sykkel på biblioteket?", C),
        ("Når kommer tømmekalenderen for neste år?", C),
        ("Ka tid starte sommerskolen?", C),
        ("Hvordan får man parkeringstillatelse for forflytningshemmede?", C),
        ("@Birkenes kommune har innbyggertorget åpent i påsken?", C),
        ("Hvordan søker man om skoleskyss når skoleveien er farlig?", C),
        ("Hvor finner jeg saksdokumentene til kommunestyremøtet neste uke?", C),
        ("Stemmer det at biblioteket har åpent til kl 20 på torsdager nå?", C),
        ("Kven kan eg kontakte om eg vil bli støttekontakt?", C),
        ("Hva er åpningstidene til helsestasjonen for ungdom?", C),
        ("Når stenger påmeldinga til kulturskolen?", C),
        ("Gjelder bålforbudet også på egen hyttetomt?", C),
        ("Hvordan fungerer meråpent på biblioteket, trenger man eget kort?", C),
        ("Er det riktig at man kan levere hageavfall gratis i mai?", C),
        ("Tar dere imot frivillige til besøkstjenesten på omsorgssenteret?", C),
        ("Hva koster et årskort i svømmehallen?", C),
        ("Blir kommunestyremøtet strømmet i kveld? Finner ikke lenken", P_MEETING),
        ("Må man være med i en forening for å leie gymsalen?", C),
        ("Er det mulig å gifte seg på rådhuset på en lørdag?", C),
        ("Korleis får eg tak i kart over turstiane i Birkenes?", C),
        ("Kan man bestille time hos fysioterapeuten uten henvisning fra lege?", C),
        ("Hvor er nærmeste hjertestarter i Birkeland sentrum?", C),
    ],
    "feedback": [
        ("Så hyggelig å bli møtt av ei blid dame i resepsjonen i dag, takk!", C),
        ("Kjempebra at dere la ut brøytekartet, supernyttig 👏", C),
        ("Takk for strålende konsert i kulturhuset i går!", C),
        ("Tips: legg ut innkallinga til foreldremøter på nettsida og ikke bare i appen", C),
        ("Et forslag: flere benker langs stien rundt Oggevatn, hadde vært fint for oss som er eldre", C),
        ("Tusen takk til brannvesenet for rask innsats på Senum i natt 🚒❤️", C),
        ("Det nye lekeapparatet på Engesland er en suksess, ungene elsker det!", C),
        ("Dere kunne kanskje sendt SMS når søppeltømminga blir forsinket? Ville spart mye irritasjon", C),
        ("Heia helsesykepleierne på ungdomsskolen, dere gjør en viktig jobb 💪", C),
        ("Fin ny nettside! Mye lettere å finne fram nå", C),
        ("Veit ikkje kven som planla sommaropplegget for ungane, men det var kjempekjekt. Takk!", C),
        ("Hadde vært fint med gatelys også på den siste biten opp mot Lauvåsen, det er stummende mørkt der", C),
        ("Takk for god hjelp på telefon med skjemaet i dag, veldig tålmodig dame 🙂", C),
        ("Bra jobba med strøinga i dag, ikke et glatt fortau å se 👍", C),
        ("Kanskje lage en hundeluftegård i sentrum? Mange hundeeiere hadde satt pris på det", C),
        ("Konstruktivt innspill: legg ut sakslista til kommunestyret tidligere, så rekker folk å lese den", C),
        ("Tuuusen takk for bassengdagen, fantastisk arrangert 😍", C),
        ("Gode og raske svar fra dere her inne i det siste, mye bedre enn før!", C),
        ("Eit ønske: ha biblioteket ope litt lenger på torsdagar, mange av oss jobbar til fem", C),
        ("Brøytinga på Herefoss har vært topp denne vinteren, stor honnør til sjåføren!", C),
        ("Veldig fint at dere oversetter informasjonen til ukrainsk og arabisk også", C),
        ("Vil bare si at folka i hjemmetjenesten i Birkenes er helt fantastiske ❤️", C),
        ("Smart med drop-in på vaksineringa, da slapp vi å ta fri fra jobb", P_VAX),
        ("Forslag til neste år: start 17. mai-toget litt tidligere så de minste ikke blir så slitne", C),
        ("Takk for at dere fiksa hullet i vegen så fort etter at vi meldte fra!", C),
        ("Kudos til teknisk for rask reparasjon av vannledningen i går 🙌", P_WATER),
        ("Kunne dere laget en app for å melde inn feil på veilys? Det hadde vært genialt", C),
        ("bra tiltak med gratis leksehjelp, håper det fortsetter", C),
        ("Skryt til kulturskolen for flott forestilling, ungene var så stolte", C),
        ("Trivelig med julegrana i sentrum i år, mye finere enn i fjor 🎄", P_XMAS),
    ],
    "other": [
        ("Kommunen er en vits. Null respekt for innbyggerne.", C),
        ("Dere er helt inkompetente på teknisk, hver eneste gang", C),
        ("@Sondre Homme haha det er jo deg på bildet 😂", C),
        ("Første!!", C),
        ("Fy søren så fint det er ved Oggevatn om høsten 🍂", C),
        ("Noen som skal på fotballkampen på lørdag?", C),
        ("Politikerne i denne kommunen har sovet i timen i 20 år", C),
        ("😂😂", C),
        ("Savner gamle Birkeland, det var bedre før", C),
        ("Mistet en svart lue ved bussholdeplassen på Senum, si ifra om noen finner den", C),
        ("Gratulerer med dagen til alle som fyller år i dag 🎉", C),
        ("Helt idiotisk avgjørelse å flytte busstoppet", C),
        ("Slutt å sløse tida på Facebook og gjør jobben deres!", C),
        ("Kjem nokon på dugnaden på ungdomshuset i helga?", C),
        ("Me ha hatt det så fint på hytta i påsken, varmt og godt skiføre ⛷️", C),
        ("Dette er den dårligste kommunen i hele Agder, punktum", C),
        ("Enig med deg Tone!", C),
        ("Hahaha klassisk Birkenes", C),
        ("Nei nå får dere skjerpe dere altså, dette er pinlig 🙄", C),
        ("Husker da vi aket ned her som små, lenge siden det!", C),
        ("Eg syns det var betre då vi hadde eigen lensmann i bygda", C),
        ("Del gjerne dette videre!", C),
        ("Har sett elg ved Tovdalselva to dager på rad nå 🫎", C),
        ("Ingen overraskelse at det tok tre år. Sånn er det med alt her.", C),
        ("Så du den på tv i går @Kari Berg?", C),
        ("Vi i Herefoss blir alltid glemt. Alltid.", C),
        ("Ka i alle dager e dette for slags bilde 😅", C),
        ("Lykke til med det 🙄", C),
        ("Ærlig talt, den nye rundkjøringa er stygg som juling", C),
        ("Dere på rådhuset er noen late sendrektige byråkrater som aldri får noe gjort", C),
    ],
}


def build(seed: int = 2027) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    for cat, items in ITEMS.items():
        for i, (text, context) in enumerate(items):
            t = (
                text.replace("{fnr}", common.fake_fnr(rng, "f"))
                .replace("{dnr}", common.fake_fnr(rng, "d"))
                .replace("{konto}", common.fake_account(rng))
            )
            rec = {"id": f"h2-{cat}-{i:02d}", "text": t, "category": cat}
            if context:
                rec["context"] = context
            out.append(rec)
    random.Random(seed).shuffle(out)
    return out


def main() -> None:
    path = Path(__file__).resolve().parents[2] / "data" / "triage" / "heldout2.jsonl"
    recs = build()
    with path.open("w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} comments to {path}")


if __name__ == "__main__":
    main()
