"""A recommendation's number becomes its position; its reference, as the council writes it, is kept beside it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0004_decision_noted"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="recommendation", name="recommendation_one_number_per_review"),
        migrations.RemoveConstraint(model_name="recommendation", name="recommendation_number_positive"),
        migrations.RenameField(model_name="recommendation", old_name="number", new_name="position"),
        migrations.RenameField(model_name="historicalrecommendation", old_name="number", new_name="position"),
    ]
