"""The engine's codes in words: explanations and requirements, in the language of the request.

The engine answers codes and numbers; the stored result keeps them so that a page in Vietnamese and one in
English read the same plan.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.rules.engine import RULES
from canbo.rules.reports import language

# Candidates left out are many in a large pool: the result keeps the first ones and the count.
LEFT_OUT_KEPT = 200

GROUPS = {
    "female": gettext_lazy("women"),
    "young": gettext_lazy("young cadres"),
    "minority": gettext_lazy("ethnic minorities"),
}
PARTS = {
    "fill": gettext_lazy("post filled"),
    "evaluation": gettext_lazy("evaluation history"),
    "fit": gettext_lazy("fit of field and experience"),
    "readiness": gettext_lazy("readiness by training"),
    "preference": gettext_lazy("stated preference"),
    "development": gettext_lazy("development value"),
    "distance": gettext_lazy("distance from home"),
    "moves": gettext_lazy("number of past moves"),
    "disruption": gettext_lazy("disruption"),
}
EXTRA_REASONS = {
    "same_unit": gettext_lazy("already works in this unit"),
    "return": gettext_lazy("would go back to the unit just left"),
    "forbidden": gettext_lazy("pair forbidden by the board"),
    "ineligible": gettext_lazy("barred by the hard rules"),
}


def reason_name(code: str) -> str:
    if code in EXTRA_REASONS:
        return str(EXTRA_REASONS[code])
    rule = next((r for r in RULES if r.code == code), None)
    if rule is None:
        return code
    return rule.name_en if language() == "en" else rule.name_vi


def _requirement(key: str, problem) -> dict:
    """A requirement key of the engine as data the page can word ("keep:12:34", "share:female:")."""
    kind = key.split(":")[0]
    if kind == "keep":
        _k, slot_id, candidate_id = key.split(":")
        inst = problem.instance
        slot = inst.slots[inst.slot_index[int(slot_id)]]
        person = inst.candidates[inst.candidate_index[int(candidate_id)]]
        return {"kind": "keep", "slot": slot.label, "candidate": person.label}
    if kind == "share":
        share = next(s for s in problem.requirements.shares if s.key == key)
        return {"kind": "share", "group": share.group, "percent": share.percent, "area": share.area}
    if kind == "source_cap":
        return {"kind": kind, "cap": problem.requirements.source_cap}
    return {"kind": kind}


def describe_plan(problem, plan, why: dict, measured: dict) -> dict:
    """What the round stores of a solve: figures, requirements met or relaxed, and the explanations of the
    posts left empty and the candidates left out."""
    return {
        "method": plan.method,
        "status": plan.status,
        "total": plan.total,
        "bound": plan.bound,
        "seconds": round(plan.seconds, 3),
        "arcs": plan.arcs,
        "slots": len(problem.instance.slots),
        "candidates": len(problem.instance.candidates),
        "filled": measured["filled"],
        "moves": measured["moves"],
        "shares": measured["shares"],
        "warnings": sum(a["warnings"] for a in why["assignments"]),
        "violations": measured["violations"],
        "ruleset": problem.ruleset.code,
        "conflicts": [_requirement(k, problem) for k in plan.conflicts],
        "relaxed": [
            {**_requirement(r.key, problem), "asked": r.asked, "reached": r.reached} for r in plan.relaxed
        ],
        "empty": why["empty"],
        "left_out": why["left_out"][:LEFT_OUT_KEPT],
        "left_out_count": len(why["left_out"]),
    }


def requirement_text(req: dict) -> str:
    kind = req["kind"]
    if kind == "keep":
        return _("keep %(candidate)s at %(slot)s") % req
    if kind == "share":
        return _("at least %(percent)s%% %(group)s") % {
            "percent": req["percent"],
            "group": GROUPS[req["group"]],
        }
    if kind == "source_cap":
        return _("at most %(cap)s departures from one unit") % req
    return _("not both the secretary and the chairman of one locality")


def relaxed_text(req: dict) -> str:
    if req["kind"] == "share":
        return _(
            "The %(percent)s%% %(group)s target cannot be met with the other requirements; "
            "%(reached)s%% is the best reachable."
        ) % {"percent": req["asked"], "group": GROUPS[req["group"]], "reached": req["reached"]}
    return _("Dropped, as it conflicts with the other requirements: %(requirement)s.") % {
        "requirement": requirement_text(req)
    }


def _blocked(items) -> str:
    return "; ".join(
        _("%(rule)s (%(count)s)") % {"rule": reason_name(b["reason"]), "count": b["count"]} for b in items
    )


def why_text(why: dict) -> str:
    """One explanation of the engine (runner-up, empty post, candidate left out) in words."""
    code = why["code"]
    if code == "placed_elsewhere":
        return _("placed at %(slot)s instead (score there %(there)s)") % {
            "slot": why["slot"]["label"],
            "there": why["there"],
        }
    if code == "lower_score":
        return _("score lower by %(gap)s") % why
    if code == "source_cap":
        return _("the cap on departures from %(unit)s is reached") % {
            "unit": why.get("unit") or _("their unit")
        }
    if code == "share":
        return _("taking them would bring %(group)s below %(percent)s%%") % {
            "group": GROUPS[why["group"]],
            "percent": why["percent"],
        }
    if code == "no_eligible":
        return _("nobody passes the hard rules: %(rules)s") % {"rules": _blocked(why["blocked"])}
    if code == "pair_rule":
        return _("%(slot)s of the same locality is replaced in this round") % {"slot": why["slot"]["label"]}
    if code == "eligible_taken":
        return _("all %(count)s eligible candidates are placed at posts where they score more") % why
    if code == "outscored":
        return _("each of the %(count)s posts open to them went to someone who scores more") % why
    if code == "low_score":
        return _("no eligible candidate has a positive score here")
    if code == "requirements":
        return _("the share targets and the round's total score are better served otherwise")
    return _("the round's total score is higher without this move")


def parts_text(parts: dict) -> list[tuple[str, float]]:
    return [(str(PARTS[name]), value) for name, value in parts.items() if value]


def violation_text(v: dict) -> str:
    """A rule or requirement a plan breaks (see engine.assess), in words."""
    code = v["code"]
    if code == "blocked":
        return _("%(candidate)s cannot take %(slot)s: %(rules)s") % {
            "candidate": v["candidate"]["label"],
            "slot": v["slot"]["label"],
            "rules": ", ".join(reason_name(r) for r in v["reasons"]),
        }
    if code == "slot_twice":
        return _("%(slot)s is given to %(count)s people") % {"slot": v["slot"]["label"], "count": v["count"]}
    if code == "candidate_twice":
        return _("%(candidate)s is placed %(count)s times") % {
            "candidate": v["candidate"]["label"],
            "count": v["count"],
        }
    if code == "pair_rule":
        return _("%(slot)s and %(other)s of one locality are both replaced") % {
            "slot": v["slot"]["label"],
            "other": v["other"],
        }
    if code == "source_cap":
        return _("%(count)s leave %(unit)s, more than %(cap)s") % v
    if code == "share":
        return _("%(group)s are %(reached)s%% of the appointees, below %(percent)s%%") % {
            "group": GROUPS[v["group"]],
            "reached": v["reached"],
            "percent": v["percent"],
        }
    return _("the pinned pair %(candidate)s → %(slot)s is not kept") % {
        "candidate": v["candidate"]["label"],
        "slot": v["slot"]["label"],
    }


EDIT_KINDS = {
    "assign": gettext_lazy("Assign a candidate to the position"),
    "remove": gettext_lazy("Remove the move to the position"),
    "swap": gettext_lazy("Swap the people of two positions"),
}
EDIT_ERRORS = {
    "not_a_position": gettext_lazy("This position is not one of the round's."),
    "not_a_candidate": gettext_lazy("This cadre is not a candidate of the round."),
    "no_candidate": gettext_lazy("Give the code of the cadre to assign."),
    "slot_empty": gettext_lazy("Nobody is proposed for this position."),
    "no_other": gettext_lazy("Choose a second position to swap with."),
    "unknown_kind": gettext_lazy("Choose what to change."),
}


def edit_error_text(code: str) -> str:
    return str(EDIT_ERRORS[code])
