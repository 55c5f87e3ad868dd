"""Tell bokmål from nynorsk by their function words.

Short social-media comments rarely say enough for a statistical model; the words that
differ between the two written standards ("ikke"/"ikkje", "jeg"/"eg", "hva"/"kva") are a
cheap and robust signal. Anything without a clear signal is "unknown".
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-zæøå]+")

NB_WORDS = frozenset(
    """ikke jeg hva hvor hvorfor hvordan hvem hvis noen mye meg deg seg også fra skal
    kommer gjennom etter hennes dere oss vår våre bare mange nå når får være været blir
    vil kunne enn sier hjem huset veien mitt mine noe ingen hun kanskje fikk""".split()
)
NN_WORDS = frozenset(
    """ikkje eg kva kvar kvifor korleis kven viss nokon mykje meir også frå skal kjem
    gjennom etter hennar dykk oss vår våre berre mange no når får vere vêret blir vil
    kunne enn seier heim huset vegen mitt mine noko ingen ho kanskje fekk kor me vi
    kome sjå gjere høyre eit ein dei desse korkje ikkje""".split()
)
_ONLY_NB = NB_WORDS - NN_WORDS
_ONLY_NN = NN_WORDS - NB_WORDS


def detect_language(text: str) -> str:
    """Return "nb", "nn" or "unknown"."""
    nb = nn = 0
    for word in _WORD.findall(text.lower()):
        if word in _ONLY_NB:
            nb += 1
        elif word in _ONLY_NN:
            nn += 1
    if nb == nn:
        return "unknown" if nb == 0 else "nb"
    return "nb" if nb > nn else "nn"
