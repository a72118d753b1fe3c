"""Reads over evaluations: grades for the rules engine, a unit's board, cadres flagged for dismissal."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet

from canbo.evaluation import engine
from canbo.evaluation.conf import params
from canbo.evaluation.models import Evaluation, EvaluationStatus, Grade, SubjectKind, TaskGroup
from canbo.evaluation.services import quota_groups

GRADE_ORDER = [g.value for g in Grade]
# The yearly evaluation (no quarter) before the quarters, on every database.
YEAR_FIRST = F("quarter").asc(nulls_first=True)


def yearly_grades(cadre_ids: QuerySet, evaluations: QuerySet | None = None) -> dict[int, dict[int, str]]:
    """{cadre id: {year: grade}} from the finalized yearly individual evaluations (the rules engine's
    evaluation source), among `evaluations` (all by default)."""
    base = Evaluation.objects.all() if evaluations is None else evaluations
    rows = (
        base.filter(
            cadre_id__in=cadre_ids,
            kind=SubjectKind.INDIVIDUAL,
            quarter__isnull=True,
            status=EvaluationStatus.FINALIZED,
        )
        .exclude(grade="")
        .values_list("cadre_id", "year", "grade")
    )
    grades: dict[int, dict[int, str]] = defaultdict(dict)
    for cadre_id, year, grade in rows:
        grades[cadre_id][year] = grade
    return dict(grades)


def periods(evaluations: QuerySet) -> list[dict]:
    """Each year and quarter with evaluations, how many, and how many are finalized; latest first."""
    return list(
        evaluations.order_by()
        .values("year", "quarter")
        .annotate(
            total=Count("pk"),
            finalized=Count("pk", filter=Q(status=EvaluationStatus.FINALIZED)),
            graded=Count("pk", filter=~Q(grade="")),
        )
        .order_by("-year", YEAR_FIRST)
    )


@dataclass
class Group:
    unit: object
    kind: str
    task_group: str
    counts: Counter
    allowed: int

    @property
    def excellent(self) -> int:
        return self.counts[Grade.EXCELLENT]

    @property
    def excess(self) -> int:
        return max(self.excellent - self.allowed, 0)

    @property
    def kind_label(self):
        return SubjectKind(self.kind).label

    @property
    def task_group_label(self):
        return TaskGroup(self.task_group).label

    @property
    def cells(self) -> list[int]:
        return [self.counts[g] for g in GRADE_ORDER] + [self.counts[""]]


@dataclass
class Board:
    unit: object
    year: int
    quarter: int | None
    groups: list[Group] = field(default_factory=list)
    distribution: Counter = field(default_factory=Counter)
    total: int = 0
    drafts: int = 0
    party_cells: engine.Share | None = None
    party_members: engine.Share | None = None

    @property
    def breaches(self) -> list[Group]:
        return [g for g in self.groups if g.excess]

    @property
    def pending(self) -> int:
        return self.distribution[""]

    @property
    def can_finalize(self) -> bool:
        return self.drafts > 0 and not self.breaches and not self.pending

    @property
    def distribution_rows(self) -> list[tuple[str, int, float]]:
        return [
            (Grade(g).label, self.distribution[g], self.distribution[g] / self.total if self.total else 0)
            for g in GRADE_ORDER
        ]


def board(unit, year: int, quarter: int | None, evaluations: QuerySet) -> Board:
    """The level distribution, quota per unit and task group, and party shares of `unit`'s subtree."""
    settings = params()
    rows = list(
        evaluations.filter(unit__path__startswith=unit.path, year=year, quarter=quarter)
        .select_related("unit__parent")
        .only("unit__name", "unit__path", "unit__parent__name", "kind", "task_group", "grade", "status")
        .order_by("unit__path", "kind", "task_group")
    )
    result = Board(unit=unit, year=year, quarter=quarter, total=len(rows))
    for (quota_unit, kind, group), counts in quota_groups(rows).items():
        allowed = engine.quota_allowed(counts[Grade.GOOD.value], settings)
        result.groups.append(Group(quota_unit, kind, group, counts, allowed))
    for e in rows:
        result.distribution[e.grade] += 1
        result.drafts += e.status == EvaluationStatus.DRAFT
    cells = [e.grade for e in rows if e.kind == SubjectKind.PARTY_CELL and e.grade]
    members = [e.grade for e in rows if e.kind == SubjectKind.PARTY_MEMBER and e.grade]
    if cells:
        result.party_cells = engine.share(
            cells, {Grade.EXCELLENT}, settings.party_cell_target_low, settings.party_cell_target_high
        )
    if members:
        result.party_members = engine.share(
            members,
            {Grade.EXCELLENT, Grade.GOOD},
            settings.party_member_target_low,
            settings.party_member_target_high,
        )
    return result


@dataclass(frozen=True)
class Flag:
    cadre: object
    year: int
    grades: dict

    @property
    def labels(self) -> list[tuple[int, str]]:
        return [(year, Grade(grade).label) for year, grade in sorted(self.grades.items())]


def dismissal_flags(evaluations: QuerySet, cadres: QuerySet) -> list[Flag]:
    """Cadres in `cadres` with two consecutive finalized yearly "not completed", the latest run first."""
    settings = params()
    failing = evaluations.filter(
        kind=SubjectKind.INDIVIDUAL,
        quarter__isnull=True,
        status=EvaluationStatus.FINALIZED,
        grade=Grade.NOT_COMPLETED,
    )
    candidates = failing.values("cadre_id").annotate(n=Count("pk")).filter(n__gte=settings.dismissal_years)
    ids = [row["cadre_id"] for row in candidates]
    history = yearly_grades(ids, evaluations)
    people = cadres.filter(pk__in=ids).select_related("current_position__title", "current_position__unit")
    found = []
    for cadre in people:
        year = engine.dismissal_year(history.get(cadre.pk, {}), settings)
        if year is not None:
            found.append(Flag(cadre, year, history[cadre.pk]))
    return sorted(found, key=lambda f: (-f.year, f.cadre.sort_key))


@dataclass(frozen=True)
class History:
    """A cadre's evaluations, latest first, and the year closing two finalized "not completed" years."""

    rows: list
    dismissal_year: int | None


def cadre_history(cadre, evaluations: QuerySet) -> History:
    rows = list(evaluations.filter(cadre=cadre).select_related("unit").order_by("-year", YEAR_FIRST, "kind"))
    final = {
        e.year: e.grade
        for e in rows
        if e.kind == SubjectKind.INDIVIDUAL and e.quarter is None and e.is_final and e.grade
    }
    return History(rows, engine.dismissal_year(final, params()))


def board_units(user) -> list:
    """The units whose board a user opens first: those they hold a role over (the roots for everyone)."""
    from canbo.organizations.models import OrgUnit

    units = OrgUnit.objects.restrict(user).current()
    if user.is_superuser:
        return list(units.filter(parent__isnull=True))
    return list(units.filter(memberships__user=user).distinct())
