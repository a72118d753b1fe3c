"""On PostgreSQL, a trigram index makes substring search on folded names fast; SQLite scans instead."""

from django.db import migrations

from canbo.core.migration_ops import VendorSQL


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [
        VendorSQL(
            "postgresql",
            [
                "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                "CREATE INDEX people_cadre_search_trgm ON people_cadre USING gin (search_text gin_trgm_ops)",
            ],
            ["DROP INDEX people_cadre_search_trgm"],
        ),
    ]
