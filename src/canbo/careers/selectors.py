"""Reads of the careers app: a personnel action as its reviewers see it."""

from canbo.rules.reports import outcome_label, severity_label

from . import services
from .models import ActionStatus, PersonnelAction

ORDER = {"fail": 0, "warning": 1, "pass": 2, "not_applicable": 3}


def _result_rows(results: list[dict], lang: str) -> list[dict]:
    rows = [
        {
            "rule": r["rule"],
            "name": r["name"][lang],
            "reason": r["reason"][lang],
            "outcome": r["outcome"],
            "outcome_label": outcome_label(r["outcome"]),
            "severity": r["severity"],
            "severity_label": severity_label(r["severity"]),
            "facts": r.get("facts") or {},
        }
        for r in results
    ]
    # Failures first: they are what the reader has to act on.
    return sorted(rows, key=lambda row: ORDER.get(row["outcome"], 9))


def action_review(action: PersonnelAction, user, lang: str) -> dict:
    """The latest rule results, what blocks or needs a justification, the checks on record, and what this
    user may do next."""
    restricted = PersonnelAction.objects.filter(pk=action.pk)
    may_organize = restricted.restrict(user, "organize").exists()
    may_approve = restricted.restrict(user, "approve").exists() and (
        action.drafted_by_id != user.pk or user.is_superuser
    )
    return {
        "results": _result_rows(action.last_check.results if action.last_check else [], lang),
        "blocking": services.blocking(action),
        "overridable": services.overridable(action),
        "checks": action.checks.order_by("-ran_at", "-pk").select_related("ran_by"),
        "can_edit": may_organize and action.status == ActionStatus.DRAFT,
        "can_submit": may_organize and action.status == ActionStatus.DRAFT,
        "can_withdraw": may_organize and action.is_open,
        "can_decide": may_approve and action.status == ActionStatus.SUBMITTED,
        "justifications": [
            {"rule": r["name"][lang], "text": action.justifications.get(r["rule"], "")}
            for r in services.overridable(action)
            if action.justifications.get(r["rule"])
        ],
    }
