"""Third held-out set: 300 comments, 30 per category, each written by hand once.

Written before the third round of changes (slur folding, weaker hostile phrases,
recognizer false positives, more removal training data), in phrasings that are not in
the training pools, heldout_pool.py, heldout2_pool.py or the shared examples, and not
looked at through the model's errors until the final measurement. No templates and no
surface transforms: the variants (bokmål, nynorsk, Sørlandet dialect, no æøå, emoji,
typos, @mentions) are written in. Only identity and account numbers are filled in
(made up, valid check digits, seeded).

    .venv/bin/python scripts/triage_data/heldout3_pool.py   # writes data/triage/heldout3.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from triage_data import common

# Posts that some comments answer (``context``).
P_HALL = "Idrettshallen på Birkeland er stengt for nytt gulv fra mandag 7. april til fredag 25. april."
P_TAX = "Formannskapet legger fram forslag om eiendomsskatt for 2026. Saken behandles i kommunestyret 12. desember."
P_CLINIC = "Helsestasjon for ungdom har åpent onsdager kl. 14–17 på Birkeland. Gratis og uten timebestilling."
P_ROAD = "Fylkesvei 41 ved Mollestad er stengt i begge retninger fra tirsdag kl. 20 til onsdag kl. 06 på grunn av asfaltering."
P_RECEPT = "Vi ønsker velkommen til 18 nye innbyggere fra Ukraina som kommer til Birkenes neste uke."
P_BUDGET = "Rådmannen har lagt fram forslag til budsjett og økonomiplan 2026–2029. Les hele dokumentet på nettsiden."
P_MAYOR = "Ordføreren inviterer til åpen kontordag på rådhuset fredag 14. mars kl. 10–14."
P_SFO = "Påmeldingen til sommer-SFO er åpen til 15. mai. Tilbudet gjelder uke 26, 27 og 32."
P_WASTE = "Hageavfall kan leveres gratis på Lillesand og Birkenes gjenvinningsstasjon i hele mai."
P_PRIDE = "I dag heiser vi regnbueflagget ved rådhuset for å markere Pride 🏳️‍🌈"

C = None  # no context

ITEMS: dict[str, list[tuple[str, str | None]]] = {
    "sensitive": [
        ("Kan noen på servicetorget ringe meg? Fnr {fnr}, det gjelder eiendomsskatten", C),
        ("Refusjonen for SFO kan settes inn på {konto}, takk 🙂", P_SFO),
        ("Har epilepsi og kan ikke kjøre bil, finnes det noen som kan hjelpe meg å levere hageavfall?", P_WASTE),
        ("Mannen min Arvid har Parkinson og faller ofte, vi trenger trygghetsalarm snarest", C),
        ("Sønnen vår Elias i 2. klasse på Herefoss har fått diagnosen Tourette og blir ertet for tics", C),
        ("eg gjekk på ein smell og er sjukmeld for utbrentheit, kven kan eg snakke med om tilrettelegging?", C),
        ("Kjenner dere til at Rune Bjorvatn har sonet for innbrudd? Han jobber nå i hjemmetjenesten!", C),
        ("Hei, barnevernet har meldt bekymring om oss og vi skjønner ikke hvorfor. Hvem kan forklare saken vår?", C),
        ("Jeg går på AAP og har ikke raad til aa betale eiendomsskatt i tillegg 😔", P_TAX),
        ("Mormor (91) har fått diagnosen Alzheimer og bor alene paa Oggevatn, hvem har ansvaret?", C),
        ("Datteren min Thea er gravid i 5. mnd og ble nektet å være med på turen med ungdomsklubben", C),
        ("Hun nye i resepsjonen på legekontoret er muslim, derfor går hun med hijab. Bare så dere vet.", C),
        ("Kona mi Berit tar blodfortynnende og kan ikke stå i kø på gjenvinningsstasjonen i timevis", P_WASTE),
        ("Fødselsnummer: {fnr}. Har ikke fått svar på søknaden om omsorgslønn", C),
        ("dotter mi Live har anoreksi og treng ein trygg plass på ungdomsklubben, kan nokon ta kontakt?", P_CLINIC),
        ("Vi er fosterforeldre for Noah (6) og barnevernet har ikke fulgt opp på et halvt år", C),
        ("Kåre Lunden på Senum fikk bot for narkotika i vinter, og nå skal han være trener for ungene?", C),
        ("Sitter i rullestol etter ulykka og kommer meg ikke inn i idrettshallen, heller ikke etter nytt gulv?", P_HALL),
        ("Min bror Stian er schizofren og har ikke fått oppfølging siden mars, hvem har ansvaret hos dere?", C),
        ("@Marte Øvland du som er på krisesenteret nå, ta kontakt med meg på pm ❤️", C),
        ("Ho Solveig på Tveide får sosialhjelp og kjøper likevel ny bil, kor rettferdig er det", C),
        ("D-nr {dnr} – jeg kom fra Polen i fjor og har fortsatt ikke fått fastlege", C),
        ("Jeg er HIV-positiv og lurer på om helsestasjonen for ungdom har taushetsplikt?", P_CLINIC),
        ("Guttungen min Sander i 7B er tatt ut av klassen og får all undervisning alene pga ADHD", C),
        ("Læreren Hanne Try er gift med en kvinne, burde hun egentlig undervise i KRLE?", P_PRIDE),
        ("ble operert for brokk forrige uke og faar ikke løfte, kan noen hente søppeldunken min?", C),
        ("Faren til Jonas i barnehagen sitter i fengsel for vold, syns ansatte bør vite det", C),
        ("Kontonummeret vårt er endret til {konto}, fakturaen for barnehage må trekkes derfra", C),
        ("Har slitt med alkohol i mange år og vil gjerne ha hjelp, hvor henvender jeg meg i kommunen? 🙏", C),
        ("Kjærringa mi har MS og vi fikk avslag på parkeringstillatelse. Helt uforståelig!", C),
    ],
    "discrimination": [
        ("Ukrainere skal ikke ha noe gratis her, de er snyltere hele gjengen", P_RECEPT),
        ("Send dem tilbake dit de kom fra, vi vil ikke ha flere svartinger i bygda", P_RECEPT),
        ("Somaliere er en kreftsvulst for Norge, det vet alle", C),
        ("Homofile er syke i hodet og burde holde seg unna barna våre 🤮", P_PRIDE),
        ("Jævla pakkiser overalt nå, snart er det ikke en nordmann igjen i Birkenes", C),
        ("Regnbueflagget bør brennes sammen med de perverse som heiser det", P_PRIDE),
        ("Gamle folk er bare en byrde for kommunen, la dem dø hjemme så sparer vi penger", C),
        ("Utviklingshemmede bør ikke få bo i vanlige boligfelt, de skremmer ungene", C),
        ("Muslimer er ikke mennesker, de er kakerlakker som formerer seg", C),
        ("@Lene Haugland du er ei feit og stygg purke, ingen vil ha deg på møtene", C),
        ("Jeg vet hvor ordføreren bor. Han skal få svi for dette 🔥", P_TAX),
        ("Sigøynerpakket ved Coop stjeler alt de kommer over, jag dem ut", C),
        ("Kvinner som leder kommuner blir alltid en katastrofe, de har ikke hodet til det", C),
        ("h0m0ser som deg burde skjemmes. Forsvinn fra Birkeland", C),
        ("Innvandrerungene på Engesland er som ville dyr, de burde ha egne klasser", C),
        ("Neste gang jeg ser den saksbehandleren skal han få seg en på trynet", C),
        ("Tr4nsfolk er psykisk syke og skal ikke få bruke garderoben i hallen", P_HALL),
        ("Dåkkar tatera burde aldri fått kommunal bustad", C),
        ("Samer og andre fjellfinner kan holde seg nordpå", C),
        ("Jøder styrer alt, også denne kommunen, det er ingen hemmelighet", C),
        ("@Tor Kjetså alle veit at du er ein ekkel gris, hald deg unna ungane våre", C),
        ("Mongoloide unger burde aldri vært født, det koster oss skattebetalere dyrt", P_BUDGET),
        ("Afrikanere har lavere IQ, derfor går det som det går på skolen", C),
        ("Rektor Nils Berg er en feig drittsekk og skal få smake på egen medisin, vi kommer etter deg", C),
        ("Faen ta alle negre i denne bygda", C),
        ("Disse arabere kommer hit bare for å voldta våre kvinner", P_RECEPT),
        ("Neste gang brenner vi ned hele mottaket, bare vent", C),
        ("Funkiser skal ikke ha gratis plass i hallen mens vi betaler fullt 🤡", P_HALL),
        ("Alle lesber burde holdes langt unna barnehagene våre", C),
        ("Polakkene er en pest og plage, skyt dem som stjeler", C),
    ],
    "rumor": [
        ("Noen sa på Joker i dag at rektor på Birkeland er sagt opp. Noen som vet hva som har skjedd?", C),
        ("Det går rykter om at bassenget blir stengt fordi noen har tuklet med regnskapet", C),
        ("Jeg fikk høre av en ansatt at det var hjemmetjenesten som glemte å låse døra før innbruddet", C),
        ("visstnok skal han nye kommunalsjefen ha fått jobben fordi han er kompis med ordføreren", C),
        ("Folk snakker om at asfaltfirmaet fikk kontrakten uten anbud, er det noe i det?", P_ROAD),
        ("Er det sant at en av lærerne på Herefoss har hatt noe med en elev?", C),
        ("Ka e det eg høyre om at kantina på rådhuset blei stengt av Mattilsynet?", C),
        ("Ryktet sier at ungdomsklubben stenges fordi noen ble tatt med dop der", C),
        ("Stemmer det at kommunalsjefen har fått fallskjerm på to millioner?", P_BUDGET),
        ("Ei venninne som jobber på rådhuset sa at flere ansatte kommer til å slutte i protest", C),
        ("Sies at det var en av naboene som tente på låven i Vegusdal, politiet vet visst hvem", C),
        ("Har hørt at ukrainerne skal få nye leiligheter mens vi andre står i kø. Stemmer det?", P_RECEPT),
        ("Dei seier at vaktmeisteren på skulen tek med seg utstyr heim", C),
        ("Etter det jeg har skjønt ble asfalteringen utsatt fordi entreprenøren gikk konkurs", P_ROAD),
        ("Noen som har hørt at de skal flytte helsestasjonen til Lillesand i all hemmelighet?", P_CLINIC),
        ("Fikk med meg at det var bråk på formannskapsmøtet og at noen gikk ut i sinne, hva skjedde?", P_TAX),
        ("Angivelig ble gulvet i hallen ødelagt av en fest som noen av trenerne arrangerte", P_HALL),
        ("Mannen til ei i kommunestyret sa at eiendomsskatten allerede er bestemt bak lukkede dører", P_TAX),
        ("hørte fra en kompis at det skal ha vært en ulykke på anlegget som ble dysset ned", C),
        ("Det skal vistnok være ordførerens svoger som fikk kjøpe tomta billig", C),
        ("Stemmer det at Kjell i parkavdelingen ble tatt for å stjele diesel?", C),
        ("Snakket med ei på butikken, hun mente at barnehagen på Flakk skal legges ned til høsten", C),
        ("Eg trur det var nokon frå teknisk som har lekka planane til utbyggjaren", C),
        ("Folk sier at han som fikk stillingen som rådgiver ikke engang har utdanning", C),
        ("Ser at det står politibil utenfor skolen, noen sier det har vært en knivstikking??", C),
        ("Kan dere bekrefte at en av de ansatte i barnehagen er suspendert?", C),
        ("Jeg har en mistanke om at det var helseleder som sørget for at venninna fikk jobben", C),
        ("Tydeligvis var det noen i SFO som mistet en unge på tur i går, ingen vil si noe 😳", P_SFO),
        ("Det hviskes om at ordføreren skal trekke seg etter jul", P_MAYOR),
        ("Går det an å få svar på om det er riktig at bibliotekaren ble sparket for tyveri?", C),
    ],
    "individual_case": [
        ("Vi søkte om utvidet SFO-plass i mars og har ikke hørt noe. Hva skjer?", P_SFO),
        ("Fakturanummer 40019283744 for kommunale avgifter er feil, vi har ikke to boenheter", C),
        ("Hei! Gjerdet vårt ble knust av brøytebilen i natt, hvem sender jeg bilder til?", C),
        ("Kor blir det av svaret på dispensasjonssøknaden for naustet vårt? Sendt i januar.", C),
        ("Jeg har klaget på vedtaket om eiendomsskatt for huset mitt, men ingen har svart", P_TAX),
        ("Vannmåleren vår står på 3000 kubikk, det kan ikke stemme. Kan noen komme og se?", C),
        ("Vi har fått regning for feiing to ganger i år, kan dere rette det?", C),
        ("Sonen vår fekk ikkje plass på Birkeland barnehage sjølv om me søkte i tide. Korleis klagar me?", C),
        ("Hei! Har søkt om å få kjøpe kommunal tomt på Lauvåsen, når kan jeg forvente svar?", C),
        ("Kummen utenfor huset vårt i Nordåsen har sunket, noen kommer til å knekke en aksel", C),
        ("Eg har betalt for hageavfall men fekk likevel faktura. Kven ringer eg?", P_WASTE),
        ("Kundenummer 77310094 – vi har flyttet men får fortsatt renovasjonsregninger", C),
        ("Ble nektet å levere på gjenvinningsstasjonen i dag fordi kortet mitt ikke virket, kan dere sjekke?", P_WASTE),
        ("Vi fikk pålegg om å rive carporten, men den ble godkjent i 2009! Vil klage", C),
        ("Kan jeg få tilbake depositumet for hallen nå som leien ble avlyst pga gulvet?", P_HALL),
        ("Postkassestativet vårt ble meid ned av brøytinga igjen, tredje gang i vinter", C),
        ("Søkte om ferdigattest i november, fortsatt ingenting. Saksnr 24/1187", C),
        ("datteren min fikk ikke skoleskyss selv om vi bor 5 km unna, hvorfor?", C),
        ("Asfaltarbeidet har sprutet tjære på bilen min utenfor Mollestad, hvem erstatter?", P_ROAD),
        ("Hei, gatelyset utenfor nr 14 i Lauvåsen har vært mørkt i to måneder", C),
        ("Eg søkte om startlån for tre månader sidan og høyrer ingenting", C),
        ("Bestillingsnr 5521 på kompostbinge – den kom aldri", C),
        ("Vi har fått avslag på søknad om ekstra søppeldunk, kan vi klage?", C),
        ("Kulvert under innkjørselen vår er tett og vannet renner inn i kjelleren 😩", C),
        ("Har sendt søknad om sommerjobb i parkavdelingen, kan noen bekrefte at den er mottatt?", C),
        ("Plassen vår på sommer-SFO er bekreftet for uke 26, men vi ba om uke 32 også", P_SFO),
        ("Naboen har bygd garasje 1 meter fra grensa vår uten å søke. Vil melde det", C),
        ("Vi fikk brev om at vannet skal stenges hos oss, men vi har betalt alt?", C),
        ("Når kommer svaret på søknaden min om å få sette opp en levegg?", C),
        ("Hei, @Birkenes kommune – dere har feilregistrert eiendommen vår som fritidsbolig", C),
    ],
    "political": [
        ("Går kommunen inn for eiendomsskatt eller ikke? Svar ærlig", P_TAX),
        ("Vil dere stemme for å legge ned Vegusdal skole?", C),
        ("Hva er kommunens holdning til vindkraft på Oggevasshøgda?", C),
        ("Kommer kommunestyret til å vedta den nye skolestrukturen, tror dere?", C),
        ("Synes kommunen det er riktig å ta imot flere flyktninger når vi ikke har boliger?", P_RECEPT),
        ("Blir det kutt i kulturskolen neste år eller ikke?", P_BUDGET),
        ("Kva meiner kommunen om å slå seg saman med Lillesand?", C),
        ("Kommer dere til å senke barnehageprisen for søsken?", C),
        ("Vil Birkenes kommune gå mot nedleggelsen av fødeavdelingen i Arendal?", C),
        ("Hvorfor tar ikke kommunen stilling til bompenger på riksveien?", C),
        ("Står kommunen for at helsestasjonen skal sentraliseres?", P_CLINIC),
        ("Kommer de til å bygge ny hall eller pusse opp den gamle?", P_HALL),
        ("Kan dere love at Herefoss skole ikke blir lagt ned i denne perioden?", C),
        ("Hva mener dere om å innføre parkeringsavgift i sentrum?", C),
        ("Skal eiendomsskatten gå til skole eller eldreomsorg? Hva vil dere prioritere?", P_TAX),
        ("Vil dere jobbe for at vi får beholde legevakta lokalt?", C),
        ("Er kommunen for eller mot at det bygges hyttefelt ved Tovdalselva?", C),
        ("Kjem dokker te å flytte ungdomsskulen te Birkeland?", C),
        ("Synes ordføreren at det er rett å kutte i hjemmetjenesten?", P_MAYOR),
        ("Hvilken løsning går rådmannen for i saken om nytt omsorgssenter, og vil politikerne følge den?", C),
        ("Blir det gratis SFO for alle trinn neste år, eller dropper dere det?", P_SFO),
        ("Når skal politikerne bestemme seg for om vi får ny barnehage på Senum, og hva anbefaler dere?", C),
        ("Vil kommunen si nei til flere asylmottak?", P_RECEPT),
        ("Kommer dere til å innføre kommunal eiendomsskatt på hytter også?", P_TAX),
        ("Hva synes kommunen om forslaget om å selge kommunale utleieboliger?", C),
        ("Er dere villige til å prioritere gang- og sykkelvei til Engesland foran ny rundkjøring?", C),
        ("Hvordan tror dere avstemningen om skolestruktur ender?", C),
        ("vil kommunen ta stilling til ulvejakt i Birkenes? 🐺", C),
        ("Bør ikke kommunen tenke på å legge ned biblioteket i Herefoss for å spare penger?", C),
        ("Kan kommunen gå ut og si om de støtter planene for nytt næringsområde på Flakk?", C),
    ],
    "budget_org": [
        ("Hva kostet det nye gulvet i idrettshallen?", P_HALL),
        ("Hvor mye bruker kommunen på konsulenter i året?", P_BUDGET),
        ("Kven er leiar for eining for helse og omsorg no?", C),
        ("Hvor mange årsverk er det i administrasjonen i dag sammenlignet med for ti år siden?", C),
        ("Hvor mye vil eiendomsskatten gi kommunen i inntekter?", P_TAX),
        ("Hvor stor er lånegjelden til kommunen nå?", C),
        ("Hva har mottaket av flyktninger kostet kommunen så langt i år?", P_RECEPT),
        ("Hvem sitter i ledergruppen til rådmannen?", C),
        ("Hvor mye fikk kulturskolen i budsjettet for neste år?", P_BUDGET),
        ("Ka koste det å drifte svømmehallen i året?", C),
        ("Har kommunen gått med underskudd de siste årene?", C),
        ("Hvor mye betaler kommunen i husleie for lokalene på Birkeland?", C),
        ("Hvem er det som har ansvaret for vei og vann organisatorisk?", P_ROAD),
        ("Hvor mye penger har kommunen satt av til vedlikehold av skolebygg?", C),
        ("Har det vært omorganisering i teknisk etat? Hvem er sjef der nå?", C),
        ("Hva koster ordførerens åpne kontordag oss skattebetalere? 😄", P_MAYOR),
        ("Hvor stor del av budsjettet går til pleie og omsorg?", P_BUDGET),
        ("Kor mykje tener rådmannen eigentleg?", C),
        ("Hvor mye fikk kommunen i statstilskudd til bosetting i fjor?", C),
        ("Hvordan er kommunen organisert, finnes det et organisasjonskart?", C),
        ("Hvor mye brukte dere på den nye nettsiden?", C),
        ("Hva er driftsresultatet for 2024?", C),
        ("Hvor mange ansatte er det i hjemmetjenesten totalt?", C),
        ("Hvor mye har asfalteringen av fylkesveien kostet kommunen?", P_ROAD),
        ("Er det flere kommunalsjefer nå enn før?", C),
        ("Hvor mye har kommunen i fond?", C),
        ("Hvor mye koster en plass på sommer-SFO kommunen per barn?", P_SFO),
        ("Hvor mye betalte kommunen for regnbueflaggene?", P_PRIDE),
        ("Kan noen forklare hvorfor investeringsbudsjettet har doblet seg?", C),
        ("hvor mye gikk til kultur i år kontra i fjor", C),
    ],
    "factual_error": [
        ("Så hallen er stengt ut mai altså, typisk", P_HALL),
        ("Helsestasjonen for ungdom krever jo timebestilling, så glem å bare dukke opp", P_CLINIC),
        ("Veien er stengt hele onsdagen, planlegg for omkjøring", P_ROAD),
        ("Ordføreren har kontordag på mandag, ikke fredag, dere har skrevet feil", P_MAYOR),
        ("Man må betale for hageavfall nå, det ble innført i år", P_WASTE),
        ("Sommer-SFO er bare i juli, så det hjelper ikke oss som har ferie i august", P_SFO),
        ("Eiendomsskatten er jo allerede vedtatt, så denne høringen er bare teater", P_TAX),
        ("Fristen for sommer-SFO gikk ut i april, så dette er for seint", P_SFO),
        ("Ukrainerne kommer jo i morgen, ikke neste uke", P_RECEPT),
        ("Det er bare de under 16 som får gå på helsestasjon for ungdom", P_CLINIC),
        ("Legevakta i Birkenes er lagt ned for lengst, man må kjøre til Kristiansand", C),
        ("Biblioteket har sluttet med utlån av e-bøker", C),
        ("Kommunen har ingen ordning for ledsagerbevis, det er det bare fylket som har", C),
        ("Gjenvinningsstasjonen er stengt på lørdager nå", C),
        ("Det koster 500 kr å få bytta søppeldunk, står det jo på nettsida", C),
        ("Svømmehallen har ikke babysvømming lenger, det ble kuttet i fjor", C),
        ("Barnehageopptaket er bare én gang i året, man kan ikke søke utenom", C),
        ("Eiendomsskatten i Birkenes er den høyeste i hele landet", C),
        ("Kommunen har slutta å brøyte private stikkveier for eldre, det er ikke noe tilbud lenger", C),
        ("Rådhuset er stengt hele juli, så ikke kom da", C),
        ("Tømmekalenderen sier at papir hentes annenhver uke, men det er jo hver fjerde", C),
        ("Kulturskolen tar ikke inn elever etter jul, det er bare høstopptak", C),
        ("Skolebussen fra Vegusdal er lagt ned, ungene må kjøres selv nå", C),
        ("Man må være over 70 for å få trygghetsalarm", C),
        ("Det er ikkje lov å bade ved Oggevatn lenger etter at kommunen stengte badeplassen", C),
        ("Frisklivssentralen ble jo nedlagt i 2022", C),
        ("Ungdomsklubben er bare åpen for de som går på ungdomsskolen i Birkeland", C),
        ("Kommunen tar ikke imot papirsøknader lenger, alt må gjøres digitalt", C),
        ("Parkeringen ved rådhuset koster penger nå etter nyttår", C),
        ("Asfalteringa er på dagtid, så dere må kjøre om hele dagen", P_ROAD),
    ],
    "question": [
        ("Blir det tilrettelagt for fotballtreningene mens hallen er stengt?", P_HALL),
        ("Må man være bosatt i Birkenes for å gå på helsestasjon for ungdom?", P_CLINIC),
        ("Gjelder stengingen også for gående og syklende?", P_ROAD),
        ("Trenger man å melde seg på til kontordagen, eller er det bare å komme?", P_MAYOR),
        ("Gjelder gratis levering også greiner og røtter, eller bare gress og løv?", P_WASTE),
        ("Hvordan melder man på søsken til sommer-SFO?", P_SFO),
        ("Kor kan ein lese forslaget før møtet?", P_TAX),
        ("Hvordan kan man bidra som frivillig i mottaket av de nye innbyggerne?", P_RECEPT),
        ("Hvor finner jeg høringsdokumentene til budsjettet?", P_BUDGET),
        ("Hvor lenge skal flagget henge?", P_PRIDE),
        ("Hvordan blir man fosterhjem i Birkenes? Hva kreves?", C),
        ("Hva er åpningstidene på servicetorget i sommer?", C),
        ("Hvor lang tid tar det vanligvis å få svar på en byggesøknad?", C),
        ("Kan man leie kommunestyresalen til privat arrangement?", C),
        ("Ka tid stenge biblioteket på lørdaga?", C),
        ("Finnes det tilbud om avlastning for familier med barn med spesielle behov? Hvordan søker man?", C),
        ("Hvordan søker man om bostøtte, og hvem kan få det?", C),
        ("Hvor kan man levere gamle batterier?", C),
        ("Er det noen som vet når neste tømming av glass og metall er?", C),
        ("Hvor melder man fra om hull i veien?", C),
        ("Har legekontoret på Birkeland åpent i romjula?", C),
        ("hvordan får man parkeringskort for forflytningshemmede, hva er kriteriene?", C),
        ("Er det mulig å bestille time hos ergoterapeut uten henvisning?", C),
        ("Hvor mange dager i året har SFO stengt?", C),
        ("Kan man søke om kulturmidler for et enkeltarrangement?", C),
        ("Når er det søknadsfrist for tilskudd til lag og foreninger?", C),
        ("Kva slags tilbod har kommunen til folk med diabetes? Er det kurs?", C),
        ("Hvordan fungerer ordningen med støttekontakt generelt?", C),
        ("Er det noen plass å lade elbil gratis i sentrum? ⚡", C),
        ("Hvor finner jeg info om hvilke dager det er høytlesing for barn på biblioteket?", C),
    ],
    "feedback": [
        ("Supert at dere sier fra i god tid, da rekker vi å finne en annen hall 👍", P_HALL),
        ("Så fint tilbud til ungdommen! Del dette på Snapchat også, det er der de er", P_CLINIC),
        ("Takk for info, lurt å gjøre det om natta 👌", P_ROAD),
        ("Bra initiativ! Kanskje dere kan ha en kveldsvariant også for de som jobber?", P_MAYOR),
        ("Tusen takk, dette setter vi pris på 🌱", P_WASTE),
        ("Veldig bra at dere la inn uke 32, det har mange etterlyst!", P_SFO),
        ("Takk for at dere la ut hele dokumentet, ryddig og oversiktlig", P_BUDGET),
        ("Velkommen til Birkenes! Flott at kommunen tar imot 💙💛", P_RECEPT),
        ("Så fint å se flagget vaie ved rådhuset 🏳️‍🌈 Takk!", P_PRIDE),
        ("Godt at dette legges fram tidlig, da kan folk følge med", P_TAX),
        ("Hjemmesykepleien er helt fantastiske, de stiller alltid opp med et smil", C),
        ("Ros til gutta på brøytebilen i Vegusdal, aldri vært så bra!", C),
        ("Tips: legg ut brøytekart i sanntid, da slipper dere mange spørsmål", C),
        ("Takk til biblioteket for et strålende sommerles-opplegg! Ungene elsket det 📚", C),
        ("Det nye lekeapparatet på Birkeland er kjempeflott, takk!", C),
        ("Forslag: sett opp en benk ved bussholdeplassen ved Engesland, det er mange eldre som venter der", C),
        ("Flinke folk i servicetorget, fikk hjelp med en gang i dag", C),
        ("Kjempefin konsert i kulturhuset i går, mer av dette!", C),
        ("Tusen takk for rask hjelp med vannlekkasjen i gata vår i natt!", C),
        ("Kunne dere lagt ut sakslista på nynorsk også? Ville vore fint", C),
        ("Bra jobba med den nye gangveien, nå tør vi la ungene sykle til skolen", C),
        ("Dere burde ha en app for å melde feil på gatelys, ville spart mye tid", C),
        ("Stor takk til helsesykepleier på skolen, dere gjør en viktig jobb 🙏", C),
        ("Så flott at dere har begynt med kveldsåpent på gjenvinningsstasjonen!", C),
        ("Topp at det nå er mulig å betale SFO med Vipps", C),
        ("Hadde vært fint med flere søppelkasser langs turstien rundt Ogge", C),
        ("Takk for en flott 17. mai-feiring i sentrum 🇳🇴", C),
        ("Veldig god informasjon på nettsiden om byggesøknad, lett å forstå", C),
        ("Kjempe fornøyd med oppfølginga fra ungdomskontakten, takk takk", C),
        ("Ett forslag: lag en felles kalender for alle lagene i kommunen", C),
    ],
    "other": [
        ("Typisk at det skjer akkurat når sesongen starter 🙄", P_HALL),
        ("@Jonas Berg se her, passer for deg", P_CLINIC),
        ("Da blir det lange omveier for oss igjen...", P_ROAD),
        ("Håper han er i godt humør den dagen 😂", P_MAYOR),
        ("Vi har brent bål i hagen i 40 år, skal ikke kjøre noe sted", P_WASTE),
        ("Eiendomsskatt er tyveri, rett og slett. Skammelig av dere", P_TAX),
        ("Les dokumentet, det er skremmende lesning", P_BUDGET),
        ("@Kari Fidje kan du ta med deg ungene på dette?", P_SFO),
        ("🏳️‍🌈🏳️‍🌈🏳️‍🌈", P_PRIDE),
        ("Jeg mener vi burde hjelpe våre egne først, men velkommen til dem", P_RECEPT),
        ("Hører at det blir fint vær i helga, endelig! ☀️", C),
        ("Har dere hørt den nye låta til Kakkmaddafakka? 😅", C),
        ("Hørte på radioen i dag at Birkenes er nevnt i en reportasje, artig!", C),
        ("Den nye skulpturen i sentrum er stygg som natta", C),
        ("Noen inkompetente klovner på teknisk som har tegnet den rundkjøringa", C),
        ("Latskapen i denne kommunen er på et nytt nivå, ingenting skjer", C),
        ("Politikerne her sover i timen, som vanlig", C),
        ("Elendig brøyting igjen, hvor blir det av pengene våre??", C),
        ("Hvem har sett katten min? Grå med hvit pote, forsvant fra Lauvåsen 🐈", C),
        ("Gratulerer med dagen, Birkenes IL! ⚽", C),
        ("Herregud for et kaos på Coop i dag", C),
        ("Den gang da vi hadde både bank og post i Herefoss...", C),
        ("Ordføreren burde heller bruke tida på å fikse veiene enn å poste bilder", C),
        ("Dette er jo bare tull fra ende til annen", C),
        ("Ha ha, der fikk du svar @Tone", C),
        ("Vi som bor i utkanten betaler like mye og får halvparten", C),
        ("Sånn går det når byråkratene bestemmer alt", C),
        ("Hørte du hva han sa på møtet? Helt på jordet 😂", C),
        ("Kjempeirriterende at dere alltid legger ut ting så seint", C),
        ("Snart jul igjen 🎄", C),
    ],
}


def build(seed: int = 3031) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    for cat, items in ITEMS.items():
        for i, (text, context) in enumerate(items):
            t = (
                text.replace("{fnr}", common.fake_fnr(rng, "f"))
                .replace("{dnr}", common.fake_fnr(rng, "d"))
                .replace("{konto}", common.fake_account(rng))
            )
            rec = {"id": f"h3-{cat}-{i:02d}", "text": t, "category": cat}
            if context:
                rec["context"] = context
            out.append(rec)
    random.Random(seed).shuffle(out)
    return out


def main() -> None:
    path = Path(__file__).resolve().parents[2] / "data" / "triage" / "heldout3.jsonl"
    recs = build()
    with path.open("w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} comments to {path}")


if __name__ == "__main__":
    main()
