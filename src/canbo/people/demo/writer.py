"""The ORM side of the demo: prepares the organization tree, reads it into plain data, writes generated rows.

The province's divisions and bodies come from `load_divisions`. The demo then gives them a past: the real
post-2025 units stand in for their predecessors from 1 January 2016, and districts (a synthetic layer: the
real ones are for users to import) group the communes in code order until the district level ends on 1 July
2025. Units, bodies and restructurings go through the organization services; the generated cadres,
assignments and decisions, hundreds of thousands of rows, are inserted in batches with precomputed ids.
"""

import contextlib
import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

import numpy as np
from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from canbo.accounts.models import Membership
from canbo.audit import services as audit
from canbo.audit.models import AuditAction
from canbo.careers.models import Assignment
from canbo.organizations import services as org
from canbo.organizations.models import (
    Decision,
    OrgUnit,
    OrgUnitKind,
    OrgUnitVersion,
    Position,
    RestructuringEvent,
    RestructuringKind,
    Title,
)
from canbo.organizations.models.units import TERRITORIAL_KINDS
from canbo.people.models import Award, Cadre, Discipline, Ethnicity, FamilyRelation, TrainingRecord
from canbo.people.reference import ETHNICITY_CODE_LIST

from .generate import DISTRICT_OFFICE_POSITIONS, DISTRICT_OFFICES, district_name, generate, plan_districts
from .structure import (
    LEVEL_COMMUNE,
    LEVEL_DISTRICT,
    LEVEL_PROVINCE,
    NEVER,
    REFORM,
    START,
    TITLE_LEVELS,
    Post,
    ProvinceStructure,
    Result,
    Territory,
    TitleInfo,
    Unit,
)

DEMO_USER, DEMO_COMMUNE_USER, DEMO_PASSWORD = "demo", "xa", "canbo-demo"
START_DATE, REFORM_DATE = dt.date.fromordinal(START), dt.date.fromordinal(REFORM)
COMMUNE_KINDS = (OrgUnitKind.COMMUNE, OrgUnitKind.WARD, OrgUnitKind.SPECIAL_ZONE)
DISTRICT_NOTE = (
    "Huyện của dữ liệu mẫu: ghép các xã, phường hiện nay theo thứ tự mã để có lịch sử trước ngày 01/07/2025; "
    "không phải địa giới thật."
)
REPARENT_NOTE = "Dữ liệu mẫu: xã, phường trực thuộc tỉnh từ ngày 01/07/2025 khi cấp huyện kết thúc hoạt động."


class Reporter:
    """Progress lines: phase, count and rate."""

    def __init__(self, write: Callable[[str], None] | None):
        self.write = write or (lambda line: None)
        self.started = time.monotonic()
        self.mark = self.started

    def __call__(self, phase: str, count: int | None = None):
        now = time.monotonic()
        spent = now - self.mark
        self.mark = now
        if count is None:
            self.write(f"  {phase} ({spent:.1f} s)")
        else:
            rate = count / spent if spent > 0 else 0
            self.write(f"  {phase}: {count:,} in {spent:.1f} s ({rate:,.0f}/s)")

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


# ---------------------------------------------------------------------------------------------- organizations
def reorganization_decision() -> Decision:
    decision, _ = Decision.objects.get_or_create(
        number="202/2025/QH15",
        date=dt.date(2025, 6, 12),
        defaults={
            "issuer_name": "Quốc hội",
            "effective_date": REFORM_DATE,
            "summary": "Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh; "
            "chính quyền địa phương hai cấp từ ngày 01/07/2025",
        },
    )
    return decision


def ensure_divisions(province_codes: Sequence[str]) -> None:
    """Load provinces and communes with their standard bodies where they are missing."""
    codes = [f"{int(c):02d}" for c in province_codes]
    have = set(OrgUnit.objects.filter(code__in=[f"{c}-DU" for c in codes]).values_list("code", flat=True))
    missing = [c for c in codes if f"{c}-DU" not in have]
    if missing:
        org.load_divisions(missing, with_bodies=True)


def _communes(province: OrgUnit, limit: int | None) -> list[OrgUnit]:
    communes = list(
        OrgUnit.objects.filter(parent=province, kind__in=COMMUNE_KINDS, valid_to__isnull=True).order_by(
            "code"
        )
    )
    return communes[:limit] if limit else communes


def prepare_history(province: OrgUnit, communes: list[OrgUnit], seed: int) -> dict[int, OrgUnit]:
    """Give the province a past; return commune id -> its district before 1 July 2025."""
    first = OrgUnit.objects.filter(code=f"{province.code}D01").first()
    if first is not None:  # made by an earlier run: read the districts back from the versions
        versions = OrgUnitVersion.objects.filter(
            unit__in=communes, parent__kind=OrgUnitKind.DISTRICT
        ).select_related("parent")
        return {v.unit_id: v.parent for v in versions}
    # The real units stand in for their predecessors from 2016 on.
    ids = [province.pk, *(c.pk for c in communes)]
    body_ids = list(
        OrgUnit.objects.filter(path__startswith=province.path)
        .exclude(kind__in=TERRITORIAL_KINDS)
        .filter(territory_id__in=ids)
        .values_list("pk", flat=True)
    )
    for chunk in _chunks(ids + body_ids, 500):
        OrgUnit.objects.filter(pk__in=chunk, valid_from=REFORM_DATE).update(valid_from=START_DATE)
        OrgUnitVersion.objects.filter(unit_id__in=chunk, valid_from=REFORM_DATE).update(valid_from=START_DATE)
        Position.objects.filter(unit_id__in=chunk, valid_from=REFORM_DATE).update(valid_from=START_DATE)
    province.refresh_from_db()
    decision = reorganization_decision()
    rng = np.random.default_rng([seed, int(province.code)])
    titles = Title.objects.in_bulk(field_name="code")
    district_of: dict[int, OrgUnit] = {}
    districts = []
    groups = plan_districts([c.code for c in communes], rng)
    for k, group in enumerate(groups, start=1):
        name, short = district_name(communes[group[len(group) // 2]].name)
        district = org.unit_create(
            code=f"{province.code}D{k:02d}",
            name=name,
            kind=OrgUnitKind.DISTRICT,
            parent=province,
            valid_from=START_DATE,
            short_name=f"{short} (dữ liệu mẫu)",
        )
        districts.append(district)
        for i in group:
            district_of[communes[i].pk] = district
    org.create_standard_bodies_bulk(districts, valid_from=START_DATE)
    positions = []
    for district in districts:
        committee = OrgUnit.objects.get(code=f"{district.code}-UBND")
        for j, office in enumerate(DISTRICT_OFFICES, start=1):
            unit = org.unit_create(
                code=f"{district.code}-P{j:02d}",
                name=f"{office} {district.name[0].lower()}{district.name[1:]}",
                kind=OrgUnitKind.DEPARTMENT,
                parent=committee,
                valid_from=START_DATE,
            )
            positions += [
                Position(unit=unit, title=titles[code], seats=seats, valid_from=START_DATE)
                for code, seats in DISTRICT_OFFICE_POSITIONS
            ]
    Position.objects.bulk_create(positions, batch_size=500)
    # Before 1 July 2025 each commune was under its district; from then on under the province.
    new_versions = []
    for district in districts:
        members = [c for c in communes if district_of[c.pk].pk == district.pk]
        event = RestructuringEvent.objects.create(
            kind=RestructuringKind.REPARENT,
            date=REFORM_DATE,
            decision=decision,
            note=REPARENT_NOTE,
            details={
                "old_parent": {"id": district.pk, "code": district.code, "name": district.name},
                "new_parent": {"id": province.pk, "code": province.code, "name": province.name},
                "units": [c.pk for c in members],
            },
        )
        event.sources.set(members)
        event.targets.set([province])
        ids = [c.pk for c in members]
        OrgUnitVersion.objects.filter(unit_id__in=ids, valid_from=START_DATE).update(
            parent=district, valid_to=REFORM_DATE
        )
        new_versions += [
            OrgUnitVersion(
                unit=c, name=c.name, kind=c.kind, parent=province, valid_from=REFORM_DATE, event=event
            )
            for c in members
        ]
    OrgUnitVersion.objects.bulk_create(new_versions, batch_size=500)
    for district in districts:
        org.unit_abolish(district, date=REFORM_DATE, decision=decision)
    RestructuringEvent.objects.filter(kind=RestructuringKind.ABOLISH, sources__in=districts).update(
        note=DISTRICT_NOTE
    )
    return district_of


def read_structure(
    province: OrgUnit, communes: list[OrgUnit], district_of: dict[int, OrgUnit], elsewhere: list[str]
) -> tuple[ProvinceStructure, dict]:
    """The province as plain data, and the database ids behind its indexes."""
    districts = sorted({d.pk: d for d in district_of.values()}.values(), key=lambda d: d.code)
    territories_db = [province, *communes, *districts]
    terr_index = {u.pk: i for i, u in enumerate(territories_db)}
    territories = []
    for u in territories_db:
        level = {OrgUnitKind.DISTRICT: LEVEL_DISTRICT}.get(
            u.kind, LEVEL_PROVINCE if u.pk == province.pk else LEVEL_COMMUNE
        )
        valid_to = u.valid_to.toordinal() if u.valid_to else NEVER
        territories.append(Territory(u.code, u.name, u.kind, level, valid_to=valid_to))
    for commune in communes:
        if commune.pk in district_of:
            territories[terr_index[commune.pk]].district = terr_index[district_of[commune.pk].pk]
    bodies_db = [
        u
        for u in OrgUnit.objects.filter(path__startswith=province.path)
        .exclude(kind__in=TERRITORIAL_KINDS)
        .order_by("code")
        if u.territory_id in terr_index
    ]
    unit_index = {u.pk: i for i, u in enumerate(bodies_db)}
    units = [Unit(u.code, u.name, u.kind, terr_index[u.territory_id]) for u in bodies_db]
    for u in bodies_db:
        if u.parent_id in terr_index:
            territories[terr_index[u.parent_id]].bodies.setdefault(u.kind, unit_index[u.pk])
    positions_db = []
    for chunk in _chunks(list(unit_index), 500):
        positions_db += list(Position.objects.filter(unit_id__in=chunk).select_related("title"))
    positions_db.sort(key=lambda p: (bodies_db[unit_index[p.unit_id]].code, p.title.rank, p.title.code, p.pk))
    posts = [
        Post(
            unit_index[p.unit_id],
            p.title.code,
            p.seats,
            max(START, p.valid_from.toordinal()) if p.valid_from else START,
            p.valid_to.toordinal() if p.valid_to else NEVER,
        )
        for p in positions_db
    ]
    titles = {
        t.code: TitleInfo(
            t.code,
            t.name,
            TITLE_LEVELS.get(t.level, LEVEL_COMMUNE),
            t.group,
            t.rank,
            t.is_key,
            t.is_head,
            t.is_deputy,
            t.non_local,
            t.exclusive,
        )
        for t in Title.objects.all()
    }
    party = territories[0].bodies.get(OrgUnitKind.PARTY_COMMITTEE)
    standing = OrgUnit.objects.filter(
        parent_id=bodies_db[party].pk if party is not None else None, name__istartswith="Ban Thường vụ"
    ).first()
    managing = unit_index[standing.pk] if standing and standing.pk in unit_index else party
    structure = ProvinceStructure(
        province.code,
        province.name,
        territories,
        units,
        posts,
        titles,
        managing if managing is not None else 0,
        elsewhere,
    )
    ids = {
        "territory": [u.pk for u in territories_db],
        "unit": [u.pk for u in bodies_db],
        "post": [p.pk for p in positions_db],
    }
    return structure, ids


def elsewhere_places(province_code: str, count: int = 400) -> list[str]:
    """'Xã ..., Tỉnh ...' of communes in other provinces, for hometowns far from the post."""
    import vietnam_provinces as vp

    provinces = {int(p.code): p.name for p in vp.Province.iter_all()}
    wards = sorted(
        (w for w in vp.Ward.iter_all() if int(w.province_code) != int(province_code)),
        key=lambda w: int(w.code),
    )
    step = max(1, len(wards) // count)
    return [f"{w.name}, {provinces[int(w.province_code)]}" for w in wards[::step]]


# ---------------------------------------------------------------------------------------------- rows
def _chunks(items: Sequence, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class RowWriter:
    """Inserts plain tuples in batches: executemany on SQLite, COPY on PostgreSQL."""

    def __init__(self, batch_size: int):
        self.batch_size = batch_size
        self.postgres = connection.vendor == "postgresql"
        self._dates: dict[int, object] = {}
        if connection.vendor == "sqlite":
            # Index pages of millions of rows stay in memory (256 MB) instead of the default 2 MB cache.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size = -262144")

    def date(self, ordinal: int | None):
        if ordinal is None:
            return None
        value = self._dates.get(ordinal)
        if value is None:
            day = dt.date.fromordinal(ordinal)
            value = self._dates[ordinal] = day if self.postgres else day.isoformat()
        return value

    def insert(self, model, fields: list[str], rows: Iterable[tuple]) -> int:
        meta = model._meta
        columns = [meta.get_field(f).column for f in fields]
        qn = connection.ops.quote_name
        table = qn(meta.db_table)
        names = ", ".join(qn(c) for c in columns)
        count = 0
        with connection.cursor() as cursor:
            if self.postgres:
                raw = cursor.cursor
                with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                        count += 1
                return count
            sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
            batch: list[tuple] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= self.batch_size:
                    cursor.executemany(sql, batch)
                    count += len(batch)
                    batch = []
            if batch:
                cursor.executemany(sql, batch)
                count += len(batch)
        return count


def check_periods(assignments: list[tuple]) -> None:
    """No seat with two holders and no cadre with two exclusive posts at once: what the database enforces."""
    never = 10**9
    by_seat: dict[tuple, list] = {}
    by_cadre: dict[int, list] = {}
    for k, post, seat, start, end, *_rest, concurrent, _acting, _note in assignments:
        if end is not None and end <= start:
            raise RuntimeError(f"Assignment of cadre {k} ends before it starts.")
        by_seat.setdefault((post, seat), []).append((start, end or never))
        if not concurrent:
            by_cadre.setdefault(k, []).append((start, end or never))
    for periods in (*by_seat.values(), *by_cadre.values()):
        periods.sort()
        for (_, end), (start, _) in zip(periods, periods[1:], strict=False):
            if end > start:
                raise RuntimeError("Generated assignments overlap; nothing was written.")


@contextlib.contextmanager
def insert_triggers_paused(position_ids: list[int]):
    """On SQLite the overlap triggers scan every earlier period of a seat: quadratic on posts with thousands
    of seats. When these positions have no assignment yet and the periods were checked above, the triggers
    are dropped for the bulk insert and put back unchanged, in the same transaction."""
    if connection.vendor != "sqlite" or any(
        Assignment.objects.filter(position_id__in=chunk).exists() for chunk in _chunks(position_ids, 500)
    ):
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s AND name LIKE %s",
            [Assignment._meta.db_table, "%_ins"],
        )
        triggers = cursor.fetchall()
        for name, _sql in triggers:
            cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for _name, sql in triggers:
                cursor.execute(sql)


def _next_id(model) -> int:
    return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1


def write_result(result: Result, ids: dict, writer: RowWriter, report: Reporter) -> dict:
    territory_ids, unit_ids, post_ids = ids["territory"], ids["unit"], ids["post"]
    if result.seats:
        updates = [Position(pk=post_ids[pi], seats=n) for pi, n in result.seats.items()]
        Position.objects.bulk_update(updates, ["seats"], batch_size=500)
    ethnicity = {e.code: e.pk for e in Ethnicity.objects.filter(code_list=ETHNICITY_CODE_LIST)}
    missing = sorted(set(result.cadres["ethnicity"]) - set(ethnicity))
    if missing:
        raise RuntimeError(f"Ethnic groups missing from list {ETHNICITY_CODE_LIST}: {', '.join(missing)}")
    d = writer.date
    # decisions
    first_decision = _next_id(Decision)
    writer.insert(
        Decision,
        [
            "id",
            "number",
            "date",
            "issued_by",
            "issuer_name",
            "signer",
            "summary",
            "effective_date",
            "document",
        ],
        (
            (
                first_decision + i,
                number,
                d(day),
                unit_ids[unit] if unit >= 0 else None,
                name,
                "",
                summary,
                d(effective),
                "",
            )
            for i, (number, day, unit, name, summary, effective) in enumerate(result.decisions)
        ),
    )
    report("decisions", len(result.decisions))
    # cadres
    first_cadre = _next_id(Cadre)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    cols = result.cadres
    n = len(cols["code"])
    fk_units = {"managed_by": unit_ids}
    fk_territories = {"hometown", "residence_unit"}
    date_fields = {"birth_date", "recruited_on", "party_join_date", "party_official_date"}
    names = [f for f in cols if f not in ("ethnicity", "current_position", "salary_coefficient")]
    fields = [
        "id",
        *names,
        "ethnicity",
        "current_position",
        "salary_coefficient",
        "other_names",
        "email",
        "general_education",
        "birth_year_only",
        "created_at",
        "updated_at",
        "version",
    ]

    def cadre_rows():
        series = []
        for f in names:
            values = cols[f]
            if f in date_fields:
                values = [d(v) for v in values]
            elif f in fk_units:
                values = [fk_units[f][v] for v in values]
            elif f in fk_territories:
                values = [territory_ids[v] if v >= 0 else None for v in values]
            series.append(values)
        eth = [ethnicity[c] for c in cols["ethnicity"]]
        pos = [post_ids[p] for p in cols["current_position"]]
        coef = [
            str(Decimal(str(v)).quantize(Decimal("0.01"))) if v is not None else None
            for v in cols["salary_coefficient"]
        ]
        for k in range(n):
            yield (
                first_cadre + k,
                *(s[k] for s in series),
                eth[k],
                pos[k],
                coef[k],
                "",
                "",
                "12/12",
                False,
                now,
                now,
                1,
            )

    writer.insert(Cadre, fields, cadre_rows())
    report("cadres", n)
    first_assignment = _next_id(Assignment)
    check_periods(result.assignments)

    def dec(i):
        return first_decision + i if i >= 0 else None

    with insert_triggers_paused(post_ids):
        writer.insert(
            Assignment,
            [
                "id",
                "cadre",
                "position",
                "seat",
                "start_date",
                "end_date",
                "planned_end_date",
                "action",
                "end_action",
                "decision",
                "end_decision",
                "is_concurrent",
                "is_acting",
                "note",
            ],
            (
                (
                    first_assignment + i,
                    first_cadre + k,
                    post_ids[post],
                    seat,
                    d(start),
                    d(end),
                    d(planned),
                    action,
                    end_action,
                    dec(decision),
                    dec(end_decision),
                    concurrent,
                    acting,
                    note,
                )
                for i, (
                    k,
                    post,
                    seat,
                    start,
                    end,
                    planned,
                    action,
                    end_action,
                    decision,
                    end_decision,
                    concurrent,
                    acting,
                    note,
                ) in enumerate(result.assignments)
            ),
        )
    report("assignments", len(result.assignments))
    writer.insert(
        FamilyRelation,
        ["cadre", "kind", "full_name", "birth_year", "occupation", "residence", "related_cadre"],
        (
            (first_cadre + k, kind, name, year, job, place, first_cadre + other if other >= 0 else None)
            for k, kind, name, year, job, place, other in result.relatives
        ),
    )
    report("relatives", len(result.relatives))
    writer.insert(
        TrainingRecord,
        ["cadre", "institution", "field", "start_date", "end_date", "mode", "qualification"],
        (
            (first_cadre + k, inst, field, d(s), d(e), mode, q)
            for k, inst, field, s, e, mode, q in result.trainings
        ),
    )
    writer.insert(
        Award,
        ["cadre", "name", "date", "decision_number", "issued_by"],
        ((first_cadre + k, name, d(day), number, by) for k, name, day, number, by in result.awards),
    )
    writer.insert(
        Discipline,
        ["cadre", "kind", "date", "reason", "decision_number", "issued_by"],
        (
            (first_cadre + k, kind, d(day), reason, number, by)
            for k, kind, day, reason, number, by in result.disciplines
        ),
    )
    report(
        "training, awards and discipline",
        len(result.trainings) + len(result.awards) + len(result.disciplines),
    )
    return {
        "cadres": n,
        "assignments": len(result.assignments),
        "decisions": len(result.decisions),
        "relatives": len(result.relatives),
        "trainings": len(result.trainings),
        "awards": len(result.awards),
        "disciplines": len(result.disciplines),
    }


def _reset_sequences(models) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


# ---------------------------------------------------------------------------------------------- users
def ensure_demo_users(commune: OrgUnit | None) -> None:
    """The demo accounts: `demo` sees everything, `xa` one commune. Existing accounts are left as they are."""
    User = get_user_model()
    if not User.objects.filter(username=DEMO_USER).exists():
        User.objects.create_superuser(DEMO_USER, "demo@example.org", DEMO_PASSWORD)
    user = User.objects.filter(username=DEMO_COMMUNE_USER).first()
    if user is None:
        user = User.objects.create_user(DEMO_COMMUNE_USER, "xa@example.org", DEMO_PASSWORD)
    if commune is not None and not Membership.objects.filter(user=user).exists():
        Membership.objects.create(user=user, unit=commune, role="viewer")


# ---------------------------------------------------------------------------------------------- entry point
def split_cadres(total: int, weights: list[int]) -> list[int]:
    """Share `total` out in proportion to `weights`, largest remainders first."""
    whole = sum(weights) or 1
    shares = [total * w / whole for w in weights]
    counts = [int(s) for s in shares]
    for i in sorted(range(len(weights)), key=lambda i: counts[i] - shares[i])[: total - sum(counts)]:
        counts[i] += 1
    return counts


def run_demo(
    provinces: Sequence[str],
    cadres: int,
    seed: int,
    *,
    batch_size: int = 5000,
    communes: int | None = None,
    today: dt.date | None = None,
    write: Callable[[str], None] | None = None,
) -> dict:
    """Build the demo on the given provinces; return the counts written and the time taken."""
    report = Reporter(write)
    today = today or timezone.localdate()
    codes = [f"{int(c):02d}" for c in provinces]
    ensure_divisions(codes)
    report("divisions and bodies")
    prepared = []
    with transaction.atomic():
        for code in codes:
            province = OrgUnit.objects.get(code=code)
            if Cadre.objects.filter(code__startswith=code, code__regex=rf"^{code}\d{{7}}$").exists():
                raise RuntimeError(f"Province {code} already has demo cadres; use an empty database.")
            chosen = _communes(province, communes)
            district_of = prepare_history(province, chosen, seed)
            structure, ids = read_structure(province, chosen, district_of, elsewhere_places(code))
            prepared.append((structure, ids))
    report("history of the organization tree (districts until 1 July 2025)")
    weights = [
        sum(p.seats for p in s.posts if p.valid_to == NEVER and s.titles[p.title].exclusive)
        for s, _ in prepared
    ]
    totals = {
        "cadres": 0,
        "assignments": 0,
        "decisions": 0,
        "relatives": 0,
        "trainings": 0,
        "awards": 0,
        "disciplines": 0,
    }
    stats: dict[str, int] = {}
    writer = RowWriter(batch_size)
    for (structure, ids), n in zip(prepared, split_cadres(cadres, weights), strict=True):
        if n <= 0:
            continue
        report(f"province {structure.code} {structure.name}: generating {n:,} cadres")
        result = generate(structure, n, seed, today, progress=lambda phase, count: report(phase, count))
        with transaction.atomic():
            counts = write_result(result, ids, writer, report)
        report("commit (PostgreSQL checks foreign keys here)" if writer.postgres else "commit")
        for key, value in counts.items():
            totals[key] += value
        for key, value in result.stats.items():
            stats[key] = stats.get(key, 0) + value
    _reset_sequences([Decision, Cadre, Assignment])
    # Rows written in bulk pass no signal: one entry records the load as a whole.
    audit.record(AuditAction.BULK, "people.Cadre", "*", f"demo: {totals['cadres']:,} cadres, seed {seed}")
    if writer.postgres:
        # Fresh statistics: without them the planner takes a search matching thousands for one matching a few.
        # VACUUM also sets the visibility map, without which the name-order index is not read alone; it
        # cannot run inside a transaction (a test's), where statistics alone do.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            cursor.execute(command)
        report(f"statistics ({command})")
    first = prepared[0][1]["territory"][1] if prepared and len(prepared[0][1]["territory"]) > 1 else None
    ensure_demo_users(OrgUnit.objects.filter(pk=first).first() if first else None)
    totals["seconds"] = round(report.seconds, 1)
    totals["moves"] = stats
    return totals


def first_commune() -> OrgUnit | None:
    """A commune with cadres for the commune-level sign-in (else the first commune at all)."""
    with_cadres = (
        Cadre.objects.filter(current_position__unit__admin_level="commune")
        .order_by("code")
        .values_list("current_position__unit__territory", flat=True)
        .first()
    )
    if with_cadres:
        return OrgUnit.objects.get(pk=with_cadres)
    return OrgUnit.objects.filter(kind__in=COMMUNE_KINDS).order_by("code").first()


__all__ = [
    "run_demo",
    "ensure_demo_users",
    "first_commune",
    "DEMO_PASSWORD",
    "DEMO_USER",
    "DEMO_COMMUNE_USER",
    "LEVEL_COMMUNE",
]
