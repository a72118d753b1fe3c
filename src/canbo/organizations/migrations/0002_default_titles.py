"""Load the default catalogue of titles. Safe to run again: titles are matched by code."""

from django.db import migrations

from canbo.organizations.reference import TITLES


def load(apps, schema_editor):
    Title = apps.get_model("organizations", "Title")
    for code, name, name_en, level, group, rank, is_key, is_head, is_deputy, non_local in TITLES:
        Title.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "level": level,
                "group": group,
                "rank": rank,
                "is_key": is_key,
                "is_head": is_head,
                "is_deputy": is_deputy,
                "non_local": non_local,
                "exclusive": True,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("organizations", "0001_initial")]

    # Reversing keeps the rows: positions may already refer to them.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
