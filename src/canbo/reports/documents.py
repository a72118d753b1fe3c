"""Reports as documents: a title and sections of rows, the one shape the text, Excel and PDF writers read."""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.people.filtersets import AGE_BAND_CHOICES, AGE_BANDS
from canbo.people.models import Degree, PoliticalTheory

from .selectors import DIRECTIONS, EDUCATION_KEYS, THEORY_KEYS, Scope, percent

SCOPE_LABELS = {
    Scope.MANAGED_BY: gettext_lazy("Cadres managed by %(unit)s"),
    Scope.UNIT: gettext_lazy("Cadres in post in %(unit)s"),
    Scope.COMMUNE_COMMITTEES: gettext_lazy("Party committee members of the communes of %(unit)s"),
}
DIRECTION_LABELS = {
    "down": gettext_lazy("Sent down to communes"),
    "up": gettext_lazy("Moved up from communes"),
    "horizontal": gettext_lazy("Moved between communes"),
    "between_departments": gettext_lazy("Moved between departments at one level"),
    "returned": gettext_lazy("Returned after rotation"),
}


@dataclass
class Section:
    heading: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    # Columns holding shares, printed with one decimal.
    percent_columns: tuple[int, ...] = ()

    def cells(self):
        """Rows as (text, is a number) pairs, for the PDF to align numbers right."""
        return [[(cell_text(v), isinstance(v, int | float)) for v in row] for row in self.rows]


def cell_text(value) -> str:
    """A cell as printed, in the active language's notation: shares with one decimal (19,2 in Vietnamese),
    counts grouped by thousands (3.000)."""
    if isinstance(value, float):
        return number_format(value, 1)
    if isinstance(value, int) and not isinstance(value, bool):
        return number_format(value, force_grouping=True)
    return str(value)


@dataclass
class Document:
    title: str
    subtitle: str
    sections: list[Section]


def _dmy(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def structure_labels(young_under: int) -> dict[str, str]:
    """The label of each number of the structure report, by its key ("women", "education.master")."""
    degrees, theories, bands = dict(Degree.choices), dict(PoliticalTheory.choices), dict(AGE_BAND_CHOICES)
    labels = {
        "total": _("Total"),
        "women": _("Women"),
        "young": _("Young (under %(age)d)") % {"age": young_under},
        "ethnic_minority": _("Ethnic minorities"),
    }
    labels.update({f"education.{k}": str(degrees[k]) for k in EDUCATION_KEYS})
    labels["education.university_or_above"] = _("University or above")
    labels.update({f"political_theory.{k}": str(theories[k]) for k in THEORY_KEYS})
    labels.update({f"age_bands.{k}": str(bands[k]) for k in AGE_BANDS})
    return labels


def structure_groups() -> list[tuple[str, list[str]]]:
    """Sections of the structure report and the keys of their rows."""
    return [
        (_("General"), ["total", "women", "young", "ethnic_minority"]),
        (
            _("Professional degree"),
            [f"education.{k}" for k in EDUCATION_KEYS] + ["education.university_or_above"],
        ),
        (_("Political theory"), [f"political_theory.{k}" for k in THEORY_KEYS]),
        (_("Age"), [f"age_bands.{k}" for k in AGE_BANDS]),
    ]


def structure_leaf(data: dict, key: str) -> dict:
    group, _dot, name = key.rpartition(".")
    return (data[group] if group else data)[name]


def structure_document(data: dict) -> Document:
    headers = [_("Indicator"), _("Count"), _("Percent (%)")]
    labels = structure_labels(data["young_under"])
    sections = [
        Section(
            heading,
            headers,
            [[labels[k], structure_leaf(data, k)["count"], structure_leaf(data, k)["percent"]] for k in keys],
            (2,),
        )
        for heading, keys in structure_groups()
    ]
    who = SCOPE_LABELS[data["scope"]] % {"unit": data["unit"]["name"]}
    when = _("as of %(day)s") % {"day": _dmy(data["as_of"])}
    return Document(_("Structure of cadres"), f"{who} — {when}", sections)


def movements_document(data: dict) -> Document:
    summary = Section(_("Moves by direction"), [_("Direction"), _("Total"), _("Key posts"), _("Other posts")])
    sections = [summary]
    for way in DIRECTIONS:
        bucket = data[way]
        summary.rows.append([str(DIRECTION_LABELS[way]), bucket["count"], bucket["key"], bucket["other"]])
    titles = Section(_("By title taken"), [_("Direction"), _("Title"), _("Key post"), _("Count")])
    # The people behind each direction get a table of their own, so that its rows have room for the posts.
    people = []
    for way in DIRECTIONS:
        for row in data[way]["by_title"].values():
            titles.rows.append(
                [str(DIRECTION_LABELS[way]), row["name"], _("yes") if row["key"] else "", row["count"]]
            )
        if data[way]["people"]:
            moved = Section(
                _("People moved: %(direction)s") % {"direction": DIRECTION_LABELS[way]},
                [_("Date"), _("Full name"), _("Code"), _("From"), _("To")],
            )
            moved.rows = [
                [_dmy(m["date"]), m["name"], m["code"], m["from"], m["to"]] for m in data[way]["people"]
            ]
            people.append(moved)
    sections += [titles, *people]
    return Document(
        _("Movement of cadres"),
        _("%(unit)s, from %(start)s to %(end)s")
        % {"unit": data["unit"]["name"], "start": _dmy(data["from"]), "end": _dmy(data["to"])},
        sections,
    )


def standard_labels() -> dict[str, str]:
    return {
        "meets": _("Meet their title's standard"),
        "in_training": _("Below it, in training"),
        "below": _("Below it"),
        "no_standard": _("No standard set"),
    }


def non_local_labels() -> dict[str, str]:
    return {"non_local": _("Non-local"), "local": _("Local"), "unknown": _("Unknown")}


def indicators_document(unit_name: str, day: str, data: dict) -> Document:
    non_local = Section(
        _("Non-local heads"),
        [_("Title"), _("Non-local / holders"), _("Local"), _("Unknown"), _("Non-local (%)")],
        percent_columns=(4,),
    )
    for row in data["non_local"]:
        total = row["non_local"].count + row["local"].count + row["unknown"].count
        share = percent(row["non_local"].count, total)
        # The ratio as the seeds print it: "8/18 secretaries non-local".
        ratio = f"{row['non_local'].count}/{total}"
        non_local.rows.append([row["name"], ratio, row["local"].count, row["unknown"].count, share])
    labels = standard_labels()
    standards = Section(
        _("Leaders trained to their title's standard"),
        [_("Leaders"), _("Count"), _("Percent (%)")],
        percent_columns=(2,),
    )
    judged = sum(v.count for k, v in data["standards"].items() if k != "no_standard")
    standards.rows = [
        [labels[k], v.count, percent(v.count, judged) if k != "no_standard" else ""]
        for k, v in data["standards"].items()
    ]
    targets = Section(
        _("Structure against targets"),
        [_("Unit"), _("Indicator"), _("Count"), _("Reached (%)"), _("Target (%)"), _("Gap (points)")],
        percent_columns=(3, 4, 5),
    )
    targets.rows = [
        [t["unit"].name, str(t["label"]), t["count"], t["percent"], t["target"], t["gap"]]
        for t in data["targets"]
    ]
    vacancies = Section(_("Vacant seats"), [_("Unit"), _("Title"), _("Vacant seats")])
    vacancies.rows = [[v["unit"], v["title"], v["free"]] for v in data["vacancies"]]
    summary = Section(_("Vacancies and acting heads"), [_("Indicator"), _("Count")])
    summary.rows = [
        [_("Vacant seats"), sum(v["free"] for v in data["vacancies"])],
        [_("Acting heads"), len(data["acting"])],
    ]
    return Document(
        _("Policy indicators"),
        _("%(unit)s, as of %(day)s") % {"unit": unit_name, "day": _dmy(day)},
        [non_local, standards, targets, summary, vacancies],
    )
