"""The planning rules of Regulation 377-QĐ/TW, each answering a rules-engine Result with its reason in
Vietnamese and English: only higher titles, at most 3 cadres per title, at most 3 titles of one level per
cadre, a full term before retirement, no discipline from reprimand up, not together with an appointment."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from canbo.rules.engine import Outcome, Person, Post, Result, Severity, Title, retirement
from canbo.rules.engine.dates import add_months, months_between
from canbo.rules.engine.derive import current
from canbo.rules.engine.population import seniority
from canbo.rules.engine.text import DISCIPLINES, date_text, label

SOURCE = "Quy định 377-QĐ/TW (8/10/2025); Quy định 50-QĐ/TW (2021)"
LEVELS = {
    "central": ("Trung ương", "central"),
    "province": ("tỉnh", "province"),
    "district": ("huyện", "district"),
    "commune": ("xã", "commune"),
}
NAMES = {
    "higher_title": ("Chức danh cao hơn", "Higher title"),
    "cadres_per_title": ("Số người quy hoạch một chức danh", "Cadres planned for one title"),
    "titles_per_level": ("Số chức danh cùng cấp của một người", "Titles of one level per cadre"),
    "full_term": ("Đủ tuổi công tác trọn một nhiệm kỳ", "Age for a full term"),
    "discipline": ("Không bị kỷ luật từ khiển trách trở lên", "No discipline from reprimand up"),
    "appointment": ("Không đồng thời với bổ nhiệm", "Not together with an appointment"),
}


@dataclass(frozen=True, slots=True)
class Term:
    name: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class Planned:
    """Someone planned (active entry) for `title` at unit `unit_id`."""

    person_id: int
    person_name: str
    unit_id: int
    title: Title


@dataclass(frozen=True, slots=True)
class Appointment:
    """An appointment or election of the candidate (`proposed`: a proposal not decided yet)."""

    date: dt.date
    title_name: str
    proposed: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    person: Person
    appointments: tuple[Appointment, ...] = ()


def _result(code: str, outcome: Outcome, vi: str, en: str, **facts) -> Result:
    name_vi, name_en = NAMES[code]
    return Result(code, name_vi, name_en, Severity.HARD, outcome, vi, en, facts, {}, SOURCE)


def _title_en(title: Title) -> str:
    return title.name_en or title.name


def higher_title(candidate: Candidate, slot: Post, day: dt.date) -> Result:
    now = current(candidate.person, day)
    if now is None:
        return _result(
            "higher_title",
            Outcome.PASS,
            "Chưa giữ chức vụ: mọi chức danh đều cao hơn.",
            "Holds no post: every title is higher.",
        )
    held = now.holding.post.title
    facts = {"current_title": held.code, "target_title": slot.title.code}
    if seniority(slot) < seniority(now.holding.post):
        return _result(
            "higher_title",
            Outcome.PASS,
            f"{slot.title.name} cao hơn chức vụ hiện tại ({held.name}).",
            f"{_title_en(slot.title)} is above the current post ({_title_en(held)}).",
            **facts,
        )
    return _result(
        "higher_title",
        Outcome.FAIL,
        f"Chỉ quy hoạch chức danh cao hơn: {slot.title.name} không cao hơn chức vụ hiện tại ({held.name}).",
        f"Only higher titles are planned: {_title_en(slot.title)} is not above the current post "
        f"({_title_en(held)}).",
        **facts,
    )


def cadres_per_title(
    candidate: Candidate, slot: Post, others: tuple[Planned, ...], params: Mapping[str, Any]
) -> Result:
    """`others`: everyone planned for the slot in the term, the candidate excluded."""
    limit = params["max_cadres_per_title"]
    names = sorted(p.person_name for p in others if p.person_id != candidate.person.id)
    facts = {"planned": names, "limit": limit}
    where = f"{slot.title.name} ({slot.unit.name})"
    where_en = f"{_title_en(slot.title)} ({slot.unit.name})"
    if len(names) >= limit:
        return _result(
            "cadres_per_title",
            Outcome.FAIL,
            f"{where} đã có {len(names)} người trong quy hoạch ({', '.join(names)}): tối đa {limit} người "
            "cho một chức danh.",
            f"{where_en} already has {len(names)} cadres planned ({', '.join(names)}): at most {limit} per "
            "title.",
            **facts,
        )
    return _result(
        "cadres_per_title",
        Outcome.PASS,
        f"{where} có {len(names)} người trong quy hoạch (tối đa {limit}).",
        f"{where_en} has {len(names)} cadres planned (at most {limit}).",
        **facts,
    )


def titles_per_level(
    candidate: Candidate, slot: Post, own: tuple[Planned, ...], params: Mapping[str, Any]
) -> Result:
    """`own`: the candidate's other active planning entries."""
    limit = params["max_titles_per_level"]
    same = sorted(
        {p.title.name for p in own if p.title.level == slot.title.level and p.title.code != slot.title.code}
    )
    level_vi, level_en = label(LEVELS, slot.title.level)
    facts = {"same_level_titles": same, "limit": limit}
    if len(same) >= limit:
        return _result(
            "titles_per_level",
            Outcome.FAIL,
            f"Đã trong quy hoạch {len(same)} chức danh cấp {level_vi} ({', '.join(same)}): tối đa {limit}.",
            f"Already planned for {len(same)} {level_en}-level titles ({', '.join(same)}): at most {limit}.",
            **facts,
        )
    return _result(
        "titles_per_level",
        Outcome.PASS,
        f"Đang trong quy hoạch {len(same)} chức danh khác cấp {level_vi} (tối đa {limit}).",
        f"Planned for {len(same)} other {level_en}-level titles (at most {limit}).",
        **facts,
    )


def full_term(candidate: Candidate, term: Term, params: Mapping[str, Any], rule_params) -> Result:
    need = params["full_term_months"]
    retires = retirement(candidate.person, rule_params)
    left = months_between(term.start, retires.first_day_after)
    facts = {"term_start": term.start, "retirement_date": retires.date, "months_left": left, "need": need}
    if left < need:
        return _result(
            "full_term",
            Outcome.FAIL,
            f"Nghỉ hưu ngày {date_text(retires.date)}: từ đầu nhiệm kỳ {term.name} ({date_text(term.start)}) "
            f"còn {max(left, 0)} tháng, không đủ {need} tháng của một nhiệm kỳ.",
            f"Retires on {date_text(retires.date)}: {max(left, 0)} months from the start of the {term.name} "
            f"term ({date_text(term.start)}), short of a full term of {need} months.",
            **facts,
        )
    return _result(
        "full_term",
        Outcome.PASS,
        f"Nghỉ hưu ngày {date_text(retires.date)}: còn {left} tháng từ đầu nhiệm kỳ (cần {need}).",
        f"Retires on {date_text(retires.date)}: {left} months from the start of the term ({need} needed).",
        **facts,
    )


def discipline(
    candidate: Candidate, term: Term, day: dt.date, params: Mapping[str, Any], rule_params
) -> Result:
    """Barred by discipline from reprimand up given during the term, or whose waiting period runs on `day`."""
    waits = rule_params["discipline_wait_months"]
    barring = set(params["barring_disciplines"])
    found_vi, found_en = [], []
    for record in sorted(candidate.person.disciplines, key=lambda r: r.date):
        if record.kind not in barring or record.date > day:
            continue
        kind_vi, kind_en = label(DISCIPLINES, record.kind)
        if record.date >= term.start:
            found_vi.append(f"{kind_vi} ngày {date_text(record.date)}, trong nhiệm kỳ")
            found_en.append(f"{kind_en} on {date_text(record.date)}, within the term")
        elif record.kind not in waits:
            found_vi.append(f"{kind_vi} ngày {date_text(record.date)}")
            found_en.append(f"{kind_en} on {date_text(record.date)}")
        elif day < (until := add_months(record.date, waits[record.kind])):
            found_vi.append(
                f"{kind_vi} ngày {date_text(record.date)}, chưa hết thời hạn đến {date_text(until)}"
            )
            found_en.append(f"{kind_en} on {date_text(record.date)}, waiting until {date_text(until)}")
    if found_vi:
        return _result(
            "discipline",
            Outcome.FAIL,
            "Bị kỷ luật: " + "; ".join(found_vi) + ".",
            "Disciplined: " + "; ".join(found_en) + ".",
            disciplines=found_en,
        )
    return _result(
        "discipline",
        Outcome.PASS,
        "Không bị kỷ luật từ khiển trách trở lên trong thời hạn xem xét.",
        "No discipline from reprimand up within the period considered.",
    )


def appointment(candidate: Candidate, day: dt.date, params: Mapping[str, Any]) -> Result:
    gap = dt.timedelta(days=params["appointment_gap_days"])
    close = [a for a in candidate.appointments if a.proposed or a.date >= day - gap]
    if close:
        listed_vi = "; ".join(f"{a.title_name} ngày {date_text(a.date)}" for a in close)
        return _result(
            "appointment",
            Outcome.FAIL,
            f"Đang có bổ nhiệm, bầu cử ({listed_vi}): không quy hoạch đồng thời với bổ nhiệm.",
            f"An appointment or election is under way ({listed_vi}): planning is not decided together with "
            "an appointment.",
            appointments=[{"date": a.date, "title": a.title_name} for a in close],
        )
    return _result(
        "appointment",
        Outcome.PASS,
        "Không có đề xuất bổ nhiệm cùng thời điểm.",
        "No appointment proposed at the same time.",
    )


def check_entry(
    candidate: Candidate,
    slot: Post,
    term: Term,
    day: dt.date,
    others: tuple[Planned, ...],
    own: tuple[Planned, ...],
    params: Mapping[str, Any],
    rule_params,
) -> tuple[Result, ...]:
    """Every planning rule for adding `candidate` to the planning of `slot` on `day`."""
    return (
        higher_title(candidate, slot, day),
        cadres_per_title(candidate, slot, others, params),
        titles_per_level(candidate, slot, own, params),
        full_term(candidate, term, params, rule_params),
        discipline(candidate, term, day, params, rule_params),
        appointment(candidate, day, params),
    )


def review_entry(
    candidate: Candidate, slot: Post, term: Term, day: dt.date, params, rule_params
) -> tuple[Result, ...]:
    """The yearly review's checks, the standards a planned cadre can fall out of: the failures are why the
    cadre is flagged."""
    return (
        higher_title(candidate, slot, day),
        full_term(candidate, term, params, rule_params),
        discipline(candidate, term, day, params, rule_params),
    )


def blocking(results: tuple[Result, ...]) -> tuple[Result, ...]:
    return tuple(r for r in results if r.outcome == Outcome.FAIL)
