from rest_framework import serializers

from canbo.organizations.api.serializers import TitleRefSerializer, UnitRefSerializer
from canbo.organizations.models import Decision, Position
from canbo.people.models import Cadre

from ..models import Assignment


class CadreRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Cadre
        fields = ["id", "code", "full_name"]


class PostSerializer(serializers.ModelSerializer):
    """The position an assignment holds: which title at which unit."""

    unit = UnitRefSerializer(read_only=True)
    title = TitleRefSerializer(read_only=True)

    class Meta:
        model = Position
        fields = ["id", "unit", "title"]


class DecisionRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Decision
        fields = ["id", "number", "date"]


class WorkHistorySerializer(serializers.ModelSerializer):
    """One line of a cadre's work history (the cadre is the one around it)."""

    position = PostSerializer(read_only=True)
    decision = DecisionRefSerializer(read_only=True, allow_null=True)
    end_decision = DecisionRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Assignment
        fields = [
            "id",
            "position",
            "seat",
            "start_date",
            "end_date",
            "planned_end_date",
            "action",
            "end_action",
            "decision",
            "end_decision",
            "is_concurrent",
            "is_acting",
            "note",
        ]


class AssignmentSerializer(WorkHistorySerializer):
    cadre = CadreRefSerializer(read_only=True)

    class Meta(WorkHistorySerializer.Meta):
        fields = ["id", "cadre", *WorkHistorySerializer.Meta.fields[1:]]


# Everything the serializers above read, for select_related.
ASSIGNMENT_RELATED = ["position__unit", "position__title", "decision", "end_decision"]
