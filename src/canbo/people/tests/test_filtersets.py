import datetime as dt

import pytest
from django.utils import timezone

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind
from canbo.people.filtersets import CadreFilterSet, born_before_age
from canbo.people.models import Cadre, Degree, Ethnicity, Gender, PoliticalTheory

pytestmark = pytest.mark.django_db


def names(**data) -> set[str]:
    filterset = CadreFilterSet(data, queryset=Cadre.objects.all())
    assert filterset.is_valid(), filterset.errors
    return {cadre.full_name for cadre in filterset.qs}


def years_ago(years: int, days: int = 0) -> dt.date:
    return born_before_age(timezone.localdate(), years) + dt.timedelta(days=days)


@pytest.fixture
def other_commune(province):
    return testing.make_unit("Xã Kỳ Bắc", OrgUnitKind.COMMUNE, parent=province)


@pytest.mark.parametrize(
    "query", ["nguyen van giap", "NGUYEN VAN GIAP", "giap", "Giáp", "giap nguyen", "  Nguyễn   Văn Giáp "]
)
def test_search_ignores_diacritics_case_and_word_order(province, query):
    testing.make_cadre("Nguyễn Văn Giáp", managed_by=province)
    testing.make_cadre("Nguyễn Văn An", managed_by=province)
    assert names(q=query) == {"Nguyễn Văn Giáp"}


def test_search_maps_d_with_stroke(province):
    testing.make_cadre("Trần Minh Đức", managed_by=province)
    testing.make_cadre("Trần Minh Dung", managed_by=province)
    assert names(q="duc") == {"Trần Minh Đức"}
    assert names(q="đức") == {"Trần Minh Đức"}
    assert names(q="minh") == {"Trần Minh Đức", "Trần Minh Dung"}


def test_search_finds_by_code(province):
    testing.make_cadre("Lê Thị Hoa", managed_by=province, code="HP-0042")
    testing.make_cadre("Lê Thị Hồng", managed_by=province)
    assert names(q="hp-0042") == {"Lê Thị Hoa"}


def test_a_word_of_one_or_two_letters_matches_the_start_of_a_word(province):
    testing.make_cadre("Lê Văn Sỹ", managed_by=province)
    testing.make_cadre("Nguyễn Thị Ly", managed_by=province)
    testing.make_cadre("Lý Thị Hà", managed_by=province)
    assert names(q="sỹ") == {"Lê Văn Sỹ"}
    assert names(q="ly") == {"Nguyễn Thị Ly", "Lý Thị Hà"}
    assert names(q="ng") == {"Nguyễn Thị Ly"}
    # Not inside a word: "uy" is in "Nguyễn" but starts no word.
    assert names(q="uy") == set()


def test_blank_search_keeps_everyone(province):
    testing.make_cadre("Nguyễn Văn An", managed_by=province)
    assert names(q="   ") == {"Nguyễn Văn An"}


def test_unit_covers_posts_and_management_in_the_subtree(province, commune, other_commune, secretary_title):
    posted = testing.make_cadre("Phạm Văn Đăng", managed_by=province)
    testing.make_assignment(posted, testing.make_position(commune, secretary_title))
    testing.make_cadre("Võ Thị Lan", managed_by=commune)
    testing.make_cadre("Đỗ Văn Bình", managed_by=other_commune)
    testing.make_cadre("Hồ Văn Cường", managed_by=province)

    assert names(unit=commune.pk) == {"Phạm Văn Đăng", "Võ Thị Lan"}
    assert names(unit=other_commune.pk) == {"Đỗ Văn Bình"}
    assert names(unit=province.pk) == {"Phạm Văn Đăng", "Võ Thị Lan", "Đỗ Văn Bình", "Hồ Văn Cường"}


def test_managed_by_is_exact(province, commune):
    testing.make_cadre("Võ Thị Lan", managed_by=commune)
    testing.make_cadre("Hồ Văn Cường", managed_by=province)
    assert names(managed_by=province.pk) == {"Hồ Văn Cường"}
    assert names(managed_by=commune.pk) == {"Võ Thị Lan"}


def test_title_of_current_post(province, commune, secretary_title):
    chair = testing.make_title("API_CT_XA", "Chủ tịch UBND xã", is_key=True)
    secretary = testing.make_cadre("Phạm Văn Đăng", managed_by=province)
    testing.make_assignment(secretary, testing.make_position(commune, secretary_title))
    chairman = testing.make_cadre("Võ Văn Lâm", managed_by=province)
    testing.make_assignment(chairman, testing.make_position(commune, chair))
    assert names(title=secretary_title.pk) == {"Phạm Văn Đăng"}
    assert names(title=chair.pk) == {"Võ Văn Lâm"}


def test_gender(province):
    testing.make_cadre("Nguyễn Văn An", managed_by=province, gender=Gender.MALE)
    testing.make_cadre("Nguyễn Thị Bình", managed_by=province, gender=Gender.FEMALE)
    assert names(gender=Gender.FEMALE) == {"Nguyễn Thị Bình"}
    assert names(gender=Gender.MALE) == {"Nguyễn Văn An"}


def test_age_bands_are_birth_date_ranges(province):
    testing.make_cadre("Tuổi Hai Chín", managed_by=province, birth_date=years_ago(30, days=1))
    testing.make_cadre("Tuổi Ba Mươi", managed_by=province, birth_date=years_ago(30))
    testing.make_cadre("Tuổi Bốn Chín", managed_by=province, birth_date=years_ago(50, days=1))
    testing.make_cadre("Tuổi Năm Mươi", managed_by=province, birth_date=years_ago(50))
    testing.make_cadre("Tuổi Sáu Mươi", managed_by=province, birth_date=years_ago(60))

    assert names(age_band="under_30") == {"Tuổi Hai Chín"}
    assert names(age_band="30_39") == {"Tuổi Ba Mươi"}
    assert names(age_band="40_49") == {"Tuổi Bốn Chín"}
    assert names(age_band="50_59") == {"Tuổi Năm Mươi"}
    assert names(age_band="60_plus") == {"Tuổi Sáu Mươi"}


def test_young_follows_the_setting(province, settings):
    testing.make_cadre("Tuổi Bốn Mốt", managed_by=province, birth_date=years_ago(42, days=1))
    testing.make_cadre("Tuổi Bốn Hai", managed_by=province, birth_date=years_ago(42))
    assert names(age_band="young") == {"Tuổi Bốn Mốt"}
    settings.CANBO_YOUNG_AGE = 43
    assert names(age_band="young") == {"Tuổi Bốn Mốt", "Tuổi Bốn Hai"}


def test_unknown_age_band_is_invalid(province):
    assert not CadreFilterSet({"age_band": "teen"}, queryset=Cadre.objects.all()).is_valid()


def test_age_on_29_february():
    assert born_before_age(dt.date(2024, 2, 29), 30) == dt.date(1994, 2, 28)
    assert born_before_age(dt.date(2024, 3, 1), 30) == dt.date(1994, 3, 1)


def test_ethnicity_and_minority(province):
    tay = Ethnicity.objects.get_or_create(
        code_list="1019/QĐ-TCTK", code="02", defaults={"name": "Tày", "is_minority": True}
    )[0]
    testing.make_cadre("Nông Văn Dền", managed_by=province, ethnicity=tay)
    testing.make_cadre("Nguyễn Văn An", managed_by=province)
    assert names(ethnicity=tay.pk) == {"Nông Văn Dền"}
    assert names(ethnicity=testing.kinh().pk) == {"Nguyễn Văn An"}
    assert names(minority="true") == {"Nông Văn Dền"}
    assert names(minority="false") == {"Nguyễn Văn An"}


def test_education(province):
    testing.make_cadre("Nguyễn Văn Thạc", managed_by=province, education=Degree.MASTER)
    testing.make_cadre("Nguyễn Văn An", managed_by=province, education=Degree.UNIVERSITY)
    assert names(education=Degree.MASTER) == {"Nguyễn Văn Thạc"}


def test_political_theory(province):
    testing.make_cadre("Nguyễn Văn Cao", managed_by=province, political_theory=PoliticalTheory.ADVANCED)
    testing.make_cadre("Nguyễn Văn An", managed_by=province, political_theory=PoliticalTheory.NONE)
    assert names(political_theory=PoliticalTheory.ADVANCED) == {"Nguyễn Văn Cao"}


def test_party_member(province):
    testing.make_cadre("Nguyễn Văn Đảng", managed_by=province, party_join_date=dt.date(2005, 3, 3))
    testing.make_cadre("Nguyễn Văn An", managed_by=province)
    assert names(party_member="true") == {"Nguyễn Văn Đảng"}
    assert names(party_member="false") == {"Nguyễn Văn An"}


def test_no_post(province, commune, secretary_title):
    posted = testing.make_cadre("Phạm Văn Đăng", managed_by=province)
    testing.make_assignment(posted, testing.make_position(commune, secretary_title))
    testing.make_cadre("Nguyễn Văn An", managed_by=province)
    assert names(no_post="true") == {"Nguyễn Văn An"}
    assert names(no_post="false") == {"Phạm Văn Đăng"}


def test_ordering_is_vietnamese(province):
    for name in ["Trần Văn Đức", "Nguyễn Văn Dũng", "Lê Văn Anh"]:
        testing.make_cadre(name, managed_by=province)
    qs = CadreFilterSet({}, queryset=Cadre.objects.all()).qs
    assert [c.full_name for c in qs] == ["Lê Văn Anh", "Nguyễn Văn Dũng", "Trần Văn Đức"]


def test_every_filter_has_a_label_and_the_form_renders(province):
    filterset = CadreFilterSet({}, queryset=Cadre.objects.all())
    for name, filter_ in filterset.filters.items():
        assert filter_.label, name
    html = filterset.form.as_div()
    assert 'name="age_band"' in html and 'name="unit"' in html


def test_unit_choices_follow_the_users_scope(rf, province, commune, other_commune):
    request = rf.get("/")
    request.user = testing.make_user("viewer", unit=commune)
    choices = CadreFilterSet({}, queryset=Cadre.objects.all(), request=request).form.fields["unit"].queryset
    assert list(choices) == [commune]
