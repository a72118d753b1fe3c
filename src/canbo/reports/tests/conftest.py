import pytest

from canbo.reports import seeds
from canbo.rules import adapters


@pytest.fixture(autouse=True)
def rules_sources_of_this_app_only():
    """Other apps may plug evaluations or planning into the rules engine; the reports read neither."""
    saved = dict(adapters._SOURCES)
    adapters._SOURCES.clear()
    yield
    adapters._SOURCES.update(saved)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The seed situations, imported once for the module's tests and removed after them."""
    from django.db import connection, transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        seeds.build()
        yield
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        connection.close()
