"""Writes of the rules app: thresholds an administrator changes from a date on, and checks recorded with
everything they used."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.organizations.models import Position
from canbo.people.models import Cadre

from . import adapters
from .engine import RULESETS, Checker, Evaluation, ParamError, Proposal
from .models import CheckSource, RuleCheck, RuleSetting
from .reports import language
from .selectors import active_ruleset


@transaction.atomic
def rule_setting_set(
    *, ruleset: str, name: str, value, effective_from: dt.date, set_by=None, note: str = ""
) -> RuleSetting:
    """Set a parameter of a rule set from `effective_from` on (replacing a value set for that same day)."""
    if ruleset not in RULESETS:
        raise ValidationError({"ruleset": _("There is no rule set %(code)s.") % {"code": ruleset}})
    try:
        RULESETS[ruleset].with_params({name: value})
    except ParamError as exc:
        raise ValidationError(
            {
                "value": _("The parameter %(name)s cannot take this value: %(detail)s.")
                % {"name": exc.name, "detail": exc.en if language() == "en" else exc.vi}
            }
        ) from exc
    setting, _created = RuleSetting.objects.update_or_create(
        ruleset=ruleset,
        name=name,
        effective_from=effective_from,
        defaults={"value": value, "set_by": set_by, "note": note},
    )
    return setting


@transaction.atomic
def check_cadre(
    *,
    cadre: Cadre,
    position: Position,
    proposal: Proposal,
    ran_by=None,
    source: str = CheckSource.WEB,
) -> tuple[Evaluation, RuleCheck]:
    """Run every rule for one cadre and target position, and record the check with what it used."""
    day = proposal.date
    ruleset = active_ruleset(day)
    target = adapters.load_target(position, day)
    person = adapters.load_people(Cadre.objects.filter(pk=cadre.pk), day)[0]
    evaluation = Checker(target, proposal, adapters.load_context(target, day), ruleset).evaluate(person)
    data = evaluation.to_dict()
    record = RuleCheck.objects.create(
        ran_by=ran_by,
        source=source,
        cadre=cadre,
        position=position,
        unit_id=position.unit_id,
        title_id=position.title_id,
        action=proposal.action,
        date=day,
        planned_return=proposal.planned_return,
        ruleset=evaluation.ruleset,
        params=data["params"],
        results=data["results"],
        eligible=evaluation.eligible,
    )
    return evaluation, record
