"""Evaluations and eligibility searches as JSON data and as text tables, in the active language."""

import json

from django.utils import translation
from django.utils.translation import gettext as _

from canbo.careers.models import ActionKind

from .engine import Evaluation, RuleSet
from .engine.evaluate import describe_proposal, describe_target
from .engine.results import jsonable
from .engine.text import date_text
from .selectors import Eligibility

SYMBOLS = {"pass": "✓", "fail": "✗", "warning": "!", "not_applicable": "–"}


def language() -> str:
    return "en" if (translation.get_language() or "vi").startswith("en") else "vi"


def action_choices(actions) -> list[tuple[str, str]]:
    """The engine's actions as form choices, labelled as work history labels them, in its order."""
    return [(kind.value, kind.label) for kind in ActionKind if kind.value in actions]


def outcome_label(outcome: str) -> str:
    return {
        "pass": _("pass"),
        "fail": _("fail"),
        "warning": _("warning"),
        "not_applicable": _("not applicable"),
    }[outcome]


def severity_label(severity: str) -> str:
    return {"hard": _("blocks"), "soft": _("needs a written justification")}[severity]


def _ruleset_data(ruleset: RuleSet) -> dict:
    return {"code": ruleset.code, "effective_from": ruleset.effective_from.isoformat()}


def eligibility_data(found: Eligibility, evaluations: list[Evaluation]) -> dict:
    """The search once (target, proposal, rule set, parameters) and each person's results without repeating
    them."""
    lang = language()
    rows = []
    for evaluation in evaluations:
        row = evaluation.to_dict(lang)
        for shared in ("target", "proposal", "ruleset", "ruleset_effective_from", "params"):
            row.pop(shared)
        rows.append(row)
    return {
        "target": jsonable(describe_target(found.target)),
        "proposal": jsonable(describe_proposal(found.ranking.checker.proposal)),
        "ruleset": _ruleset_data(found.ruleset),
        "params": jsonable(dict(found.ruleset.params)),
        "total": len(found.ranking),
        "eligible": found.ranking.eligible_count,
        "results": rows,
    }


def _facts_text(facts: dict) -> str:
    return "; ".join(
        f"{key}: {value if isinstance(value, str) else json.dumps(jsonable(value), ensure_ascii=False)}"
        for key, value in facts.items()
    )


def _summary(evaluation: Evaluation) -> str:
    counts = evaluation.counts
    verdict = _("eligible") if evaluation.eligible else _("not eligible")
    return _("%(verdict)s: %(pass)d passed, %(fail)d failed, %(warning)d warnings, %(na)d not applicable") % {
        "verdict": verdict,
        "pass": counts["pass"],
        "fail": counts["fail"],
        "warning": counts["warning"],
        "na": counts["not_applicable"],
    }


def _header(evaluation: Evaluation) -> list[str]:
    target, proposal = evaluation.target, evaluation.proposal
    return [
        _("Post: %(title)s, %(unit)s (%(code)s)")
        % {"title": target["title"]["name"], "unit": target["unit"]["name"], "code": target["unit"]["code"]},
        _("Action: %(action)s on %(date)s")
        % {"action": ActionKind(proposal["action"]).label, "date": date_text(proposal["date"])},
        _("Rule set: %(code)s, in force from %(date)s")
        % {"code": evaluation.ruleset, "date": date_text(evaluation.ruleset_effective_from)},
    ]


def evaluation_table(evaluation: Evaluation) -> str:
    lang = language()
    lines = [
        _("Cadre: %(code)s %(name)s") % {"code": evaluation.person_code, "name": evaluation.person_name},
        *_header(evaluation),
        _summary(evaluation),
        "",
    ]
    for result in evaluation.results:
        lines.append(
            f"[{SYMBOLS[result.outcome]}] {result.name(lang)} — {outcome_label(result.outcome)}"
            f" ({severity_label(result.severity)})"
        )
        lines.append(f"    {result.reason(lang)}")
        if result.facts:
            lines.append(f"    {_facts_text(result.facts)}")
        lines.append(f"    {result.source}")
    return "\n".join(lines) + "\n"


def eligibility_table(found: Eligibility, evaluations: list[Evaluation]) -> str:
    lang = language()
    rules = found.ruleset.rules
    lines = [
        _("%(eligible)d of %(total)d cadres eligible; the first %(shown)d below, eligible first.")
        % {"eligible": found.ranking.eligible_count, "total": len(found.ranking), "shown": len(evaluations)},
    ]
    if evaluations:
        lines[0:0] = _header(evaluations[0])
    lines.append(
        _("Columns: %(rules)s") % {"rules": ", ".join(f"{i + 1}={rule.code}" for i, rule in enumerate(rules))}
    )
    lines.append("✓ " + _("pass") + "  ✗ " + _("fail") + "  ! " + _("warning") + "  – " + _("not applicable"))
    lines.append("")
    width = max((len(e.person_code) for e in evaluations), default=4)
    for number, evaluation in enumerate(evaluations, 1):
        marks = " ".join(SYMBOLS[r.outcome] for r in evaluation.results)
        verdict = _("eligible") if evaluation.eligible else _("not eligible")
        lines.append(
            f"{number:>4}. {evaluation.person_code:<{width}}  {marks}  {evaluation.person_name} — {verdict}"
        )
        for result in evaluation.results:
            if result.outcome in ("fail", "warning"):
                lines.append(f"        {SYMBOLS[result.outcome]} {result.name(lang)}: {result.reason(lang)}")
    return "\n".join(lines) + "\n"
