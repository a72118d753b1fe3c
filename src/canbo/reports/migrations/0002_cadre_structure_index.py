"""An index on the cadre table that holds every column the structure report counts.

The report reads five short columns of every cadre in the population; the cadre rows are wide (names, search
text, profile fields), so on a large province a scan of the table reads ten times what the report needs. With
this index PostgreSQL answers from the index alone (an index-only scan). It belongs to the report, which is
why it is created here rather than declared on the model.
"""

from django.db import migrations

NAME = "reports_cadre_structure"
COUNTED = "gender, birth_date, ethnicity_id, education, political_theory"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        sql = f"CREATE INDEX IF NOT EXISTS {NAME} ON people_cadre (id) INCLUDE ({COUNTED})"
    else:
        sql = f"CREATE INDEX IF NOT EXISTS {NAME} ON people_cadre (id, {COUNTED})"
    schema_editor.execute(sql)


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("people", "0004_cadre_version"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
