"""The exempt-information paragraphs of Part 1 of Schedule 12A, Local Government Act 1972."""

from django.db import migrations

from minutebook.meetings.schedule12a import ensure_paragraphs


def add_paragraphs(apps, schema_editor):
    ensure_paragraphs(apps.get_model("meetings", "ExemptionParagraph"))


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]
    operations = [migrations.RunPython(add_paragraphs, migrations.RunPython.noop)]
