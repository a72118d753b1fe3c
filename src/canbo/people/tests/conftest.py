import pytest

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind
from canbo.people.models import Gender

REGISTER_NAMES = [
    "Nguyễn Văn An",
    "Lê Văn Sỹ",
    "Trần Thị Ánh",
    "Nguyễn Sỹ Bình",
    "Phạm Văn Yên",
    "Nguyễn Văn Sỹ",
    "Hoàng Thị Sỹ",
    "Lê Thị An",
    "Đặng Văn Xuân",
    "Nguyễn Thị Yến",
    "Vũ Văn Sỹ",
    "Bùi Thị Thanh",
]


@pytest.fixture
def register(db):
    """REGISTER_NAMES as cadres of one commune ("Thị": women), with no name-walk boundary cached before or
    after."""
    from django.core.cache import cache

    cache.clear()
    commune = testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE)
    for name in REGISTER_NAMES:
        testing.make_cadre(name, managed_by=commune, gender=Gender.FEMALE if "Thị" in name else Gender.MALE)
    yield
    cache.clear()
