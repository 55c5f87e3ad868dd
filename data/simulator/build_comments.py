"""Build data/simulator/comments.jsonl: the page simulator's comment corpus.

Every comment is written for this project (no real person's text), in bokmål, nynorsk or
dialect, and labelled with its triage category (../shared/docs/triage-rubric.md). Authors
are invented names. Identity numbers are FAKE: generated here with valid check digits and
birth dates in 1855–1899 (individual numbers 500–749), which belong to nobody alive; bank
account numbers use the invented bank register 9999.

Run: .venv/bin/python data/simulator/build_comments.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from stdnum.no import fodselsnummer, kontonr

OUT = Path(__file__).with_name("comments.jsonl")
rng = random.Random(20241123)


def fake_fnr(d_number: bool = False) -> str:
    while True:
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(55, 99)
        ind = rng.randint(500, 749)
        if d_number:
            day += 40
        base = f"{day:02d}{month:02d}{year:02d}{ind:03d}"
        k1 = fodselsnummer.calc_check_digit1(base)
        if len(k1) != 1:
            continue
        k2 = fodselsnummer.calc_check_digit2(base + k1)
        if len(k2) != 1:
            continue
        number = base + k1 + k2
        if fodselsnummer.is_valid(number):
            return number


def fake_konto() -> str:
    while True:
        base = "9999" + f"{rng.randint(0, 999_999):06d}"
        weights = (6, 7, 8, 9, 4, 5, 6, 7, 8, 9)
        check = str(sum(w * int(n) for w, n in zip(weights, base, strict=True)) % 11)
        if len(check) == 1:
            number = base + check
            if kontonr.is_valid(number):
                return f"{number[:4]}.{number[4:6]}.{number[6:]}"


FIRST = [
    "Kari",
    "Ola",
    "Ingrid",
    "Lars",
    "Solveig",
    "Tor",
    "Marit",
    "Eirik",
    "Hilde",
    "Knut",
    "Siri",
    "Arne",
    "Ragnhild",
    "Geir",
    "Turid",
    "Sindre",
    "Tone",
    "Øystein",
    "Åse",
    "Bjørn",
    "Gunhild",
    "Terje",
    "Liv",
    "Halvor",
    "Anette",
    "Jostein",
    "Mona",
    "Kjetil",
    "Synnøve",
    "Vegard",
    "Ahmed",
    "Fatima",
    "Piotr",
    "Agnieszka",
    "Thanh",
    "Maja",
    "Jonas",
    "Emilie",
    "Sander",
    "Nora",
    "Aslak",
    "Torunn",
    "Reidun",
    "Svein",
    "Ida",
    "Håkon",
]
LAST = [
    "Hansen",
    "Olsen",
    "Tveit",
    "Ramse",
    "Flaa",
    "Mykland",
    "Herefoss",
    "Lien",
    "Moen",
    "Bakke",
    "Skaiå",
    "Omland",
    "Kristiansen",
    "Vatne",
    "Homme",
    "Birkeland",
    "Aasland",
    "Haugen",
    "Nilsen",
    "Eikeland",
    "Hidle",
    "Kowalski",
    "Nguyen",
    "Rahimi",
    "Stray",
    "Johnsen",
    "Ljosland",
    "Gundersen",
    "Tjomsland",
    "Vegusdal",
]


def author() -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


# (text, lang, dialect) per category. {FNR}, {DNR}, {KONTO} are filled with fake numbers.
C: dict[str, list[tuple[str, str, bool]]] = {}

C["sensitive"] = [
    (
        "Hei, jeg har søkt om bostøtte men hører ingenting. Fødselsnummeret mitt er {FNR}, kan dere sjekke?",
        "nb",
        False,
    ),
    (
        "Kan noen på NAV-kontoret ringe meg? Har ikke fått sosialhjelpa denne måneden og har tre unger å fø. Personnr {FNR}",
        "nb",
        False,
    ),
    (
        "Eg har MS og kjem meg ikkje ut før vegen er brøyta. Kor tid kjem brøytebilen til Vegusdal?",
        "nn",
        False,
    ),
    (
        "Jeg har KOLS og blir dårlig av støvet fra anleggsarbeidet utenfor huset. Når er dere ferdige?",
        "nb",
        False,
    ),
    (
        "Sønnen min har autisme og fikk ikke plass på SFO. Er det virkelig sånn dere behandler barn med diagnoser?",
        "nb",
        False,
    ),
    (
        "Barnevernet tok ungene til naboen min i går, Trine Omland i Fjellvegen. Hva skjer nå med dem?",
        "nb",
        False,
    ),
    (
        "Mor mi ligg på sjukeheimen med demens og har ikkje fått dusj på ei veke. Kven har ansvaret?",
        "nn",
        False,
    ),
    (
        "Kan dere betale tilbake det jeg betalte for mye i barnehage? Kontonummer {KONTO}. Mvh Siri",
        "nb",
        False,
    ),
    (
        "Far min fikk hjerneslag i sommer og venter fortsatt på omsorgsbolig. Han heter Arne Tveit og bor på Senumstad.",
        "nb",
        False,
    ),
    (
        "Læreren til 7B på Birkeland skole er visst sykmeldt med depresjon igjen. Når får ungene en fast lærer?",
        "nb",
        False,
    ),
    (
        "Æ e gravid i sjuande månad og får ikkje parkert nærmare helsestasjonen enn 300 meter. Får dåkke gjort noko?",
        "nn",
        True,
    ),
    (
        "Jeg er ufør etter en ulykke og får AAP. Har jeg rett på redusert eiendomsskatt?",
        "nb",
        False,
    ),
    (
        "D-nummeret mitt er {DNR}, jeg får ikke logget inn på Min side for å søke barnehageplass. Hjelp?",
        "nb",
        False,
    ),
    (
        "Takk til hjemmesykepleien som kommer med insulinen til far min hver morgen etter at han fikk diabetes ❤️",
        "nb",
        False,
    ),
    (
        "Emma i 3b fikk endelig spesialundervisning etter ADHD-diagnosen. Takk til kontaktlæreren!",
        "nb",
        False,
    ),
    (
        "Naboen min Geir Homme sitter i varetekt for vold, og nå står hunden hans alene. Kan kommunen hente den?",
        "nb",
        False,
    ),
    (
        "Jeg er muslim og datteren min Amira får ikke halal-mat i barnehagen på Tveide. Hvem kan jeg snakke med?",
        "nb",
        False,
    ),
    (
        "Broren min er rusmisbruker og bor i kommunal bolig i Birkeland sentrum. Han trenger hjelp NÅ.",
        "nb",
        False,
    ),
    (
        "Svigerfar fekk kreft i vår og treng transport til Kristiansand kvar veke. Dekkjer kommunen det?",
        "nn",
        False,
    ),
    (
        "Jeg har panikkangst og klarer ikke å møte på servicetorget. Kan jeg sende søknaden på mail? fnr {FNR}",
        "nb",
        False,
    ),
    (
        "Datteren vår på Engesland skule har fått påvist epilepsi. Veit lærarane kva dei skal gjere ved anfall?",
        "nn",
        False,
    ),
    (
        "Jeg går på metadon og får ikke hentet på apoteket når bussen ikke går. Kan hjemmetjenesten ta det med?",
        "nb",
        False,
    ),
    (
        "Gutten min på 14 er i fosterhjem hos ei familie i Herefoss og vil heim. Kven avgjer det?",
        "nn",
        False,
    ),
    (
        "Sykehjemmet ringte om at mamma Ragnhild Eikeland har falt og brukket hofta. Hvorfor fikk vi ikke beskjed før etter to dager?",
        "nb",
        False,
    ),
    (
        "Hei! Fødselsnr. {FNR} – jeg har betalt feil beløp for kommunale avgifter, kan dere rette det?",
        "nb",
        False,
    ),
    (
        "Har fått diagnosen angst og depresjon og er sjukmeld frå jobben i kommunen. Kven skal eg ringe om oppfølging?",
        "nn",
        False,
    ),
    (
        "Min kone er i kreftbehandling og vi har ikke fått hjelp til brøyting av oppkjørselen. Kan dere prioritere oss?",
        "nb",
        False,
    ),
    (
        "Kan ikkje kommunen sjå til at Tor på Flakk får hjelp? Han har Alzheimer og går ute åleine om natta.",
        "nn",
        False,
    ),
]

C["discrimination"] = [
    (
        "Alle de utlendingene på asylmottaket burde sendes rett hjem igjen, de er bare parasitter.",
        "nb",
        False,
    ),
    (
        "Typisk at dere ansetter en sånn muslimkjerring i resepsjonen. Hun burde ikke jobbe med folk.",
        "nb",
        False,
    ),
    ("Homser har ikke noe i barnehagen å gjøre. Stopp den regnbuepropagandaen!", "nb", False),
    (
        "Dei polakkane i kommunen kan ikkje snakke norsk og burde kastast ut alle saman.",
        "nn",
        False,
    ),
    (
        "Hvis jeg ser den saksbehandleren på butikken skal hun få så hun har nok. Jeg vet hvor hun bor.",
        "nb",
        False,
    ),
    (
        "Funksjonshemmede koster bare penger. Kutt i assistentene, de bidrar ikke med noe uansett.",
        "nb",
        False,
    ),
    ("Gamle folk på sykehjemmet er bare en byrde. La dem råtne.", "nb", False),
    ("Svarte folk har ikke noe her å gjøre, dette er Norge.", "nb", False),
    ("Rådmannen er ei dum kjerring som burde holde kjeft og stå ved komfyren.", "nb", False),
    (
        "Æ skal ta den jævla brøytesjåføren med hagla neste gang han ødelegger postkassa mi.",
        "nb",
        True,
    ),
    ("Sigøynerne som står utenfor Coop burde jages ut av bygda med makt.", "nb", False),
    ("Jøder styrer alt, også denne kommunen. Se bare hvem som sitter i ledelsen.", "nb", False),
    ("Trans-folk er psykisk syke og skal ikke jobbe med barn i kommunen vår.", "nb", False),
    ("Innvandrerungene på Birkeland skole er dyr, ikke rart det er bråk i klassene.", "nb", False),
    (
        "Tilsette på NAV er nokre late snyltarar, og den tjukke dama i skranken er verst av alle.",
        "nn",
        False,
    ),
    ("Lærer Kjetil på ungdomsskolen er en pedo, alle vet det. Spre dette!", "nb", False),
    ("Vi må brenne ned det mottaket før flere av dem kommer hit.", "nb", False),
    ("Somaliere er kriminelle alle som en, og kommunen bare gir dem nye leiligheter.", "nb", False),
    ("Kvinner bør ikke være ledere i brannvesenet, de tåler ikke presset.", "nb", False),
    ("Den mongoen som jobber på Rema er kommunens feil. Send han på institusjon.", "nb", False),
    (
        "Eg skal sørgje for at ordføraren ikkje får sove trygt i natt. Han veit kva han har gjort.",
        "nn",
        False,
    ),
    ("Jævla pakkis, dere ødelegger hele Sørlandet.", "nb", False),
    ("Samer og tatere har alltid vært et problem. Kommunen bør ikke gi dem noe.", "nb", False),
    (
        "Den nye legen på helsesenteret er sikkert kjøpt doktorgrad i Pakistan. Sånne skal ikke behandle oss.",
        "nb",
        False,
    ),
    (
        "Jeg kommer til å banke opp den jævla byggesaksbehandleren Mona hvis jeg får avslag igjen.",
        "nb",
        False,
    ),
]

C["rumor"] = [
    (
        "Jeg har hørt at rektor på ungdomsskolen har fått sparken etter en hemmelig gransking. Stemmer det?",
        "nb",
        False,
    ),
    (
        "Folk sier at kommunen skal selge skogen i Herefoss til en kompis av ordføreren.",
        "nb",
        False,
    ),
    (
        "Visstnok har noen på teknisk etat tatt imot penger for å få byggesaker raskere gjennom.",
        "nb",
        False,
    ),
    (
        "Det ryktes at Engesland skule skal leggjast ned allereie til hausten og at vedtaket er hemmeleg.",
        "nn",
        False,
    ),
    (
        "Eg høyrde på butikken at brannen i Svaland var påsett av nokon i brannvesenet sjølv.",
        "nn",
        False,
    ),
    ("Er det sant at ordføreren kjørte i fylla i helga? Hele bygda snakker om det.", "nb", False),
    (
        "Noen sier rådmannen skal slutte fordi han har rotet bort millioner. Hva er det dere skjuler?",
        "nb",
        False,
    ),
    (
        "Naboen sa at det har vært et stort politiinnsats på Birkeland skole i dag, og at dere holder det hemmelig.",
        "nb",
        False,
    ),
    (
        "Har hørt at barnehagen på Tveide skal stenges fordi en ansatt har gjort noe galt. Hvem er det?",
        "nb",
        False,
    ),
    (
        "Dei seier at vatnet i Herefoss er forureina og at kommunen har visst det i månadsvis.",
        "nn",
        False,
    ),
    (
        "Det går rykter om at han nye sjefen i hjemmetjenesten er i slekt med halve kommunestyret.",
        "nb",
        False,
    ),
    (
        "Hørte at det var slåsskamp på julebordet til kommunen og at noen ble anmeldt. Kan dere bekrefte?",
        "nb",
        False,
    ),
    (
        "Visstnok skal det bygges asylmottak i det gamle bygget på Flakk uten at noen har fått vite det.",
        "nb",
        False,
    ),
    (
        "Æ har hørt at dem kutte hele kulturskolen og at lærerne alt har fått oppsigelse.",
        "nb",
        True,
    ),
    (
        "Noen mener brøytekontrakten ble gitt til svogeren til en i formannskapet. Sjekk det!",
        "nb",
        False,
    ),
    (
        "Folk snakkar om at det er rotter på kjøkkenet på sjukeheimen. Er det difor dei stengde?",
        "nn",
        False,
    ),
    ("Ryktet sier at kommunen har hemmelige planer om å legge søppeldeponi ved Ogge.", "nb", False),
    (
        "Jeg hørte fra en som jobber der at de har mistet pasientjournaler på helsesenteret.",
        "nb",
        False,
    ),
    (
        "Stemmer det at en lærer på Birkeland skole er politianmeldt? Alle foreldrene snakker om det.",
        "nb",
        False,
    ),
    (
        "Eg har høyrt at ein av dei tilsette på biblioteket stal pengar frå kassa, og at det er grunnen til stenginga.",
        "nn",
        False,
    ),
    ("Noen sier det ble funnet narkotika i garderoben i idrettshallen. Hvem var det?", "nb", False),
    (
        "Det sies at kommuneoverlegen har sagt opp i protest. Hva har skjedd der egentlig?",
        "nb",
        False,
    ),
    (
        "Visstnok skal hele ledergruppa på rådhuset få store bonuser i år mens vi andre betaler.",
        "nb",
        False,
    ),
    ("Hørt at de skal flytte legevakta til Lillesand i all hemmelighet etter nyttår?", "nb", False),
]

C["individual_case"] = [
    ("Når får jeg svar på byggesøknaden min for garasjen? Sendte den inn i august.", "nb", False),
    (
        "Vi har fått feil faktura på renovasjon, vi har bare ei dunk men betaler for to. Kan dere ordne det?",
        "nb",
        False,
    ),
    (
        "Dottera vår fekk ikkje barnehageplass på Birkeland sjølv om vi søkte i januar. Kvifor?",
        "nn",
        False,
    ),
    ("Brøytebilen har knust gjerdet mitt i Heivollveien. Hvem betaler for det?", "nb", False),
    (
        "Jeg klaget på vedtaket om eiendomsskatt for over to måneder siden og har ikke hørt noe.",
        "nb",
        False,
    ),
    (
        "Kan noen se på søknaden min om dispensasjon for brygga? Den har ligget lenge nå.",
        "nb",
        False,
    ),
    (
        "Vannmåleren vår viser feil og regninga er tre gonger så høg som i fjor. Kven kan kome og sjå?",
        "nn",
        False,
    ),
    ("Gutten vår ble ikke tatt opp på SFO fra januar. Kan dere se på det igjen?", "nb", False),
    (
        "Æ har søkt om å få kjøpe kommunal tomt på Rise i et halvt år. Koss går det med saken?",
        "nb",
        True,
    ),
    (
        "Det står vann i kjelleren vår etter at kommunen grov opp grøfta. Hvem skal vi sende regningen til?",
        "nb",
        False,
    ),
    (
        "Vi fikk avslag på søknaden om skyss til skolen for sønnen vår selv om veien er farlig. Vi vil klage.",
        "nb",
        False,
    ),
    (
        "Naboen har bygd ei stor hytte utan løyve rett ved grensa vår. Kan kommunen gripe inn?",
        "nn",
        False,
    ),
    (
        "Jeg har betalt festeavgift for gravstedet to ganger i år. Kan dere betale tilbake?",
        "nb",
        False,
    ),
    (
        "Når kommer dere og tømmer septiktanken vår i Kvernevika? Den skulle vært tømt i oktober.",
        "nb",
        False,
    ),
    ("Eg søkte om startlån i september og har ikkje høyrt noko. Kven har saka?", "nn", False),
    (
        "Gatelyset utenfor huset vårt i Flakkveien har vært mørkt i tre uker. Meldt det to ganger.",
        "nb",
        False,
    ),
    (
        "Vi har søkt om å få bygge tilbygg, og nå krever dere en ny tegning. Hvorfor det?",
        "nb",
        False,
    ),
    (
        "Kan jeg få refundert billetten til svømmekurset som ble avlyst? Betalte for to barn.",
        "nb",
        False,
    ),
    (
        "Dotra mi vil byte skule frå Engesland til Birkeland. Korleis går vi fram i hennar sak?",
        "nn",
        False,
    ),
    (
        "Søknaden min om ledsagerbevis har ligget hos dere siden sommeren. Når kommer svaret?",
        "nb",
        False,
    ),
    (
        "Hunden min ble tatt av viltnemnda uten varsel. Jeg krever en forklaring på vedtaket.",
        "nb",
        False,
    ),
    (
        "Vi fikk pålegg om å koble oss til det kommunale avløpet, men har ikke råd. Kan vi få utsettelse?",
        "nb",
        False,
    ),
    (
        "Kommunen har plassert en ny brøytestikkerekke midt i innkjørselen min. Kan noen flytte dem?",
        "nb",
        False,
    ),
    (
        "Jeg har søkt jobb som assistent i barnehagen og ikke fått noe svar. Er stillingen besatt?",
        "nb",
        False,
    ),
    (
        "Fakturaen for feiing i år er dobbelt så høy som i fjor for huset vårt på Svaland. Det må være feil.",
        "nb",
        False,
    ),
]

C["political"] = [
    ("Kommer dere til å legge ned Engesland skule eller ikke? Svar rett ut!", "nb", False),
    ("Hva mener kommunen om eiendomsskatten, blir den økt neste år?", "nb", False),
    ("Kva meiner de sjølve: bør Herefoss skule leggjast ned for å spare pengar?", "nn", False),
    (
        "Blir det bygd ny idrettshall på Birkeland, eller vinner Lillesand-alternativet?",
        "nb",
        False,
    ),
    ("Er kommunen for eller mot vindkraft på Rislå? Vi vil vite hva dere står for.", "nb", False),
    ("Kommer kommunestyret til å vedta å stenge bassenget? Hva tror dere?", "nb", False),
    ("Synes dere selv det er riktig å kutte i kulturskolen når rådhuset pusses opp?", "nb", False),
    ("Bør ikkje kommunen heller slå seg saman med Lillesand? Kva er dykkar syn?", "nn", False),
    (
        "Blir det eiendomsskatt på hytter fra 2026? Dere må jo vite hva som blir vedtatt.",
        "nb",
        False,
    ),
    ("Hva er kommunens holdning til nytt asylmottak i bygda?", "nb", False),
    (
        "Kjem skulestrukturen til å endrast etter folkemøtet, eller er alt bestemt allereie?",
        "nn",
        False,
    ),
    (
        "Vil kommunen prioritere ny barnehage eller nytt sykehjem? Begge kan dere ikke få.",
        "nb",
        False,
    ),
    ("Når blir det bestemt om Birkenes skal ha egen legevakt? Hva anbefaler dere?", "nb", False),
    ("Æ lure på om dokker kjem te å kutte brøytinga av grendeveiene. Ka meine dokker?", "nb", True),
    (
        "Er dere enige i at det bør bygges gang- og sykkelvei til Vegusdal før noe annet?",
        "nb",
        False,
    ),
    ("Støtter kommunen forslaget om å flytte biblioteket inn i kulturhuset?", "nb", False),
    ("Kva trur de: blir det fleire kommunale bustader i sentrum eller ikkje?", "nn", False),
    ("Skal kommunen selge Herefoss gamle skole? Si hva dere mener!", "nb", False),
    ("Hvorfor går ikke kommunen inn for gratis SFO? Er dere for eller imot?", "nb", False),
    ("Blir skolemat innført i Birkenes neste år, eller stemmer politikerne det ned?", "nb", False),
    ("Mener kommunen at det er riktig å bygge ut boligfeltet på Hovlandsheia?", "nb", False),
    ("Skal dere virkelig øke parkeringsavgiften ved rådhuset? Hva blir utfallet?", "nb", False),
]

C["budget_org"] = [
    ("Hvor mye bruker kommunen på konsulenter i år?", "nb", False),
    ("Kor mykje kostar ombygginga av rådhuset totalt?", "nn", False),
    ("Hvem er egentlig sjefen for teknisk etat nå etter omorganiseringen?", "nb", False),
    ("Hva er budsjettet for vedlikehold av kommunale veier neste år?", "nb", False),
    (
        "Hvor mange ansatte har kommunen totalt, og hvor mange sitter i administrasjonen?",
        "nb",
        False,
    ),
    ("Kva er lønna til rådmannen? Det er offentleg, så de kan godt seie det.", "nn", False),
    ("Hvordan går kommunens økonomi, er det underskudd i år også?", "nb", False),
    ("Hvor mye har kommunen i gjeld per innbygger?", "nb", False),
    ("Hvilken avdeling har ansvaret for friluftsområdene? Det er umulig å finne ut.", "nb", False),
    ("Kor mykje pengar får kulturskulen i budsjettet for 2025?", "nn", False),
    ("Hvor mye koster brøytingen kommunen hver vinter?", "nb", False),
    ("Hvem sitter i ledergruppa i kommunen nå? Finner ikke oversikten.", "nb", False),
    ("Hva brukte kommunen på julebordet til de ansatte i fjor?", "nb", False),
    ("Æ lure på ka det koste å drive bassenget i året. Nån som vet?", "nb", True),
    ("Hvor stor del av budsjettet går til pleie og omsorg?", "nb", False),
    ("Kor mange stillingar blir kutta i helse og omsorg etter budsjettforslaget?", "nn", False),
    ("Har kommunen økt utgiftene til IT? Virker som det blir dyrere hvert år.", "nb", False),
    ("Hva tjener kommunen på eiendomsskatten totalt per år?", "nb", False),
    ("Hvorfor er NAV og servicetorget slått sammen? Hvem leder det nå?", "nb", False),
    ("Kor mykje kosta det nye skiltet ved innkøyringa til Birkeland?", "nn", False),
    ("Hva er driftsresultatet for 2024 så langt?", "nb", False),
    ("Hvor mye penger bruker kommunen på vikarer i barnehagene?", "nb", False),
]

C["factual_error"] = [
    (
        "Biblioteket er lagt ned for godt, så nå må vi kjøre til Lillesand for å låne bøker.",
        "nb",
        False,
    ),
    ("Søknadsfristen for barnehageplass var jo i januar, så nå er det for sent.", "nb", False),
    ("Kommunen brøyter ikke før det har kommet 30 cm snø, det står i reglene.", "nb", False),
    ("Vatnet i Herefoss er ikkje trygt å drikke, det står i innlegget deres.", "nn", False),
    ("Folkemøtet om skolestrukturen er på rådhuset, ikke på Engesland.", "nb", False),
    ("Det er jo gratis barnehage for alle i Birkenes nå, så hvorfor får vi faktura?", "nb", False),
    ("Julegrantenninga er på søndag, ikkje laurdag. Les plakaten!", "nn", False),
    ("Kommunen har bestemt at skolene skal ha firedagersuke fra høsten.", "nb", False),
    ("Gjenvinningsstasjonen er stengt hele desember, står det på nettsiden.", "nb", False),
    ("Budsjettet er allerede vedtatt, så folkemøtet er bare skuespill.", "nb", False),
    ("Sommarvikarane må ha sjukepleiarutdanning for å søkje, så eg kan ikkje søkje.", "nn", False),
    ("Bussen til Vegusdal er lagt ned fra nyttår, kommunen har sagt det.", "nb", False),
    (
        "Man kan ikke levere bøker mens biblioteket er stengt, dere må vente til januar.",
        "nb",
        False,
    ),
    ("Eiendomsskatten ble doblet i år, det står i budsjettet.", "nb", False),
    ("Legevakta er ikke åpen i helgene lenger.", "nb", False),
    ("Det er jo ikkje lov å parkere i sentrum i det heile etter klokka 22 no.", "nn", False),
    ("Kommunestyret behandler budsjettet i november, ikke desember som dere skriver.", "nb", False),
    ("Svømmehallen er stengt på grunn av legionella, sa de på radioen.", "nb", False),
    ("Æ trudde søknaden om barnehageplass måtte leveres på papir på servicetorget?", "nb", True),
    ("Det er ikke lov å ha hund i lysløypa i Birkenes i det hele tatt.", "nb", False),
    ("Kommunen tar betalt for å levere hageavfall nå, 300 kroner per henger.", "nb", False),
    ("Vaksinering mot influensa er bare for dem over 80 i år.", "nb", False),
]

C["question"] = [
    ("Hva er åpningstidene på servicetorget i jula?", "nb", False),
    ("Når er søknadsfristen for sommerjobb i hjemmetjenesten?", "nb", False),
    ("Kor lenge er biblioteket stengt? Kan ein levere bøker i luka?", "nn", False),
    ("Hvor lang er saksbehandlingstiden for byggesøknader normalt?", "nb", False),
    ("Blir det parkering ved torget under julegrantenninga?", "nb", False),
    ("Kor finn eg søknadsskjemaet for barnehageplass?", "nn", False),
    ("Er det noen som vet om folkemøtet blir strømmet?", "nb", False),
    ("Må man være over 18 for å søke sommerjobb på sykehjemmet?", "nb", False),
    ("Hvor lenge bør vi la vannet renne i Herefoss?", "nb", False),
    ("Når tømmes papirdunkene i Birkeland sentrum i romjula?", "nb", False),
    ("Er gjenvinningsstasjonen open på laurdagar i vinter?", "nn", False),
    ("Kan man søke barnehageplass midt i året også, eller bare til hovedopptaket?", "nb", False),
    ("Æ lure på når brøytebilen pleie å komme te Hovlandsheia?", "nb", True),
    ("Hvor kan jeg melde fra om et gatelys som ikke virker?", "nb", False),
    ("Hvilke dager har helsestasjonen åpen for ungdom?", "nb", False),
    ("Er det mogleg å få kompostbinge frå kommunen? Kva kostar det?", "nn", False),
    ("Når åpner biblioteket igjen etter oppussingen?", "nb", False),
    ("Hvor legger jeg ut søknaden om kulturmidler?", "nb", False),
    ("Er det lov å brenne bål i Birkenes nå om vinteren?", "nb", False),
    ("Kven kan eg kontakte om eg vil bli støttekontakt?", "nn", False),
    ("Hvordan melder jeg barnet mitt på svømmeopplæring?", "nb", False),
    ("Kommer det informasjon på engelsk om barnehagesøknaden?", "nb", False),
    ("Er bassenget åpent for publikum i vinterferien?", "nb", False),
    ("Kva tid startar kommunestyremøtet 12. desember, og er det ope for publikum?", "nn", False),
    ("Hvor lang tid tar det vanligvis å få svar på søknad om startlån?", "nb", False),
    ("Dekker kommunen skoleskyss for elever som bor mer enn 4 km unna?", "nb", False),
]

C["feedback"] = [
    ("Tusen takk til brøytemannskapet som var ute kl. 4 i natt! Strålende jobba 👏", "nb", False),
    ("Så fin julegrantenning i fjor, gleder oss til i år!", "nb", False),
    ("Takk for god informasjon om vannet. Fint å få beskjed på forhånd.", "nb", False),
    ("Takk til servicetorget som hjelpte meg så raskt i dag!", "nb", False),
    (
        "Flott at biblioteket pusses opp, det trengtes. Kanskje dere kunne ha en lesekrok for ungdom?",
        "nb",
        False,
    ),
    ("Tusen takk for eit flott folkemøte i fjor, godt at innbyggjarane blir høyrde.", "nn", False),
    (
        "Forslag: kan dere legge ut brøyterutene på et kart? Da vet vi når det blir brøytet.",
        "nb",
        False,
    ),
    ("Heia hjemmetjenesten! Dere gjør en fantastisk jobb hver eneste dag.", "nb", False),
    ("Godt jobba med lysløypa i år, den er betre enn nokon gong.", "nn", False),
    ("Det hadde vært fint om dere kunne sende SMS-varsel når vannet stenges.", "nb", False),
    ("Æ må bare si at dem på gjenvinningsstasjonen e verdens hyggeligste folk!", "nb", True),
    (
        "Veldig bra at budsjettet ligger ute så tidlig. Kanskje en kort oppsummering på Facebook også?",
        "nb",
        False,
    ),
    ("Takk for rask hjelp med det løse kumlokket i går, flott service.", "nb", False),
    ("Fine bilete frå kommunen i det siste! Meir sånt.", "nn", False),
    (
        "Tips: sett opp et søppelstativ ved badeplassen på Ogge, det blir mye søppel der om sommeren.",
        "nb",
        False,
    ),
    (
        "Tusen takk til helsesykepleieren på Birkeland skole, ungene er så glade i henne.",
        "nb",
        False,
    ),
    ("Fantastisk at dere arrangerer gratis aktiviteter i vinterferien!", "nb", False),
    (
        "Kan dere ha folkemøtet på kvelden også neste gang, slik at flere kan komme? Ellers bra initiativ.",
        "nb",
        False,
    ),
    (
        "Takk for at de brøyta fortauet til skulen så tidleg, det gjer skulevegen tryggare.",
        "nn",
        False,
    ),
    ("Så fint med julemarkedet i fjor, håper det blir like bra i år 🎄", "nb", False),
    ("God idé med innleveringsluka på biblioteket. Sånt gjør hverdagen enklere.", "nb", False),
    ("Rosa til kulturskolelærerne, for en konsert i går!", "nb", False),
]

C["other"] = [
    ("@Kari Hansen se her!", "nb", False),
    ("😂😂😂", "nb", False),
    ("Elendig brøyting i år, dere burde skamme dere.", "nb", False),
    ("Endelig snø! ⛄", "nb", False),
    ("Typisk Birkenes, alt tar evigheter.", "nb", False),
    ("Kjem du på grantenninga, Siri?", "nn", False),
    ("Det er jo alltid det samme med denne kommunen.", "nb", False),
    ("Hvem skal på juletrefesten? Vi kan kjøre sammen fra Herefoss.", "nb", False),
    ("Haha, brøytebilen var her før kaffen var ferdig i dag 😅", "nb", False),
    ("Kommunen klarer aldri å planlegge noe som helst.", "nb", False),
    ("Håper det blir sol i helga 🌞", "nb", False),
    ("Eg synest budsjettet er dårleg, men det er vel ingenting å gjere med det.", "nn", False),
    ("👍", "nb", False),
    ("Æ husker da vi hadde ordentlig vinter her i bygda, med meterhøye brøytekanter.", "nb", True),
    ("@Ola Tveit dette er vel noe for deg?", "nb", False),
    ("Så typisk at alt skal skje i desember.", "nb", False),
    ("Flott bilde!", "nb", False),
    ("Noen som har sett en svart katt på Birkeland? Pusen vår har stukket av.", "nb", False),
    ("Syns det er trist at biblioteket stenger, men sånn er det vel.", "nb", False),
    ("Dette budsjettet er et hån mot alle som bor i utkanten.", "nb", False),
    ("Gler meg til jul! 🎅", "nn", False),
    ("Hvem vant fotballkampen i går forresten?", "nb", False),
    ("Politikerne i denne kommunen er helt ubrukelige, alle sammen.", "nb", False),
    ("Del gjerne videre, folkens!", "nb", False),
    ("Ka e dette for nokke tull igjen?", "nb", True),
    ("Vi flyttet hit i fjor og trives godt, selv om brøytinga kunne vært bedre.", "nb", False),
]


def fill(text: str) -> str:
    return (
        text.replace("{FNR}", fake_fnr())
        .replace("{DNR}", fake_fnr(d_number=True))
        .replace("{KONTO}", fake_konto())
    )


def main() -> None:
    rows = []
    n = 0
    for category, items in C.items():
        for text, lang, dialect in items:
            n += 1
            row = {
                "id": f"sim{n:03d}",
                "text": fill(text),
                "category": category,
                "lang": lang,
                "author": author(),
            }
            if dialect:
                row["dialect"] = True
            rows.append(row)
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} comments to {OUT}")


if __name__ == "__main__":
    main()
