from rest_framework import serializers

from canbo.careers.api.serializers import CadreRefSerializer
from canbo.organizations.api.serializers import TitleRefSerializer, UnitRefSerializer

from ..models import PlanningEntry, PlanningReview, PlanningTerm


class TermRefSerializer(serializers.ModelSerializer):
    body = UnitRefSerializer(read_only=True)

    class Meta:
        model = PlanningTerm
        fields = ["id", "name", "start_year", "end_year", "vision_year", "starts_on", "body"]


class ReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanningReview
        fields = ["year", "date", "outcome", "reason"]


class PlanningEntrySerializer(serializers.ModelSerializer):
    term = TermRefSerializer(read_only=True)
    cadre = CadreRefSerializer(read_only=True)
    unit = UnitRefSerializer(read_only=True)
    title = TitleRefSerializer(read_only=True)
    reviews = ReviewSerializer(many=True, read_only=True)

    class Meta:
        model = PlanningEntry
        fields = [
            "id",
            "term",
            "cadre",
            "unit",
            "title",
            "status",
            "added_on",
            "decision_number",
            "removed_on",
            "removal_reason",
            "reviews",
        ]


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    count = serializers.IntegerField()
    share = serializers.FloatField()
    target = serializers.FloatField(allow_null=True)
    gap = serializers.BooleanField()


class TitleCoverageSerializer(serializers.Serializer):
    unit = serializers.CharField()
    unit_name = serializers.CharField()
    title = serializers.CharField()
    title_name = serializers.CharField()
    planned = serializers.ListField(child=serializers.CharField())


class CoverageSerializer(serializers.Serializer):
    term = serializers.DictField()
    histogram = serializers.DictField(child=serializers.IntegerField())
    pool = serializers.IntegerField()
    indicators = IndicatorSerializer(many=True)
    titles = TitleCoverageSerializer(many=True)
