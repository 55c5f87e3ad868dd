"""Decide when a topic (health, child welfare, NAV, crime, special category) is personal.

A health word alone ("helsestasjonen har nye åpningstider") is not sensitive. A topic
finding becomes sensitive when its sentence ties it to an identifiable person:

- the writer: a first-person word ("jeg har MS", "eg har KOLS", "mora mi"), or a statement
  that starts with the verb and leaves the writer out ("Har fått kreft.");
- an anchor in the same sentence: a name (PERSON), a kinship or role phrase, an @mention,
  a child singled out ("lille Sofie", "Emma i 3b");
- a third-person pronoun ("han fikk diabetes") when an earlier sentence has an anchor: the
  last anchors stay in reach for the next two sentences ("Mora mi er 90. Ho bur aleine. Ho
  har demens.").

Not personal:

- a topic that speaks of a group: "alle med diabetes", "folk som går på NAV", "mange eldre
  har demens", "de utviklingshemmede";
- a metaphor: "en kreftsvulst for kommunen", "X er en pest";
- a carer role for the writer alone ("vi er fosterhjem", "kommunen trenger fosterhjem"), unless
  the writer was placed ("jeg vokste opp i fosterhjem");
- a service thanked or worked at: "takk til hjemmetjenesten", "fikk sparken fra sykehjemmet";
- a criminal matter only asked or heard about ("stemmer det at ... er anmeldt?", "har hørt
  at ..."): the rubric makes that a rumour; health stays sensitive there;
- the writer as a mere reporter: "jeg har hørt at ...", "jeg lurer på ...", "jeg synes ...";
- a service (lexicon flag ``institution``: "NAV-kontoret", "helsestasjonen",
  "barnevernstjenesten") unless a private person is in the sentence: the writer alone
  asking about opening hours, an office holder ("ordføreren besøkte sykehjemmet") or an
  employee in their role ("Anne på helsestasjonen") do not make it personal. Once a
  sentence has a personal topic, its services go with it ("sosialhjelp fra NAV").

When a topic is linked, the anchors it is linked to become sensitive too, so the redacted
text masks both "far min" and "diabetes".
"""

from __future__ import annotations

import re
from bisect import bisect_left

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.types import (
    PERSON,
    PERSON_ANCHOR_TYPES,
    STRAFFESAK,
    TOPIC_TYPES,
    Finding,
)

# Matched on the lower-cased original text, because folding turns the dialect "æ" (I) into
# "a". "min" after a number is minutes ("45 min"), not a possessive.
_FIRST_PERSON = re.compile(
    r"(?<![\w@])(?:jeg|eg|æ|ae|je|meg|mæ|mej|mitt|mine|mi|vi|me|oss|vår|vårt|våre|vaar|vaart|"
    r"vaare|(?<!\d )min)(?!\w)"
)
# The writer only reports or asks: "jeg har hørt at", "eg lurer på", "jeg synes".
_REPORTING = re.compile(
    r"\s+(?:har\s+|he\s+|hadde\s+|har\s+jo\s+)?(?:hørt|hort|høyrt|hoyrt|høyrde|hoyrde|hørte|"
    r"horte|lurer|lurar|lurte|synes|syns|synst|tror|trur|mener|meiner|vet|veit|lest|sett|såg|"
    r"skjønner|forstår|håper|haaper|ønsker|vil\s+gjerne|lurer\s+på|spør|spurte|jobber|jobbar)"
    r"(?!\w)"
)
# A statement starting with a finite verb leaves out "jeg": "Har fått kreft og ..."
_IMPLICIT_WRITER = re.compile(
    r"^\W*(?:har|hadde|fikk|fekk|sliter|slit|ble|blei|vart|er|e|går|gikk|venter)\s", re.I
)
_THIRD_PERSON = re.compile(r"(?<!\w)(?:han|hun|ho|hen|ham|henne|hans|hennes|hennar)(?!\w)")
# A group, not a person: "alle med diabetes", "folk som går på NAV", "barn med ADHD".
_GROUP_BEFORE = re.compile(
    r"(?<!\w)(?:alle|folk|de|dei|personer|mennesker|menneske|barn|born|unger|ungar|ungdommer|"
    r"ungdom|elever|elevar|pasienter|pasientar|eldre|mange|andre|familier|familiar|foreldre|"
    r"brukere|brukarar|innbyggere|innbyggjarar|ansatte|tilsette|kvinner|menn|gravide|nokon|noen)"
    r"\s+(?:med|som\s+har|som\s+er|som\s+får|som\s+far|som\s+går\s+på|som\s+gar\s+pa|på|pa|i)"
    r"(?:\s+\w+)?\s+$"
)
# A quantified group as the subject: "mange eldre har demens", "flere av oss sliter med angst".
# The words in between name no person ("mange ganger er jeg sykmeldt" is the writer's).
_NOT_A_PERSON_WORD = (
    r"\s+(?!(?:jeg|eg|æ|meg|han|hun|ho|hen|ham|henne|vi|me|du|min|mi|mitt|mine|hans|hennes)"
    r"(?!\w))\w+"
)
_GROUP_SUBJECT = re.compile(
    r"(?<!\w)(?:mange|flere|fleire|alle|noen|nokon|de\s+fleste|dei\s+fleste|halvparten|"
    rf"hvor\s+mange|kor\s+mange)(?:{_NOT_A_PERSON_WORD}){{0,3}}\s+(?:har|hadde|får|far|fikk|"
    r"fekk|er|var|blir|sliter\s+med|slit\s+med|lever\s+med|går\s+på|gar\s+pa|mottar|trenger|"
    rf"treng)(?:{_NOT_A_PERSON_WORD}){{0,3}}\s+$"
)
# A group named right before: "de utviklingshemmede", "alle kreftsyke", "de psykisk syke".
_GROUP_DIRECT = re.compile(
    r"(?<!\w)(?:de|dei|alle|disse|desse|slike)\s+(?:(?:psykisk|fysisk|kronisk|alvorlig|"
    r"alvorleg|sterkt|lett)\s+)?$"
)
# Plural person nouns name a group too: "diabetikere", "kreftpasienter", "rusmisbrukarar".
_GROUP_NOUN = re.compile(
    r"(?:ikere|ikarar|pasienter|pasientar|brukere|brukarar|misbrukere|ister|istar|omane)$"
)
# A group noun as the subject of a plural predicate: "transfolk er psykisk syke".
_GROUP_FOLK = re.compile(r"(?<!\w)\w*folk\s+(?:er|e|blir|har)\s+$")
# A claim about a kind of thing, the topic as its subject: "Trans er en psykisk lidelse",
# "Kreft er ein folkesjukdom", "ADHD er ikke en unnskyldning".
_GENERIC_AFTER = re.compile(r"\s+(?:er|e)\s+(?:en|ein|et|eit|ei|ikke|ikkje)(?!\w)")
# (Possessive: no backtracking over runs of "@".) Patterns used with match(text, pos) have
# no "^": it would only match at the very start of the text, not at pos.
_SENTENCE_START = re.compile(r"(?:[^\w@]|@\S++)*+$")
# A metaphor, not a diagnosis: "ein kreft på samfunnet", "en kreftsvulst i kommunen".
_METAPHOR_AFTER = re.compile(
    r"\s+(?:på|pa|for|i)\s+(?:samfunnet|bygda|kommunen|norge|noreg|landet|demokratiet|"
    r"skolen|skulen|organisasjonen|byråkratiet)"
)
# "X er en kreft / en pest / en psykisk lidelse": a metaphor or a claim about a kind of thing.
_METAPHOR_BEFORE = re.compile(
    r"(?<!\w)(?:er|e|var|blitt|blir|bli|som)\s+(?:en|ein|et|eit|ei)\s+(?:\w+\s+)?$"
)
_METAPHOR_TEXT = re.compile(r"(?:kreft|kreftsvulst|svulst|psykisk\s+lidelse|pest)(?:en|a)?")
# Becoming a carer is a general matter, not the writer's case: "vil bli fosterhjem",
# "hvordan blir man støttekontakt".
_BECOME_BEFORE = re.compile(
    r"(?:bli|blir|blei|være|vere|vera)\s+(?:(?:man|en|ein|me|vi|eg|jeg|du|de|dere|dokker)\s+)?"
    r"(?:et\s+|eit\s+)?$"
)
_ROLE_KEYS = frozenset(
    {
        "fosterhjem",
        "fosterheim",
        "beredskapshjem",
        "beredskapsheim",
        "besokshjem",
        "stottekontakt",
        "avlaster",
    }
)
# Placed in a carer's home ("bor i fosterhjem", "vokste opp i fosterheim"): about the writer.
_PLACED_BEFORE = re.compile(r"(?<!\w)(?:i|på|pa|til|fra|frå|fra)\s+(?:et\s+|eit\s+)?$")
# A service thanked ("takk til hjemmetjenesten", "tusen takk til jordmor på helsestasjonen")
# or a workplace ("fått sparken fra sykehjemmet", "jobber på legevakta").
_THANKS_BEFORE = re.compile(
    r"(?<!\w)(?:takk|takke|takker|takka|takkar|ros|skryt)(?:\s+[^\s,;:.!?]+){0,5}\s+$"
)
_WORKPLACE_BEFORE = re.compile(
    r"(?<!\w)(?:sparken|oppsagt|jobber|jobbar|jobbet|jobba|jobb|ansatt|tilsett|sluttet|slutta|"
    r"leder|leiar|sjef|vikar|vikarierer|praksis)\s+(?:\w+\s+)?(?:på|pa|i|fra|frå|ved|hos)\s+$"
)
# Hearsay and rumour questions: a criminal matter in them is a rumour, not a disclosure
# (the rubric: "sensitive when it names health, otherwise rumor").
_HEARSAY = re.compile(
    r"(?<!\w)(?:har\s+hørt|har\s+hort|hørte|horte|har\s+høyrt|høyrde|stemmer\s+det|"
    r"stemmer\s+dette|er\s+det\s+sant|er\s+det\s+riktig|er\s+det\s+slik|visstnok|visst\s+nok|"
    r"ryktes|rykte|ryktet|ryktene|sies\s+det|seies\s+det|folk\s+sier|folk\s+seier|"
    r"noen\s+som\s+vet|nokon\s+som\s+veit|bekre\w*|avkre\w*|rykter|fikk\s+med\s+meg|"
    r"fekk\s+med\s+meg|fortalte\s+at|fortalde\s+at|sa\s+(?:ikke\s+|ikkje\s+)?noen|"
    r"sa\s+(?:ikke\s+|ikkje\s+)?nokon|noen\s+sa|nokon\s+sa)(?!\w)"
)
# A how-to question about a service ("hvordan søker jeg bostøtte?", "kan man få avlastning?"):
# the writer asks in general, no matter of theirs is disclosed.
_HOWTO = re.compile(
    r"\W*(?:hvordan|korleis|koss|kossen|hvor|kor|hva|kva|ka|kan|må|ma|hvem|kven|kem)\b[^.!]*"
    r"\b(?:søke|søker|soke|soker|søkje|få|fa|bli|blir|melde|kvalifiser\w*|krav|kriteri\w*)\b"
)
# A doctor's office as a place ("var på legekontoret", "ringte legekontoret") says nothing
# about anyone's health by itself.
_PLACE_KEYS = frozenset({"legekontor", "legesenter", "legevakt"})
# Sentence ends; a dot after a digit is an ordinal ("6. klasse"), not an end. The same
# matches as ``(?<!\d)[.!?]+(?:\s+|$)|\n+``, written to start with the end characters:
# then the regex engine skips straight to them instead of trying every position.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<!\d[.!?])[.!?]*(?:\s+|$))")
# A person in their role at a service: "Anne på helsestasjonen", "Per ved NAV".
_AT_SERVICE = re.compile(r"^\s*(?:på|pa|ved|i|fra|frå|hos)\s+$")
_PRIVATE_KINDS = frozenset({"kinship", "child", "described", "mention"})
# An @mention usually addresses a reader ("@Kari når åpner legevakta?"): it ties a service
# to that person only when the sentence speaks to them ("@Kari du som er på krisesenteret").
_YOU = re.compile(r"(?<!\w)(?:du|deg|dæ|dej|din|di|ditt|dine)(?!\w)")
# A name right after a service and "i"/"på" is a place: "sykehjemmet i Nordåsen".
_AT_PLACE = re.compile(r"^\s*(?:i|på|pa)\s+$")
# Sentences a third-person pronoun may reach back for an anchor.
_PRONOUN_REACH = 2


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < len(text) or not spans:
        spans.append((pos, len(text)))
    return spans


def _start(f: Finding) -> int:
    return f.start


def _is_institution(f: Finding) -> bool:
    return (f.detail or "").startswith("institution")


def _is_private(anchor: Finding) -> bool:
    # Names from the person-name recognizer count as private persons.
    return anchor.type == PERSON or anchor.detail in _PRIVATE_KINDS


def link_sensitive(ctx: TextContext, findings: list[Finding]) -> None:
    """Mark topic findings (and the person they are tied to) sensitive, in place."""
    topics = [f for f in findings if f.type in TOPIC_TYPES]
    if not topics:
        return
    anchors = sorted((f for f in findings if f.type in PERSON_ANCHOR_TYPES), key=_start)
    topics.sort(key=_start)
    anchor_starts = [a.start for a in anchors]
    topic_starts = [t.start for t in topics]
    lower = ctx.text.lower()
    hearsay = any(t.type == STRAFFESAK for t in topics) and bool(_HEARSAY.search(lower))
    prev_anchors: list[Finding] = []
    since_anchor = 0
    # Bisect into the sorted findings per sentence: linear in text and findings together.
    for start, end in _sentences(ctx.text):
        sent_anchors = anchors[bisect_left(anchor_starts, start) : bisect_left(anchor_starts, end)]
        sent_topics = topics[bisect_left(topic_starts, start) : bisect_left(topic_starts, end)]
        if hearsay:
            sent_topics = [t for t in sent_topics if t.type != STRAFFESAK]
        if sent_topics:
            _link_sentence(ctx.text, lower, start, end, sent_topics, sent_anchors, prev_anchors)
        # The last anchors stay in reach of a pronoun for a few sentences without anchors.
        if sent_anchors:
            prev_anchors, since_anchor = sent_anchors, 0
        else:
            since_anchor += 1
            if since_anchor >= _PRONOUN_REACH:
                prev_anchors = []


def _link_sentence(
    text: str,
    lower: str,
    start: int,
    end: int,
    topics: list[Finding],
    anchors: list[Finding],
    prev_anchors: list[Finding],
) -> None:
    writer = _writer_is_subject(lower, start, end, anchors)
    # A pronoun only links through earlier anchors: without them, no need to look for one.
    pronoun = bool(prev_anchors) and bool(_THIRD_PERSON.search(lower, start, end))
    if not (writer or anchors or pronoun):
        return  # nothing to tie a topic to: the checks below could link none
    linked_anchors: list[Finding] = []
    personal = [t for t in topics if not _not_personal(lower, start, t)]
    if writer and "?" in lower[start:end] and _HOWTO.match(lower, start, end):
        has_private = any(_is_private(a) for a in anchors)
        if not has_private:
            writer = False
            personal = [t for t in personal if not _is_institution(t)]
    any_linked = False
    # Only an @mention anchor asks whether the sentence speaks to the reader (_can_link).
    addressed = any(a.detail == "mention" for a in anchors) and bool(
        _YOU.search(lower, start, end)
    )
    for t in personal:
        institution = _is_institution(t)
        cands = [a for a in anchors if _can_link(text, a, t, institution, addressed)]
        if not cands and pronoun:
            cands = [a for a in prev_anchors if not institution or _is_private(a)]
        writer_ok = writer and not institution
        if writer_ok and _key(t) in _ROLE_KEYS:
            writer_ok = bool(_PLACED_BEFORE.search(lower, max(start, t.start - 12), t.start))
            if not writer_ok:
                cands = [a for a in cands if _is_private(a)]
        if cands or writer_ok:
            t.sensitive = True
            any_linked = True
            linked_anchors.extend(cands)
    if any_linked:
        # A service named beside a personal topic is part of the same disclosure.
        for t in personal:
            t.sensitive = True
        for a in linked_anchors:
            a.sensitive = True


def _key(f: Finding) -> str:
    return (f.detail or "").partition(":")[2]


def _not_personal(lower: str, start: int, t: Finding) -> bool:
    """A topic that speaks of a group, a metaphor, a carer role or a place, not of a person."""
    if _GROUP_BEFORE.search(lower, max(start, t.start - 60), t.start):
        return True
    if _GROUP_NOUN.search(lower, t.start, t.end):
        return True
    before = max(start, t.start - 60)
    near = max(start, t.start - 30)
    if (
        _GROUP_SUBJECT.search(lower, before, t.start)
        or _GROUP_DIRECT.search(lower, near, t.start)
        or _GROUP_FOLK.search(lower, near, t.start)
    ):
        return True
    if _GENERIC_AFTER.match(lower, t.end) and _SENTENCE_START.match(lower, start, t.start):
        return True
    if _METAPHOR_TEXT.fullmatch(lower, t.start, t.end) and (
        _METAPHOR_AFTER.match(lower, t.end)
        or _METAPHOR_BEFORE.search(lower, max(start, t.start - 40), t.start)
    ):
        return True
    key = _key(t)
    if key in _ROLE_KEYS and _BECOME_BEFORE.search(lower, max(start, t.start - 20), t.start):
        return True
    if not _is_institution(t):
        return False
    if _THANKS_BEFORE.search(lower, before, t.start):
        return True
    if _WORKPLACE_BEFORE.search(lower, max(start, t.start - 30), t.start):
        return True
    return key in _PLACE_KEYS


def _can_link(
    text: str, anchor: Finding, topic: Finding, institution: bool, addressed: bool
) -> bool:
    if not institution:
        return True
    if not _is_private(anchor):  # an office holder and a service: not a private matter
        return False
    if anchor.end <= topic.start and _AT_SERVICE.match(text[anchor.end : topic.start]):
        return anchor.type != PERSON and anchor.detail != "mention"  # an employee in role
    if anchor.start >= topic.end and _AT_PLACE.match(text[topic.end : anchor.start]):
        return False  # "sykehjemmet i Nordåsen": a place name
    return anchor.detail != "mention" or addressed


def _writer_is_subject(lower: str, start: int, end: int, anchors: list[Finding]) -> bool:
    """Whether the sentence is about the writer (not merely reported by the writer)."""
    sentence = lower[start:end]
    if "?" not in sentence and _IMPLICIT_WRITER.match(sentence):
        return True
    for m in _FIRST_PERSON.finditer(lower, start, end):
        # A possessive inside a kinship phrase ("far min") is that anchor's, not the writer's.
        if any(a.start <= m.start() < a.end for a in anchors):
            continue
        if _REPORTING.match(lower, m.end(), min(end, m.end() + 40)):
            continue
        return True
    return False
