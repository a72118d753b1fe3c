"""Load the 54 ethnic groups of list 1019/QĐ-TCTK. Safe to run again: rows are matched by list and code."""

from django.db import migrations

from canbo.people.reference import ETHNICITIES, ETHNICITY_CODE_LIST, MAJORITY_CODE


def load(apps, schema_editor):
    Ethnicity = apps.get_model("people", "Ethnicity")
    for code, name in ETHNICITIES:
        Ethnicity.objects.update_or_create(
            code_list=ETHNICITY_CODE_LIST,
            code=code,
            defaults={"name": name, "is_minority": code != MAJORITY_CODE},
        )


class Migration(migrations.Migration):
    dependencies = [("people", "0002_trigram_search")]

    # Reversing keeps the rows: cadres may already refer to them.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
