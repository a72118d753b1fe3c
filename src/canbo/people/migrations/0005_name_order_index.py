"""A covering name-order index (sort key, id, search text) replaces the sort key and search text indexes."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0002_default_titles'),
        ('people', '0004_cadre_version'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='cadre',
            name='people_cadr_search__b54456_idx',
        ),
        migrations.AlterField(
            model_name='cadre',
            name='sort_key',
            field=models.CharField(default='', editable=False, max_length=255),
        ),
        migrations.AddIndex(
            model_name='cadre',
            index=models.Index(fields=['sort_key', 'id'], include=('search_text',), name='people_cadre_name_order'),
        ),
    ]
