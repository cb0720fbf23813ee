"""The fixed vocabularies (topics, target groups, good-practice criteria) as rows."""

from django.db import migrations

TOPICS = [
    "fachkraefte",
    "akzeptanz",
    "digitalisierung",
    "innovation",
    "flaechen",
    "energie",
    "strukturwandel",
    "integration",
]
TARGET_GROUPS = ["initiativen", "politik", "unternehmen", "verbaende-kammern", "gewerkschaften"]
CRITERIA = [
    "breites-buendnis",
    "verstetigung",
    "dialog",
    "jugend",
    "ergebnisse",
    "uebertragbarkeit",
]


def create(apps, schema_editor):
    for model_name, keys in (
        ("Topic", TOPICS),
        ("TargetGroup", TARGET_GROUPS),
        ("GoodPracticeCriterion", CRITERIA),
    ):
        model = apps.get_model("knowledge", model_name)
        for key in keys:
            model.objects.get_or_create(key=key)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_knowledge_pages")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
