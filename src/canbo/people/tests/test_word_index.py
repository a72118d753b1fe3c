import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canbo.core import testing
from canbo.organizations.filtersets import search_folded
from canbo.people.models import Cadre, Gender
from canbo.people.services import cadre_update
from canbo.people.word_index import first_matches_by_words

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="the word index is PostgreSQL's")

# Words inside other words ("hung" in Nhung, Phùng, Hùng, Hưng), a cadre with two of them, codes of letters.
MORE_NAMES = {
    "Lê Hùng Nhung": ("HN-NHUNG", Gender.FEMALE),
    "Phùng Văn Hưng": ("HN-HUNG", Gender.MALE),
    "Trần Thị Nhung": ("HN-TN", Gender.FEMALE),
    "Nguyễn Văn Hùng": ("HN-NVH", Gender.MALE),
}


@pytest.fixture
def names(register):
    for name, (code, gender) in MORE_NAMES.items():
        testing.make_cadre(name, code=code, gender=gender)


def in_name_order(query: str) -> list[int]:
    return [
        pk
        for _key, pk in sorted(
            search_folded(Cadre.objects.all(), "search_text", query).values_list("sort_key", "pk")
        )
    ]


@on_postgresql
@pytest.mark.django_db
@pytest.mark.parametrize("limit", [1, 2, 3, 50])
@pytest.mark.parametrize(
    "query",
    [
        "sy",
        "Sỹ",
        "van",
        "nguyen van",
        "thi an",
        "an",
        "a",
        "hung",
        "hung nhung",
        "nhung le",
        "hn-nhung",
        "xx",
        "a%",
        "_",
    ],
)
def test_the_word_index_finds_the_first_matches_in_name_order(names, limit, query):
    assert first_matches_by_words(query, limit) == in_name_order(query)[:limit]


@on_postgresql
@pytest.mark.django_db
def test_the_word_index_follows_renames_and_deletions(names):
    nhung = Cadre.objects.get(full_name="Trần Thị Nhung")
    cadre_update(nhung, full_name="Trần Thị Hoa")
    assert nhung.pk not in first_matches_by_words("nhung", 50)
    assert nhung.pk in first_matches_by_words("hoa", 50) == in_name_order("hoa")
    Cadre.objects.filter(full_name="Lê Hùng Nhung").delete()
    assert first_matches_by_words("nhung", 50) == in_name_order("nhung") == []


@on_postgresql
@pytest.mark.django_db
def test_a_search_of_codes_only_is_left_to_the_walk(names):
    # Words with digits are not indexed, nor are words found only inside them.
    code = Cadre.objects.get(full_name="Lê Văn Sỹ").code
    assert first_matches_by_words(code, 5) is None
    assert first_matches_by_words(code[:2], 5) is None
    assert first_matches_by_words(f"sy {code}", 5) == in_name_order(f"sy {code}")


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor == "postgresql", reason="the fallback of other databases")
def test_other_databases_have_no_word_index(names):
    assert first_matches_by_words("sy", 5) is None


@on_postgresql
@pytest.mark.django_db
def test_a_filtered_search_with_few_matches_keeps_those_of_the_word_index_that_pass(
    names, admin_client, monkeypatch
):
    # No more matches in the register than a result holds: the filters are checked on them, by id, and the
    # trigram index is not read.
    monkeypatch.setattr("canbo.people.filtersets.READ_THROUGH", 0)
    men = Cadre.objects.filter(search_text__contains="hung", gender=Gender.MALE).order_by("sort_key", "pk")
    expected = [c.full_name for c in men]
    assert 0 < len(expected) < len(in_name_order("hung"))
    with CaptureQueriesContext(connection) as ctx:
        response = admin_client.get(reverse("people:cadre_list"), {"q": "hung", "gender": "male"})
    table = response.context["table"]
    assert [r.record.full_name for r in table.paginated_rows] == expected
    assert table.paginator.count == len(expected) and not table.paginator.capped
    assert not [q for q in ctx.captured_queries if '"people_cadre"."search_text"' in q["sql"]]
