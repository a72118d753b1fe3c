import pytest

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind


@pytest.fixture
def committee(commune):
    return testing.make_unit(
        "Đảng ủy xã Kỳ Nam", OrgUnitKind.PARTY_COMMITTEE, parent=commune, code="11311-DU"
    )


@pytest.fixture
def people(commune):
    names = [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Phạm Thị Dung",
        "Hoàng Văn Em",
        "Vũ Thị Giang",
    ]
    return [testing.make_cadre(name, managed_by=commune) for name in names]
