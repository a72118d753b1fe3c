import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from canbo.careers.services import assignment_create
from canbo.core import testing
from canbo.core.pagination import CappedPaginator
from canbo.core.templatetags.canbo import years_between
from canbo.core.testing_views import ListViewTestCase, count_queries, scoped_user
from canbo.organizations.models import OrgUnitKind
from canbo.people.forms import CadreForm
from canbo.people.models import Cadre, Discipline, FamilyRelation, Gender


class TestCadreList(ListViewTestCase):
    url_name = "people:cadre_list"

    def make_rows(self, n):
        province = testing.make_unit(f"Tỉnh {n}", OrgUnitKind.PROVINCE)
        title = testing.make_title(f"T{n}", "Chuyên viên")
        for i in range(n):
            unit = testing.make_unit(f"Xã {n}-{i}", parent=province)
            cadre = testing.make_cadre(f"Trần Văn Số{i}", managed_by=province)
            assignment_create(
                cadre=cadre,
                position=testing.make_position(unit, title),
                start_date=dt.date(2020, 1, 1),
                action="appointment",
            )


@pytest.mark.django_db
class TestCadreSearchAndOrder:
    def test_search_ignores_diacritics_and_case(self, admin_client, province):
        testing.make_cadre("Nguyễn Văn Giáp", managed_by=province)
        testing.make_cadre("Đặng Thị Đào", managed_by=province)
        testing.make_cadre("Lê Văn Hùng", managed_by=province)
        url = reverse("people:cadre_list")
        for query, expected, absent in [
            ("nguyen van giap", "Nguyễn Văn Giáp", "Lê Văn Hùng"),
            ("NGUYỄN VĂN GIÁP", "Nguyễn Văn Giáp", "Đặng Thị Đào"),
            ("dang thi dao", "Đặng Thị Đào", "Nguyễn Văn Giáp"),
            ("đào", "Đặng Thị Đào", "Lê Văn Hùng"),
        ]:
            content = admin_client.get(url, {"q": query}).content.decode()
            assert expected in content, query
            assert absent not in content, query

    def test_list_is_sorted_by_given_name_then_family_name(self, admin_client, province):
        for name in [
            "Nguyễn Văn Bình",
            "Trần Thị An",
            "Lê Văn Anh",
            "Bùi Văn An",
            "Phạm Đức Đông",
            "Hồ Thị Dung",
        ]:
            testing.make_cadre(name, managed_by=province)
        content = admin_client.get(reverse("people:cadre_list")).content.decode()
        order = ["Bùi Văn An", "Trần Thị An", "Lê Văn Anh", "Nguyễn Văn Bình", "Hồ Thị Dung", "Phạm Đức Đông"]
        positions = [content.index(name) for name in order]
        assert positions == sorted(positions)


@pytest.mark.django_db
class TestCadreProfile:
    def test_profile_shows_cv_sections_and_timeline(self, admin_client, province, commune, secretary_title):
        cadre = testing.make_cadre(
            "Nguyễn Văn Giáp", managed_by=province, hometown=commune, party_join_date=dt.date(2005, 3, 1)
        )
        position = testing.make_position(commune, secretary_title)
        assignment_create(cadre=cadre, position=position, start_date=dt.date(2021, 6, 1), action="election")
        response = admin_client.get(reverse("people:cadre", args=[cadre.pk]))
        content = response.content.decode()
        assert response.status_code == 200
        for section in ("identity", "qualifications", "work-history", "family", "training", "awards"):
            assert f'id="{section}"' in content
        assert "Bí thư Đảng ủy xã" in content and "Xã Kỳ Nam" in content and "01/06/2021" in content

    def test_profile_query_count_is_fixed(self, admin_client, province, commune, secretary_title):
        cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=province)
        url = reverse("people:cadre", args=[cadre.pk])
        few, _ = count_queries(admin_client, url)
        title = testing.make_title("PCT", "Phó Chủ tịch UBND xã")
        start = dt.date(2010, 1, 1)
        for year in range(5):
            unit = testing.make_unit(f"Xã {year}", parent=province)
            a = assignment_create(
                cadre=cadre,
                position=testing.make_position(unit, title),
                start_date=start.replace(year=2010 + year),
                action="transfer",
                end_date=start.replace(year=2011 + year),
            )
            assert a.pk
        many, _ = count_queries(admin_client, url)
        assert many == few

    def test_out_of_scope_cadre_is_not_found(self, client, province):
        other = testing.make_unit("Tỉnh Khác", OrgUnitKind.PROVINCE)
        mine = testing.make_unit("Xã Của Tôi", parent=province)
        cadre_elsewhere = testing.make_cadre("Phạm Văn Xa", managed_by=other)
        cadre_here = testing.make_cadre("Phạm Văn Gần", managed_by=mine)
        client.force_login(scoped_user(mine))
        assert client.get(reverse("people:cadre", args=[cadre_here.pk])).status_code == 200
        assert client.get(reverse("people:cadre", args=[cadre_elsewhere.pk])).status_code == 404
        listing = client.get(reverse("people:cadre_list")).content.decode()
        assert "Phạm Văn Gần" in listing and "Phạm Văn Xa" not in listing


@pytest.mark.django_db
class TestCadreEdit:
    def form_data(self, cadre, **changes):
        data = {
            "code": cadre.code,
            "full_name": cadre.full_name,
            "gender": cadre.gender,
            "birth_date": cadre.birth_date.isoformat(),
            "ethnicity": cadre.ethnicity_id,
            "religion": "none",
            "general_education": "12/12",
            "education": "master",
            "political_theory": "advanced",
            "state_management": "principal",
            "managed_by": cadre.managed_by_id,
        }
        # The hidden locking fields, as the edit page hands them out.
        form = CadreForm(instance=cadre)
        data.update(version=form.fields["version"].initial, original=form.fields["original"].initial)
        data.update(changes)
        return data

    def test_concurrent_edits_do_not_overwrite_silently(self, admin_client, province):
        cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=province, phone="0900000000")
        url = reverse("people:cadre_edit", args=[cadre.pk])
        first = self.form_data(cadre, phone="0911111111")
        second = self.form_data(cadre, general_education="10/10")
        assert admin_client.post(url, first).status_code == 302

        response = admin_client.post(url, second)
        assert response.status_code == 409
        page = response.content.decode()
        assert 'id="conflicts"' in page and "0911111111" in page
        cadre.refresh_from_db()
        assert (cadre.phone, cadre.general_education, cadre.version) == ("0911111111", "12/12", 2)

        # Saving again from the conflict page is a knowing choice: it goes through.
        retry = dict(second, version=2, original=response.context["form"]["original"].value())
        assert admin_client.post(url, retry).status_code == 302
        cadre.refresh_from_db()
        assert (cadre.general_education, cadre.version) == ("10/10", 3)

    def test_edit_saves_through_the_service(self, admin_client, province):
        cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=province)
        url = reverse("people:cadre_edit", args=[cadre.pk])
        assert admin_client.get(url).status_code == 200
        response = admin_client.post(url, self.form_data(cadre, full_name="Nguyễn  Văn   Giáp Hải"))
        assert response.status_code == 302
        cadre.refresh_from_db()
        assert cadre.full_name == "Nguyễn Văn Giáp Hải"
        assert (cadre.family_name, cadre.middle_name, cadre.given_name) == ("Nguyễn", "Văn Giáp", "Hải")
        assert cadre.search_text.startswith("nguyen van giap hai")

    def test_bad_input_is_explained_and_nothing_saved(self, admin_client, province):
        cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=province)
        url = reverse("people:cadre_edit", args=[cadre.pk])
        response = admin_client.post(
            url, self.form_data(cadre, full_name="Tên Mới", id_number="12ab", party_join_date="1970-01-01")
        )
        assert response.status_code == 422
        content = response.content.decode()
        assert "12" in content and "errorlist" in content
        cadre.refresh_from_db()
        assert cadre.full_name == "Nguyễn Văn Giáp"

    def test_party_date_before_birth_is_refused_by_the_service(self, admin_client, province):
        cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=province)
        url = reverse("people:cadre_edit", args=[cadre.pk])
        response = admin_client.post(
            url, self.form_data(cadre, full_name="Tên Mới", party_join_date="1970-01-01")
        )
        assert response.status_code == 422
        cadre.refresh_from_db()
        assert cadre.full_name == "Nguyễn Văn Giáp"

    def test_create(self, admin_client, province):
        kinh = testing.kinh()
        response = admin_client.post(
            reverse("people:cadre_add"),
            {
                "code": "CB-NEW",
                "full_name": "Hoàng Thị Mai",
                "gender": Gender.FEMALE,
                "birth_date": "1990-02-03",
                "ethnicity": kinh.pk,
                "religion": "none",
                "general_education": "12/12",
                "education": "university",
                "political_theory": "intermediate",
                "state_management": "specialist",
                "managed_by": province.pk,
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        assert Cadre.objects.get(code="CB-NEW").given_name == "Mai"


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "shown"), [("viewer", False), ("editor", True), ("approver", True)])
def test_sensitive_fields_are_masked_for_viewers(client, role, shown):

    commune = testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE)
    cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune, id_number="031080123456", health="Tốt")
    FamilyRelation.objects.create(cadre=cadre, kind="spouse", full_name="Lê Thị Vợ", birth_year=1982)
    Discipline.objects.create(cadre=cadre, kind="reprimand", date=dt.date(2020, 1, 1), reason="Chậm báo cáo")
    client.force_login(scoped_user(commune, role))
    page = client.get(reverse("people:cadre", args=[cadre.pk])).content.decode()
    for secret in ("031080123456", "Lê Thị Vợ", "Chậm báo cáo"):
        assert (secret in page) is shown
    assert ('class="masked"' in page) is not shown


@pytest.mark.django_db
def test_large_results_are_counted_up_to_a_cap(admin_client, monkeypatch):
    from canbo.core.pagination import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "COUNT_CAP", 3)
    commune = testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE)
    for name in ["Lê Văn A", "Lê Văn B", "Lê Văn C", "Lê Văn D", "Lê Văn E"]:
        testing.make_cadre(name, managed_by=commune)
    page = admin_client.get(reverse("people:cadre_list")).content.decode()
    assert "3" in page and page.count('href="/cadres/') >= 5
    assert 'class="count"' in page and ("More than" in page or "Hơn" in page)


@pytest.mark.django_db
@pytest.mark.parametrize("selective_limit", [10_000, 1])
def test_search_finds_the_same_rows_by_either_path(admin_client, monkeypatch, selective_limit):
    # Few matches are collected by id, many by walking the name order; both give the same page.
    monkeypatch.setattr("canbo.people.filtersets.SELECTIVE_SEARCH", selective_limit)
    commune = testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE)
    for name in ["Nguyễn Văn Sỹ", "Trần Sỹ Nam", "Lê Văn An", "Phạm Thị Sỹ"]:
        testing.make_cadre(name, managed_by=commune)
    response = admin_client.get(reverse("people:cadre_list"), {"q": "sy"})
    rows = [r.record.full_name for r in response.context["table"].paginated_rows]
    assert rows == ["Trần Sỹ Nam", "Nguyễn Văn Sỹ", "Phạm Thị Sỹ"]


@pytest.mark.django_db
@pytest.mark.parametrize(("selective_limit", "shown"), [(10_000, "2"), (1, "1")])
def test_a_search_counts_what_it_collected_with_the_other_filters(
    admin_client, monkeypatch, selective_limit, shown
):
    # The search runs after the other filters and has seen its matches: the page needs no second count.
    monkeypatch.setattr("canbo.people.filtersets.SELECTIVE_SEARCH", selective_limit)
    commune = testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE)
    for name, gender in [
        ("Nguyễn Văn Sỹ", Gender.MALE),
        ("Phạm Thị Sỹ", Gender.FEMALE),
        ("Lò Thị Sỹ", Gender.FEMALE),
    ]:
        testing.make_cadre(name, managed_by=commune, gender=gender)
    testing.make_cadre("Lê Thị An", managed_by=commune, gender=Gender.FEMALE)
    url = reverse("people:cadre_list") + "?q=sy&gender=female"
    with CaptureQueriesContext(connection) as ctx:
        response = admin_client.get(url)
    table = response.context["table"]
    assert [r.record.full_name for r in table.paginated_rows] == ["Lò Thị Sỹ", "Phạm Thị Sỹ"]
    assert table.paginator.capped is (selective_limit == 1)
    assert table.paginator.count == 2
    # Counting the few rows to search (READ_THROUGH) is fine; counting what the search found is not.
    counts = [q["sql"].upper() for q in ctx.captured_queries if "COUNT(" in q["sql"].upper()]
    assert not [sql for sql in counts if "LIKE" in sql]
    # Nor does it sort them again: the search handed them over in name order.
    assert not [q for q in ctx.captured_queries if "ORDER BY COALESCE" in q["sql"].upper()]
    count_line = response.content.decode().split('class="count">')[1].split("</div>")[0]
    assert shown in count_line


@pytest.mark.django_db
@pytest.mark.parametrize("sort", ["", "-full_name", "birth_date", "-gender"])
def test_a_counted_result_pages_in_the_same_order_as_a_capped_one(admin_client, monkeypatch, sort):
    # Within the cap, the page's ids are sorted by the database without the sort index; past it, the
    # index is walked. Every page must list the same cadres in the same order either way.
    from canbo.people.views import CadreListView

    monkeypatch.setattr(CadreListView, "per_page", 2)
    commune = testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE)
    names = [
        "Lê Văn An",
        "Lê Thị Bình",
        "Trần Văn An",
        "Nguyễn Thị Cúc",
        "Đỗ Văn Dũng",
        "Lê Văn An",
        "Hà Thị Én",
    ]
    for i, name in enumerate(names):
        gender = Gender.FEMALE if "Thị" in name else Gender.MALE
        testing.make_cadre(name, managed_by=commune, gender=gender, birth_date=dt.date(1980 + i % 3, 1, 1))

    def pages(cap, numbers):
        monkeypatch.setattr(CappedPaginator, "COUNT_CAP", cap)
        seen = []
        for number in range(1, numbers + 1):
            response = admin_client.get(reverse("people:cadre_list"), {"sort": sort, "page": number})
            assert response.context["table"].paginator.capped is (cap < len(names))
            seen.append([row.record.pk for row in response.context["table"].paginated_rows])
        return seen

    # Capped at six, the list offers the three pages within the cap, not a fourth cut short.
    counted, capped = pages(10_000, 4), pages(len(names) - 1, 3)
    assert [len(page) for page in counted] == [2, 2, 2, 1]
    assert counted[:3] == capped
    assert sorted(pk for page in counted for pk in page) == sorted(Cadre.objects.values_list("pk", flat=True))
    monkeypatch.setattr(CappedPaginator, "COUNT_CAP", len(names) - 1)
    beyond = admin_client.get(reverse("people:cadre_list"), {"sort": sort, "page": 4})
    assert beyond.context["table"].paginator.num_pages == 3
    assert beyond.context["table"].page.number == 3


@pytest.mark.django_db
@pytest.mark.parametrize("walk", [1, 4, 100])
@pytest.mark.parametrize("limit", [2, 3, 50])
@pytest.mark.parametrize("query", ["sy", "van", "nguyen van", "thi an", "an", "zz"])
def test_a_register_search_finds_the_first_matches_in_name_order(register, monkeypatch, walk, limit, query):
    # Without the word index, the first names are walked, the rest collected and sorted; together the first
    # matches, in order, wherever the walk stops (a given name's matches lie together, "Sỹ" far down).
    from canbo.organizations.filtersets import search_folded
    from canbo.people import filtersets

    monkeypatch.setattr(filtersets, "NAME_WALK", walk)
    every = sorted(search_folded(Cadre.objects.all(), "search_text", query).values_list("sort_key", "pk"))
    assert (
        filtersets.first_matches_by_walking(Cadre.objects.all(), query, limit)
        == [pk for _, pk in every][:limit]
    )


@pytest.mark.django_db
def test_a_large_register_result_pages_from_its_first_matches(register, admin_client, monkeypatch):
    # Past the cap the page takes the ids the search found in name order (no sort of its own), while
    # the API, an export or another order still gets every match.
    monkeypatch.setattr("canbo.people.filtersets.NAME_WALK", 3)
    monkeypatch.setattr("canbo.people.filtersets.SELECTIVE_SEARCH", 3)
    monkeypatch.setattr("canbo.people.views.CadreListView.per_page", 2)
    expected = [
        c.full_name for c in Cadre.objects.filter(search_text__contains="van").order_by("sort_key", "pk")
    ]
    assert len(expected) == 6
    url = reverse("people:cadre_list")
    with CaptureQueriesContext(connection) as ctx:
        response = admin_client.get(url, {"q": "van", "page": 2})
    table = response.context["table"]
    assert table.paginator.capped and table.paginator.num_pages == 2
    assert [r.record.full_name for r in table.paginated_rows] == expected[2:4]
    assert not [q for q in ctx.captured_queries if "LIKE" in q["sql"] and "LIMIT 2 OFFSET 2" in q["sql"]]
    reversed_order = admin_client.get(url, {"q": "van", "sort": "-full_name"})
    assert [r.record.full_name for r in reversed_order.context["table"].paginated_rows] == expected[::-1][:2]
    assert admin_client.get("/api/cadres/", {"q": "van"}).json()["count"] == 6


@pytest.mark.django_db
def test_list_rows_show_each_column_escaped(admin_client):
    commune = testing.make_unit("Xã <Kỳ> Nam", OrgUnitKind.COMMUNE)
    title = testing.make_title("BT", "Bí thư & Chủ tịch")
    posted = testing.make_cadre(
        "Nguyễn Văn Giáp",
        managed_by=commune,
        gender=Gender.FEMALE,
        birth_date=dt.date(1979, 3, 9),
        education="master",
        political_theory="advanced",
    )
    assignment_create(
        cadre=posted,
        position=testing.make_position(commune, title),
        start_date=dt.date(2020, 1, 1),
        action="appointment",
    )
    testing.make_cadre("Lê Văn An", managed_by=commune, code="CB-2")
    with translation.override("vi"):
        page = admin_client.get(reverse("people:cadre_list")).content.decode()
    rows = page.split("<tbody>")[1].split("</tbody>")[0]
    age = years_between(dt.date(1979, 3, 9), timezone.localdate())
    assert (
        f'<tr><td><a href="/cadres/{posted.pk}/">Nguyễn Văn Giáp</a></td><td>{posted.code}</td><td>Nữ</td>'
        f"<td>09/03/1979</td><td>{age}</td><td>Bí thư &amp; Chủ tịch</td><td>Xã &lt;Kỳ&gt; Nam</td>"
        "<td>Kinh</td><td>Thạc sĩ</td><td>Cao cấp</td></tr>"
    ) in rows
    assert "<td>CB-2</td><td>Nam</td>" in rows and "<td>—</td><td>—</td><td>Kinh</td>" in rows


@pytest.mark.django_db
@pytest.mark.parametrize("read_through", [0, 10_000])
def test_a_small_scope_is_searched_by_reading_it_with_the_same_result(client, monkeypatch, read_through):
    monkeypatch.setattr("canbo.people.filtersets.READ_THROUGH", read_through)
    commune = testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE)
    other = testing.make_unit("Xã Kỳ Bắc", OrgUnitKind.COMMUNE)
    for name in ["Nguyễn Văn Sỹ", "Trần Sỹ Nam", "Lê Văn An", "Phạm Thị Sỹ"]:
        testing.make_cadre(name, managed_by=commune)
    testing.make_cadre("Đỗ Văn Sỹ", managed_by=other)
    client.force_login(scoped_user(commune))
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("people:cadre_list"), {"q": "sy nam"})
    assert [r.record.full_name for r in response.context["table"].paginated_rows] == ["Trần Sỹ Nam"]
    queries = [q["sql"].upper() for q in ctx.captured_queries]
    searched = [sql for sql in queries if "SEARCH_TEXT" in sql and "LIKE" in sql]
    assert searched and all(("COALESCE" in sql) is bool(read_through) for sql in searched)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "shown"), [("vi", "3.000 kết quả"), ("en", "3,000 results")])
def test_the_count_of_results_is_written_with_thousands_separators(
    admin_client, monkeypatch, language, shown
):
    monkeypatch.setattr(CappedPaginator, "count", property(lambda self: 3000))
    testing.make_cadre("Lê Văn An")
    response = admin_client.get(reverse("people:cadre_list"), headers={"accept-language": language})
    count_line = response.content.decode().split('class="count">')[1].split("</div>")[0]
    assert count_line == shown


@pytest.mark.django_db
def test_yes_no_filters_offer_either_by_default_not_unknown(admin_client):
    # Django's select calls "either" Unknown, which reads as a value a cadre could have.
    testing.make_cadre("Lò Văn Pó", managed_by=testing.make_unit("Xã Mường Lay", OrgUnitKind.COMMUNE))
    with translation.override("vi"):
        page = admin_client.get(reverse("people:cadre_list"), headers={"Accept-Language": "vi"})
        choices = [
            str(label) for _value, label in page.context["filter_form"].fields["minority"].widget.choices
        ]
    assert choices == ["---------", "Có", "Không"]
    html = page.content.decode()
    assert 'name="party_member"' in html and "Không rõ" not in html and "---------" in html
    filtered = admin_client.get(reverse("people:cadre_list"), {"party_member": "false"})
    assert [r.record.full_name for r in filtered.context["table"].paginated_rows] == ["Lò Văn Pó"]


@pytest.mark.django_db
@pytest.mark.parametrize("walk", [1, 5, 100])
def test_a_large_filtered_result_pages_from_the_registers_first_matches(
    register, admin_client, monkeypatch, walk
):
    # Past the cap among many cadres (READ_THROUGH 0), the register's first matches that pass the filter
    # are the filtered result's first, in name order.
    monkeypatch.setattr("canbo.people.filtersets.NAME_WALK", walk)
    monkeypatch.setattr("canbo.people.filtersets.READ_THROUGH", 0)
    monkeypatch.setattr("canbo.people.filtersets.SELECTIVE_SEARCH", 2)
    monkeypatch.setattr("canbo.people.views.CadreListView.per_page", 2)
    men = Cadre.objects.filter(search_text__contains="van", gender=Gender.MALE).order_by("sort_key", "pk")
    expected = [c.full_name for c in men]
    assert len(expected) == 6
    response = admin_client.get(reverse("people:cadre_list"), {"q": "van", "gender": "male"})
    table = response.context["table"]
    assert table.paginator.capped
    assert [r.record.full_name for r in table.paginated_rows] == expected[:2]
    assert response.context["filterset"].leading_ids[:2] == [c.pk for c in men[:2]]
