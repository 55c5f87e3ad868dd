import pytest

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.special_category import SpecialCategoryRecognizer
from somevakt.analysis.types import SAERLIG_KATEGORI


def find(text: str):
    return SpecialCategoryRecognizer().find(TextContext(text))


@pytest.mark.parametrize(
    "text, span",
    [
        ("sønnen hennes er homofil", "homofil"),
        ("ho er lesbisk", "lesbisk"),
        ("naboen er muslim", "muslim"),
        ("han er jøde", "jøde"),
        ("han er joede", "joede"),  # no æøå
        ("hun er medlem av Fagforbundet", "medlem av Fagforbundet"),
        ("kona er tillitsvalgt", "tillitsvalgt"),
        ("han er med i fagforeninga", "fagforeninga"),
    ],
)
def test_finds_special_categories_of_a_person(text, span):
    [f] = [f for f in find(text) if f.text == span]
    assert f.type == SAERLIG_KATEGORI and not f.sensitive


@pytest.mark.parametrize(
    "text",
    [
        "Homofile er velkomne",  # plural: a group, not a person
        "Muslimer og kristne feiret sammen",
        "på same måte som før",  # nynorsk "same"
        "Vi har ledig rom",
    ],
)
def test_rejects_group_words_and_lookalikes(text):
    assert find(text) == []


@pytest.mark.parametrize(
    "text, span",
    [
        ("jeg er transkvinne", "transkvinne"),
        ("Vi er to mødre", "to mødre"),
        ("dei har to pappaer", "to pappaer"),
        ("han er trans", "trans"),
    ],
)
def test_finds_gender_identity_and_same_sex_parents(text, span):
    [f] = find(text)
    assert f.text == span and f.type == SAERLIG_KATEGORI


@pytest.mark.parametrize("text", ["Transport til skolen", "Vi har to hunder", "transkjøring"])
def test_rejects_words_that_only_contain_the_term(text):
    assert find(text) == []
