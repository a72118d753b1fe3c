"""Cells of the printed reports (PDF, text) in the reader's notation."""

import pytest
from django.utils import translation

from canbo.reports.documents import cell_text


@pytest.mark.parametrize(
    ("language", "printed"),
    [("vi", ["3.000", "583", "19,2", "8/18", "True"]), ("en", ["3,000", "583", "19.2", "8/18", "True"])],
)
def test_counts_are_grouped_by_thousands_and_shares_have_one_decimal(language, printed):
    with translation.override(language):
        assert [cell_text(v) for v in (3000, 583, 19.2, "8/18", True)] == printed
