import re

import pytest
from django.urls import set_script_prefix

from canbo.core import testing
from canbo.people.models import Cadre
from canbo.people.tables import CadreTable


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["/", "/canbo-10/"])
def test_each_row_links_to_its_cadre_under_any_script_prefix(province, prefix):
    for pk in (7, 100, 2010):
        testing.make_cadre(f"Nguyễn Văn Số{pk}", managed_by=province, pk=pk)
    table = CadreTable(Cadre.objects.order_by("pk"))
    table.paginate(per_page=50)
    set_script_prefix(prefix)
    try:
        links = re.findall(r'href="([^"]*)"', table.rows_html())
        expected = [cadre.get_absolute_url() for cadre in Cadre.objects.order_by("pk")]
    finally:
        set_script_prefix("/")
    assert links == expected == [f"{prefix}cadres/{pk}/" for pk in (7, 100, 2010)]
