from rest_framework import serializers

from canbo.careers.api.serializers import CadreRefSerializer
from canbo.evaluation.models import Evaluation, KpiTask
from canbo.organizations.api.serializers import UnitRefSerializer


class KpiTaskSerializer(serializers.ModelSerializer):
    score = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = KpiTask
        fields = ["id", "name", "measure", "target", "weight", "result", "quality", "timeliness", "score"]


class EvaluationSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer(read_only=True)
    cadre = CadreRefSerializer(read_only=True, allow_null=True)
    tasks = KpiTaskSerializer(many=True, read_only=True)

    class Meta:
        model = Evaluation
        fields = [
            "id",
            "kind",
            "year",
            "quarter",
            "unit",
            "cadre",
            "task_group",
            "disqualifications",
            "assigned_grade",
            "score",
            "grade",
            "status",
            "finalized_at",
            "note",
            "tasks",
        ]
