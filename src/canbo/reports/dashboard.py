"""What the report pages show beyond the numbers: a drill-down link on every number, the charts of the
dashboard, and the cadres behind a number (re-read from the same selectors, so they always agree)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.people.models import Cadre

from . import charts
from .documents import (
    DIRECTION_LABELS,
    non_local_labels,
    standard_labels,
    structure_groups,
    structure_labels,
    structure_leaf,
)
from .forms import FlowsForm, IndicatorsForm, StructureForm
from .selectors import (
    DIRECTIONS,
    Population,
    Scope,
    movement_people,
    movements,
    percent,
    scoped,
    structure,
    structure_people,
    trend,
)
from .selectors import indicators as indicator_data


def people_url(report: str, params: dict, **extra) -> str:
    """The drill-down page of one number, with the report's parameters spelled out."""
    query = {"report": report, "unit": params["unit"].pk}
    for name in ("scope", "young_under"):
        if params.get(name):
            query[name] = params[name]
    for name in ("as_of", "start", "end"):
        if params.get(name):
            query[name] = params[name].isoformat()
    query.update({k: v for k, v in extra.items() if v not in ("", None)})
    return f"{reverse('reports:people')}?{urlencode(query)}"


def structure_rows(data: dict, params: dict) -> list[dict]:
    params = {**params, "young_under": data["young_under"]}
    labels = structure_labels(data["young_under"])
    return [
        {
            "heading": heading,
            "rows": [
                {
                    "label": labels[key],
                    **structure_leaf(data, key),
                    "href": people_url("structure", params, key=key),
                }
                for key in keys
            ],
        }
        for heading, keys in structure_groups()
    ]


def movement_rows(data: dict, params: dict) -> list[dict]:
    rows = []
    for way in DIRECTIONS:
        bucket = data[way]
        rows.append(
            {
                "key": way,
                "label": DIRECTION_LABELS[way],
                "count": bucket["count"],
                "href": people_url("flows", params, key=way),
                "key_posts": bucket["key"],
                "key_href": people_url("flows", params, key=way, part="key"),
                "other": bucket["other"],
                "other_href": people_url("flows", params, key=way, part="other"),
                "titles": [
                    {**t, "code": code, "href": people_url("flows", params, key=way, title=code)}
                    for code, t in bucket["by_title"].items()
                ],
                "people": bucket["people"],
            }
        )
    return rows


INDICATOR_TONES = {"women": "women", "young": "young", "ethnic_minority": "minority"}


def dashboard_context(user, params: dict, data: dict, query) -> dict:
    """Charts and links of a body's dashboard: structure now and over the terms, heads who are not local,
    leaders to standard, targets and their gaps, vacancies and acting heads."""
    unit, day = params["unit"], params["as_of"]
    population = Population(Scope.UNIT, unit, day)
    now = structure(user, population)
    sparams = {"unit": unit, "scope": Scope.UNIT, "as_of": day, "young_under": now["young_under"]}
    labels = structure_labels(now["young_under"])

    def group_chart(keys, title, tone=None):
        """Bars of structure numbers, each a link to its people; general shares each have a colour."""
        return charts.bars(
            [
                charts.Bar(
                    labels[key],
                    structure_leaf(now, key)["percent"],
                    structure_leaf(now, key)["count"],
                    people_url("structure", sparams, key=key),
                    tone=tone or INDICATOR_TONES.get(key, "main"),
                )
                for key in keys
            ],
            title,
        )

    _general, degrees, _theory, age_bands = (keys for _heading, keys in structure_groups())
    shares = group_chart(INDICATOR_TONES, _("Structure"))
    education = group_chart(degrees, _("Professional degree"))
    ages = group_chart(age_bands, _("Age"), tone="age")
    points = trend(user, population, now=now)
    names = {key: labels[key] for key in ("women", "young", "ethnic_minority")}
    trend_chart = charts.lines(
        [f"{p['as_of']:%m/%Y}" for p in points],
        {key: [p[key] for p in points] for key in names},
        names,
        _("Trend over the terms"),
    )
    iparams = {"unit": unit, "as_of": day}
    non_local_bars = []
    for row in data["non_local"]:
        total = row["non_local"].count + row["local"].count + row["unknown"].count
        non_local_bars.append(
            charts.Bar(
                f"{row['name']} ({row['non_local'].count}/{total})",
                percent(row["non_local"].count, total),
                row["non_local"].count,
                people_url("indicators", iparams, key=f"non_local.{row['title']}.non_local"),
                tone="nonlocal",
            )
        )
    standards = data["standards"]
    judged = standards["meets"].count + standards["in_training"].count + standards["below"].count
    standard_parts = [
        (key, label, standards[key].count, people_url("indicators", iparams, key=f"standards.{key}"))
        for key, label in standard_labels().items()
    ]
    target_bars = [
        charts.Bar(
            f"{t['unit'].name}: {t['label']}",
            t["percent"],
            t["count"],
            people_url(
                "structure",
                {"unit": t["unit"], "scope": Scope.UNIT, "as_of": day},
                key=t["indicator"],
            ),
            target=t["target"],
            tone="ok" if t["gap"] >= 0 else "bad",
        )
        for t in data["targets"]
    ]
    return {
        "structure": now,
        "structure_href": people_url("structure", sparams, key="total"),
        "shares_chart": shares,
        "education_chart": education,
        "ages_chart": ages,
        "trend_chart": trend_chart,
        "trend": points,
        "non_local_chart": charts.bars(non_local_bars, _("Non-local heads")) if non_local_bars else "",
        "non_local": [
            {
                **row,
                "total": row["non_local"].count + row["local"].count + row["unknown"].count,
                "hrefs": {
                    part: people_url("indicators", iparams, key=f"non_local.{row['title']}.{part}")
                    for part in ("non_local", "local", "unknown")
                },
            }
            for row in data["non_local"]
        ],
        "standard_parts": standard_parts,
        "standard_share": percent(standards["meets"].count, judged),
        "targets_chart": charts.bars(target_bars, _("Targets")) if target_bars else "",
        "targets": data["targets"],
        "vacant_seats": sum(v["free"] for v in data["vacancies"]),
        "vacancies": data["vacancies"],
        "acting_count": len(data["acting"]),
        "acting_href": people_url("indicators", iparams, key="acting"),
        "flows_href": f"{reverse('reports:flows')}?unit={unit.pk}",
        "structure_page": f"{reverse('reports:structure')}?unit={unit.pk}&as_of={day.isoformat()}",
    }


@dataclass
class Found:
    cadres: QuerySet
    heading: str


def people_behind(user, query) -> Found:
    """The cadres behind the number that `query` names (report, its parameters, and key)."""
    report, key = query.get("report", "structure"), query.get("key", "total")
    nothing = Found(scoped(Cadre, user).none(), _("No such number"))
    if report == "structure":
        form = StructureForm(query, user=user)
        if not form.is_valid():
            return nothing
        p = form.cleaned_data
        population = Population(p["scope"], p["unit"], p["as_of"])
        data_labels = structure_labels(p["young_under"] or structure(user, population)["young_under"])
        if key not in data_labels:
            return nothing
        cadres = structure_people(user, population, key, p["young_under"])
        return Found(cadres, f"{data_labels[key]} — {p['unit'].name}, {p['as_of']:%d/%m/%Y}")
    if report == "flows":
        form = FlowsForm(query, user=user)
        if not form.is_valid() or key not in DIRECTIONS:
            return nothing
        p = form.cleaned_data
        moves = movements(user, p["unit"], p["start"], p["end"])
        ids = movement_people(moves, key, query.get("part", ""), query.get("title", ""))
        heading = f"{DIRECTION_LABELS[key]} — {p['unit'].name}, {p['start']:%d/%m/%Y}–{p['end']:%d/%m/%Y}"
        return Found(scoped(Cadre, user).filter(pk__in=ids), heading)
    if report == "indicators":
        form = IndicatorsForm(query, user=user)
        if not form.is_valid():
            return nothing
        p = form.cleaned_data
        found = _indicator_people(indicator_data(user, p["unit"], p["as_of"]), key)
        if found is None:
            return nothing
        ids, label = found
        return Found(scoped(Cadre, user).filter(pk__in=ids), f"{label} — {p['unit'].name}")
    return nothing


def _indicator_people(data: dict, key: str) -> tuple[list[int], str] | None:
    """The people behind an indicator's number and what the number is."""
    kind, _dot, rest = key.partition(".")
    if kind == "acting":
        return data["acting"], _("Acting heads")
    if kind == "standards" and rest in data["standards"]:
        return data["standards"][rest].people, f"{_('Leaders')}: {standard_labels()[rest]}"
    if kind == "non_local":
        title, _dot, part = rest.rpartition(".")
        for row in data["non_local"]:
            if row["title"] == title and part in non_local_labels():
                return row[part].people, f"{row['name']}: {non_local_labels()[part]}"
    return None
