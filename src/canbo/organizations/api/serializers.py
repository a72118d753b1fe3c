from rest_framework import serializers

from ..models import OrgUnit, Position, Title


class UnitRefSerializer(serializers.ModelSerializer):
    """A unit named inside another resource."""

    class Meta:
        model = OrgUnit
        fields = ["id", "code", "name"]


class TitleRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Title
        fields = ["id", "code", "name"]


class ParentRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrgUnit
        fields = ["id", "code"]


class OrgUnitSerializer(serializers.ModelSerializer):
    parent = ParentRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = OrgUnit
        fields = [
            "id",
            "code",
            "name",
            "short_name",
            "kind",
            "admin_level",
            "parent",
            "path",
            "depth",
            "valid_from",
            "valid_to",
        ]


class TitleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Title
        fields = [
            "id",
            "code",
            "name",
            "name_en",
            "level",
            "group",
            "rank",
            "is_key",
            "is_head",
            "is_deputy",
            "non_local",
            "exclusive",
        ]


class PositionSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer(read_only=True)
    title = TitleRefSerializer(read_only=True)
    open_assignments = serializers.IntegerField(
        read_only=True, help_text="Seats held now (assignments without an end date)."
    )

    class Meta:
        model = Position
        fields = ["id", "unit", "title", "seats", "open_assignments", "valid_from", "valid_to"]
