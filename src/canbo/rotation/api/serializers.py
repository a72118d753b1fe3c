from rest_framework import serializers

from canbo.careers.api.serializers import CadreRefSerializer, PostSerializer
from canbo.organizations.api.serializers import UnitRefSerializer

from ..models import RotationMove, RotationRound


class RotationRoundSerializer(serializers.ModelSerializer):
    body = UnitRefSerializer(read_only=True)

    class Meta:
        model = RotationRound
        fields = [
            "id",
            "name",
            "body",
            "date",
            "parent",
            "positions_mode",
            "use_planning_pool",
            "weights",
            "pair_rule",
            "source_cap",
            "women_percent",
            "young_percent",
            "minority_percent",
            "young_age",
            "time_limit",
            "status",
            "progress",
            "best_total",
            "best_bound",
            "solved_at",
            "approved_at",
        ]


class RotationMoveSerializer(serializers.ModelSerializer):
    cadre = CadreRefSerializer(read_only=True)
    position = PostSerializer(read_only=True)

    class Meta:
        model = RotationMove
        fields = ["plan", "cadre", "position", "score", "explanation"]


class RoundResultSerializer(serializers.Serializer):
    """A solved round: its figures, requirements relaxed, posts left empty, and every move with why."""

    round = RotationRoundSerializer()
    result = serializers.JSONField(allow_null=True)
    hand_result = serializers.JSONField(allow_null=True)
    moves = RotationMoveSerializer(many=True)
