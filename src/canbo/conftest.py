import pytest
from django.contrib.auth import get_user_model

from canbo.core import testing
from canbo.core.browser import browser, page  # noqa: F401  (fixtures)
from canbo.organizations.models import OrgUnitKind

ARGON2 = "django.contrib.auth.hashers.Argon2PasswordHasher"


def pytest_collection_modifyitems(items):
    """A transactional test empties the database when it ends; without serialized rollback the next one
    finds the reference rows of the migrations (titles, ethnicities) gone and content types renumbered."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(f"{item.nodeid}: transactional tests need serialized_rollback=True")


@pytest.fixture(autouse=True)
def fast_password_hashing(request, settings):
    """Argon2 is slow on purpose; tests hash many throwaway passwords. `@pytest.mark.argon2` keeps it."""
    if request.node.get_closest_marker("argon2") is None:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", ARGON2]


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "canbo-test-pass")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def province(db):
    return testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY, code="31")


@pytest.fixture
def commune(province):
    return testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE, parent=province, code="11311")


@pytest.fixture
def secretary_title(db):
    return testing.make_title(
        "BT_XA", "Bí thư Đảng ủy xã", is_key=True, is_head=True, non_local=True, rank=10
    )
