"""The quick test that lets texts without a long digit run skip the number patterns."""

import pytest

from somevakt.analysis.recognizers.digit_run import has_four_digits


@pytest.mark.parametrize("text", ["fnr 15038643670", "konto 1234.56.78903", "år 2023", "١٢٣٤"])
def test_four_digits_in_a_row(text):
    assert has_four_digits(text)


@pytest.mark.parametrize("text", ["", "ring 912 34 567", "kl 12.30", "1.2.3.4", "abc 123 def"])
def test_no_four_digits_in_a_row(text):
    assert not has_four_digits(text)
