"""The engine's reasons worded for people, in the request's language."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from canbo.evaluation import engine
from canbo.evaluation.models import Disqualification, Grade


def reason_text(reason: engine.Reason) -> str:
    v = reason.values
    if reason.code == "score":
        return _("Score %(score)s gives the level “%(grade)s”.") % {
            "score": number_format(v["score"], 2),
            "grade": Grade(v["grade"]).label,
        }
    if reason.code == "late":
        return ngettext(
            "%(n)s task came late: the level is at most “completed”.",
            "%(n)s tasks came late: the level is at most “completed”.",
            v["late"],
        ) % {"n": v["late"]}
    if reason.code == "over_fulfilment":
        return _(
            "Only %(over)s of %(tasks)s tasks over-fulfilled; “excellent” needs at least %(share)s for "
            "collectives and leaders: rated “good”."
        ) % {"over": v["over"], "tasks": v["tasks"], "share": f"{v['share']:.0%}"}
    if reason.code == "disqualified":
        events = ", ".join(str(Disqualification(e).label) for e in v["events"])
        return _("Disqualifying event (%(events)s): not completed whatever the score.") % {"events": events}
    if reason.code == "not_measured":
        return ngettext("%(n)s task has no result yet.", "%(n)s tasks have no result yet.", v["pending"]) % {
            "n": v["pending"]
        }
    if reason.code == "assigned":
        return _("Level rated directly, without KPI tasks.")
    return _("No KPI task and no level rated yet.")
