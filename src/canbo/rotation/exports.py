"""A round's plan as a document for the Standing Committee's meeting: the reports app's Document, written
to Excel or to an A4 PDF by its writers (same fonts, same formatting as the other reports)."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from canbo.careers.models import Assignment
from canbo.reports.documents import Document, Section

from .models import PlanKind, RotationRound
from .text import PARTS, why_text

KINDS = ("xlsx", "pdf")


def _current_posts(rnd: RotationRound, cadre_ids) -> dict[int, str]:
    held = (
        Assignment.objects.on(rnd.date)
        .filter(cadre_id__in=cadre_ids, is_concurrent=False)
        .select_related("position__unit", "position__title")
        .order_by("start_date")
    )
    return {a.cadre_id: f"{a.position.title.name} — {a.position.unit.name}" for a in held}


def _notes(move) -> str:
    notes = []
    if move.explanation.get("warnings"):
        notes.append(_("%(count)s soft rules not met") % {"count": move.explanation["warnings"]})
    if move.explanation.get("edited"):
        notes.append(_("changed by hand"))
    runners = move.explanation.get("runners_up") or []
    if runners:
        notes.append(
            _("runners-up: %(names)s")
            % {"names": ", ".join(f"{r['candidate']['label']} ({r['score']:.2f})" for r in runners)}
        )
    return "; ".join(notes)


def plan_document(rnd: RotationRound, kind: str) -> Document:
    """The proposal with its figures, moves and posts left empty. In Excel every score part has its own
    column; on A4 paper they share one."""
    moves = list(
        rnd.moves.filter(plan=PlanKind.OPTIMIZER)
        .select_related("cadre", "position__unit", "position__title")
        .order_by("position__unit__path", "position__title__rank")
    )
    current = _current_posts(rnd, [m.cadre_id for m in moves])
    result = rnd.result or {}
    parts = [name for name in PARTS if any(m.explanation.get("parts", {}).get(name) for m in moves)]
    headers = [_("No."), _("Position"), _("Unit"), _("Cadre"), _("Cadre code"), _("Current post"), _("Score")]
    if kind == "xlsx":
        headers += [str(PARTS[name]) for name in parts]
    else:
        headers.append(_("Score parts"))
    headers.append(_("Rules notes"))
    rows = []
    for n, m in enumerate(moves, start=1):
        row = [
            n,
            m.position.title.name,
            m.position.unit.name,
            m.cadre.full_name,
            m.cadre.code,
            current.get(m.cadre_id, _("no post")),
            round(m.score, 2),
        ]
        values = m.explanation.get("parts", {})
        if kind == "xlsx":
            row += [round(values.get(name, 0.0), 2) for name in parts]
        else:
            row.append("; ".join(f"{PARTS[name]} {values[name]:+.2f}" for name in parts if values.get(name)))
        row.append(_notes(m))
        rows.append(row)
    shares = result.get("shares", {})
    figures = [
        [_("Total score"), round(result.get("total", 0.0), 2)],
        [_("Posts filled"), f"{result.get('filled', 0)} / {result.get('slots', 0)}"],
        [_("Women"), shares.get("female", 0.0)],
        [_("Young cadres"), shares.get("young", 0.0)],
        [_("Ethnic minorities"), shares.get("minority", 0.0)],
    ]
    sections = [
        Section(_("Figures"), [_("Figure"), _("Value")], figures),
        Section(_("Proposed moves"), headers, rows),
        Section(
            _("Posts left empty"),
            [_("Position"), _("Why")],
            [[e["slot"]["label"], why_text(e["why"])] for e in result.get("empty", [])],
        ),
    ]
    subtitle = f"{rnd.name} · {rnd.body.name} · {date_format(rnd.date, 'd/m/Y')} · {rnd.get_status_display()}"
    # The title names the workbook's sheet, where a round's name could bring characters Excel refuses.
    return Document(_("Rotation plan"), subtitle, sections)
