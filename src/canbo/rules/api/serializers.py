import datetime as dt

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..engine import Action, Outcome, Severity

# Dates the rules can reason about; anything else is a typing error.
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2199, 12, 31)


class _Day(serializers.DateField):
    def to_internal_value(self, value):
        day = super().to_internal_value(value)
        if not EARLIEST <= day <= LATEST:
            raise serializers.ValidationError(_("Give a date between 1900 and 2199."))
        return day


class TargetQuerySerializer(serializers.Serializer):
    unit = serializers.CharField(max_length=32, help_text="Code of the unit of the post.")
    title = serializers.CharField(max_length=32, help_text="Code of the title of the post.")
    as_of = _Day(required=False, help_text="Date of the proposal (default today).")
    action = serializers.ChoiceField(choices=[a.value for a in Action], default=Action.APPOINTMENT)
    planned_return = _Day(required=False, help_text="Planned end of a rotation.")


class CheckQuerySerializer(TargetQuerySerializer):
    cadre = serializers.CharField(max_length=32, help_text="Code of the cadre.")


class ResultSerializer(serializers.Serializer):
    rule = serializers.CharField()
    name = serializers.CharField(help_text="In the language of the request.")
    severity = serializers.ChoiceField(choices=[s.value for s in Severity])
    outcome = serializers.ChoiceField(choices=[o.value for o in Outcome])
    reason = serializers.CharField(help_text="In the language of the request.")
    facts = serializers.DictField(help_text="The facts the rule compared.")
    params = serializers.DictField(help_text="The parameters the rule read, with their values.")
    source = serializers.CharField(help_text="The regulation the rule comes from.")


class PersonRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()


class PostRefSerializer(serializers.Serializer):
    position_id = serializers.IntegerField(allow_null=True)
    unit = serializers.DictField()
    title = serializers.DictField()


class ProposalSerializer(serializers.Serializer):
    action = serializers.CharField()
    date = serializers.DateField()
    planned_return = serializers.DateField(allow_null=True)


class RankedSerializer(serializers.Serializer):
    person = PersonRefSerializer()
    eligible = serializers.BooleanField(help_text="No hard failure.")
    counts = serializers.DictField(child=serializers.IntegerField())
    results = ResultSerializer(many=True)


class RulesEvaluationSerializer(RankedSerializer):
    check = serializers.IntegerField(help_text="Id of the recorded check.")
    target = PostRefSerializer()
    proposal = ProposalSerializer()
    ruleset = serializers.CharField()
    ruleset_effective_from = serializers.DateField()
    params = serializers.DictField(help_text="Every parameter in force, as used.")


class RulesetRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    effective_from = serializers.DateField()


class EligibilitySerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    total = serializers.IntegerField()
    eligible = serializers.IntegerField(help_text="How many of all the cadres are eligible.")
    target = PostRefSerializer()
    proposal = ProposalSerializer()
    ruleset = RulesetRefSerializer()
    params = serializers.DictField()
    results = RankedSerializer(many=True, help_text="This page of cadres, eligible first.")
