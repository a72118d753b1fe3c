from rest_framework import serializers

from canbo.careers.api.serializers import WorkHistorySerializer
from canbo.organizations.api.serializers import UnitRefSerializer
from canbo.organizations.models import Position

from ..models import Award, Cadre, Ethnicity, TrainingRecord


class EthnicityRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Ethnicity
        fields = ["code", "name"]


class CurrentPositionSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="title.name", read_only=True)
    unit = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = Position
        fields = ["id", "title", "unit"]


class CadreSerializer(serializers.ModelSerializer):
    ethnicity = EthnicityRefSerializer(read_only=True)
    hometown = UnitRefSerializer(read_only=True, allow_null=True)
    managed_by = UnitRefSerializer(read_only=True)
    current_position = CurrentPositionSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Cadre
        fields = [
            "id",
            "code",
            "full_name",
            "gender",
            "birth_date",
            "ethnicity",
            "hometown",
            "education",
            "political_theory",
            "state_management",
            "party_join_date",
            "managed_by",
            "current_position",
        ]


class TrainingRecordSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingRecord
        fields = ["id", "institution", "field", "start_date", "end_date", "mode", "qualification"]


class AwardSerializer(serializers.ModelSerializer):
    class Meta:
        model = Award
        fields = ["id", "name", "date", "decision_number", "issued_by"]


class CadreDetailSerializer(CadreSerializer):
    """A cadre with work history, training and awards."""

    assignments = WorkHistorySerializer(many=True, read_only=True)
    trainings = TrainingRecordSerializer(many=True, read_only=True)
    awards = AwardSerializer(many=True, read_only=True)

    class Meta(CadreSerializer.Meta):
        fields = [*CadreSerializer.Meta.fields, "assignments", "trainings", "awards"]


# Everything CadreSerializer reads, for select_related.
CADRE_RELATED = ["ethnicity", "hometown", "managed_by", "current_position__title", "current_position__unit"]
