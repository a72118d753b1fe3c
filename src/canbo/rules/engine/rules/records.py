"""Rules on the person's record: discipline, title standards, evaluations and planning."""

from dataclasses import dataclass

import numpy as np

from .. import dates
from ..derive import current, is_promotion
from ..facts import MOVES, Action
from ..params import STANDARD_FIELDS
from ..results import FAIL, NA, PASS, WARN, Outcome, Severity
from ..text import DEGREES, DISCIPLINES, GRADES, POLITICAL_THEORY, STATE_MANAGEMENT, date_text, label
from .base import Rule

# Actions that count as a higher appointment when the target ranks above the current post.
HIGHER_ACTIONS = frozenset({Action.APPOINTMENT}) | MOVES


def _not_higher(rule: Rule, params):
    return rule.result(
        params,
        Outcome.NOT_APPLICABLE,
        "Không phải bổ nhiệm lần đầu hay bổ nhiệm chức vụ cao hơn.",
        "Neither a first nor a higher appointment.",
    )


class Discipline(Rule):
    """Before a higher appointment, a disciplined cadre waits 24 months after a reprimand, 36 after a
    warning and 60 after removal from post (from the date of the discipline)."""

    code = "discipline"
    name_vi = "Thời hạn sau kỷ luật"
    name_en = "Waiting period after discipline"
    source = "Hướng dẫn 06-HD/BTCTW"
    actions = HIGHER_ACTIONS
    uses = ("discipline_wait_months",)

    def decide(self, person, target, proposal, params, prepared):
        if not is_promotion(current(person, proposal.date), target):
            return _not_higher(self, params)
        waits = params["discipline_wait_months"]
        day = proposal.date
        waiting, unknown, served = [], [], []
        for record in person.disciplines:
            if record.date > day:
                continue
            kind_vi, kind_en = label(DISCIPLINES, record.kind)
            if record.kind not in waits:
                unknown.append((record, kind_vi, kind_en))
                continue
            until = dates.add_months(record.date, waits[record.kind])
            (waiting if day < until else served).append((record, kind_vi, kind_en, waits[record.kind], until))
        facts = {
            "disciplines": [
                {"kind": r.kind, "date": r.date, "wait_months": waits.get(r.kind)}
                for r in person.disciplines
                if r.date <= day
            ],
        }
        if waiting:
            return self.result(
                params,
                Outcome.FAIL,
                "; ".join(
                    f"Bị kỷ luật {kvi} ngày {date_text(r.date)}, chưa hết thời hạn {w} tháng "
                    f"(đến {date_text(until)})"
                    for r, kvi, _ken, w, until in waiting
                )
                + ": chưa được bổ nhiệm chức vụ cao hơn.",
                "; ".join(
                    f"Disciplined ({ken}) on {date_text(r.date)}, within the {w}-month waiting period "
                    f"(until {date_text(until)})"
                    for r, _kvi, ken, w, until in waiting
                )
                + ": no higher appointment yet.",
                **facts,
            )
        if unknown:
            return self.result(
                params,
                Outcome.WARNING,
                "; ".join(f"Kỷ luật {kvi} ngày {date_text(r.date)}" for r, kvi, _ken in unknown)
                + ": hình thức này chưa có thời hạn chờ trong thiết lập, cần xem xét trực tiếp.",
                "; ".join(f"Disciplined ({ken}) on {date_text(r.date)}" for r, _kvi, ken in unknown)
                + ": this form has no waiting period in the settings; check it by hand.",
                **facts,
            )
        if served:
            return self.result(
                params,
                Outcome.PASS,
                "Đã hết thời hạn chờ sau kỷ luật ("
                + "; ".join(f"{kvi} ngày {date_text(r.date)}" for r, kvi, _ken, _w, _u in served)
                + ").",
                "Every waiting period after discipline is over ("
                + "; ".join(f"{ken} on {date_text(r.date)}" for r, _kvi, ken, _w, _u in served)
                + ").",
                **facts,
            )
        return self.result(params, Outcome.PASS, "Không bị kỷ luật.", "No discipline on record.", **facts)

    def decide_many(self, frame, prepared):
        pop = frame.pop
        waits = frame.params["discipline_wait_months"]
        past = pop.d_ordinal <= frame.day
        elapsed = dates.months_between_array(pop.d_index, pop.d_day, frame.day_index, frame.day_day)
        known = np.zeros(len(pop.d_kind), dtype=bool)
        failing = np.zeros(len(pop.d_kind), dtype=bool)
        for kind, wait in waits.items():
            rows = pop.d_kind == pop.codes.get(kind)
            known |= rows
            failing |= rows & past & (elapsed < wait)
        out = frame.filled(PASS)
        out[pop.any_of(pop.d_owner, past & ~known)] = WARN
        out[pop.any_of(pop.d_owner, failing)] = FAIL
        out[~frame.promotion] = NA
        return out


FIELDS = {
    "degree": (DEGREES, "trình độ chuyên môn", "professional degree"),
    "political_theory": (POLITICAL_THEORY, "lý luận chính trị", "political theory"),
    "state_management": (STATE_MANAGEMENT, "quản lý nhà nước", "state management"),
}


@dataclass(frozen=True, slots=True)
class _Standard:
    key: str
    requirement: dict[str, str]


class TitleStandards(Rule):
    """Minimum professional degree, political theory and state-management levels for the title. The
    standard is looked up by title code, then "<level>:key" for key posts, then "<level>"."""

    code = "title_standards"
    name_vi = "Tiêu chuẩn chức danh"
    name_en = "Title standards"
    severity = Severity.SOFT
    source = "Quy định 365-QĐ/TW (30/8/2025); trước đó Quy định 214-QĐ/TW (2020)"
    uses = ("title_standards",)

    def prepare(self, target, proposal, ctx, params):
        standards = params["title_standards"]
        title = target.title
        keys = [title.code, *([f"{title.level}:key"] if title.is_key else []), title.level]
        key = next((k for k in keys if k in standards), None)
        return None if key is None else _Standard(key, standards[key])

    def decide(self, person, target, proposal, params, standard: _Standard | None):
        if standard is None:
            return self.result(
                params,
                Outcome.NOT_APPLICABLE,
                f"Chưa thiết lập tiêu chuẩn cho chức danh {target.title.name}.",
                f"No standard is set for the title {target.title.name_en or target.title.name}.",
            )
        short_vi, short_en, met_vi, met_en = [], [], [], []
        for field, minimum in standard.requirement.items():
            names, field_vi, field_en = FIELDS[field]
            have = getattr(person, field)
            need_vi, need_en = label(names, minimum)
            have_vi, have_en = label(names, have)
            if STANDARD_FIELDS[field].get(have, 0) < STANDARD_FIELDS[field][minimum]:
                short_vi.append(f"{field_vi} cần {need_vi}, hiện có {have_vi}")
                short_en.append(f"{field_en} needs {need_en}, has {have_en}")
            else:
                met_vi.append(f"{field_vi} {have_vi}")
                met_en.append(f"{field_en} {have_en}")
        day = proposal.date
        studying = [
            t
            for t in person.trainings
            if (t.start is None or t.start <= day) and (t.end is None or day < t.end)
        ]
        facts = {
            "standard": standard.key,
            "requirement": standard.requirement,
            "degree": person.degree,
            "political_theory": person.political_theory,
            "state_management": person.state_management,
            "trainings_in_progress": [{"name": t.name, "start": t.start, "end": t.end} for t in studying],
        }
        if short_vi:
            note_vi = f" Đang học: {', '.join(t.name for t in studying)}." if studying else ""
            note_en = f" In training: {', '.join(t.name for t in studying)}." if studying else ""
            return self.result(
                params,
                Outcome.FAIL,
                f"Chưa đạt tiêu chuẩn chức danh {target.title.name}: {'; '.join(short_vi)}.{note_vi}",
                f"Below the standard of {target.title.name_en or target.title.name}: {'; '.join(short_en)}."
                f"{note_en}",
                **facts,
            )
        return self.result(
            params,
            Outcome.PASS,
            f"Đạt tiêu chuẩn chức danh {target.title.name}: {', '.join(met_vi)}.",
            f"Meets the standard of {target.title.name_en or target.title.name}: {', '.join(met_en)}.",
            **facts,
        )

    def decide_many(self, frame, standard: _Standard | None):
        if standard is None:
            return frame.filled(NA)
        pop = frame.pop
        columns = {"degree": pop.degree, "political_theory": pop.theory, "state_management": pop.management}
        short = np.zeros(frame.n, dtype=bool)
        for field, minimum in standard.requirement.items():
            short |= columns[field] < STANDARD_FIELDS[field][minimum]
        return np.where(short, FAIL, PASS).astype(np.int8)


class EvaluationHistory(Rule):
    """No failing grade ("not completed") in the evaluations of the last two years before the proposal."""

    code = "evaluation"
    name_vi = "Kết quả đánh giá, xếp loại"
    name_en = "Evaluation history"
    source = "Quy định 366-QĐ/TW (30/8/2025); Nghị định 335/2025/NĐ-CP"
    actions = frozenset({Action.APPOINTMENT, Action.REAPPOINTMENT}) | MOVES
    uses = ("evaluation_years", "evaluation_failing_grades")

    def decide(self, person, target, proposal, params, prepared):
        years = [proposal.date.year - k for k in range(1, params["evaluation_years"] + 1)]
        listed = ", ".join(str(y) for y in years)
        if person.evaluations is None:
            return self.result(
                params,
                Outcome.WARNING,
                f"Chưa có dữ liệu đánh giá, xếp loại (năm {listed}): cần đối chiếu trực tiếp.",
                f"No evaluation data yet (years {listed}): check by hand.",
                years=years,
                data=False,
            )
        failing = set(params["evaluation_failing_grades"])
        grades = {year: person.evaluations.get(year) for year in years}
        facts = {"years": years, "grades": grades, "data": True}
        failed = [y for y, g in grades.items() if g in failing]
        if failed:
            return self.result(
                params,
                Outcome.FAIL,
                "Xếp loại "
                + "; ".join(f"năm {y}: {label(GRADES, grades[y])[0]}" for y in failed)
                + f" trong {len(years)} năm gần nhất.",
                "Graded "
                + "; ".join(f"{label(GRADES, grades[y])[1]} in {y}" for y in failed)
                + f" within the last {len(years)} years.",
                **facts,
            )
        missing = [y for y, g in grades.items() if g is None]
        if missing:
            listed_missing = ", ".join(str(y) for y in missing)
            return self.result(
                params,
                Outcome.WARNING,
                f"Thiếu kết quả đánh giá năm {listed_missing}: cần đối chiếu trực tiếp.",
                f"No evaluation for {listed_missing}: check by hand.",
                **facts,
            )
        return self.result(
            params,
            Outcome.PASS,
            "Xếp loại " + "; ".join(f"năm {y}: {label(GRADES, g)[0]}" for y, g in grades.items()) + ".",
            "Graded " + "; ".join(f"{label(GRADES, g)[1]} in {y}" for y, g in grades.items()) + ".",
            **facts,
        )

    def decide_many(self, frame, prepared):
        pop, params = frame.pop, frame.params
        years = [frame.proposal.date.year - k for k in range(1, params["evaluation_years"] + 1)]
        in_window = np.isin(pop.e_year, years)
        failing = in_window & np.isin(pop.e_grade, pop.codes.many(params["evaluation_failing_grades"]))
        present = np.bincount(pop.e_owner[in_window], minlength=frame.n)
        out = np.where(present < len(years), WARN, PASS).astype(np.int8)
        out[pop.any_of(pop.e_owner, failing)] = FAIL
        out[~pop.has_evaluations] = WARN
        return out


class Planning(Rule):
    """A higher appointment goes to someone planned for the title; only planned cadres are rotated. While
    there is no planning data at all the rule warns instead of failing."""

    code = "planning"
    name_vi = "Quy hoạch"
    name_en = "Planning"
    severity = Severity.SOFT
    source = "Quy định 377-QĐ/TW (8/10/2025), thay Quy định 50-QĐ/TW (2021) và 80-QĐ/TW (2022)"
    actions = HIGHER_ACTIONS

    def decide(self, person, target, proposal, params, prepared):
        rotation = proposal.action == Action.ROTATION
        if not rotation and not is_promotion(current(person, proposal.date), target):
            return _not_higher(self, params)
        if person.planning is None:
            return self.result(
                params,
                Outcome.WARNING,
                "Chưa có dữ liệu quy hoạch: cần đối chiếu trực tiếp.",
                "No planning data yet: check by hand.",
                data=False,
            )
        active = [e for e in person.planning if e.active_on(proposal.date)]
        facts = {"data": True, "planned_titles": [e.title_code for e in active]}
        if rotation:
            if active:
                return self.result(
                    params,
                    Outcome.PASS,
                    f"Trong quy hoạch ({', '.join(e.title_code for e in active)}).",
                    f"In the planning ({', '.join(e.title_code for e in active)}).",
                    **facts,
                )
            return self.result(
                params,
                Outcome.FAIL,
                "Không trong quy hoạch nào còn hiệu lực: chỉ luân chuyển cán bộ trong quy hoạch.",
                "In no current planning: only planned cadres are rotated.",
                **facts,
            )
        matching = [
            e
            for e in active
            if e.title_code == target.title.code and (e.unit_id is None or e.unit_id == target.unit.id)
        ]
        if matching:
            period = f"{date_text(matching[0].start)}–{date_text(matching[0].end)}"
            return self.result(
                params,
                Outcome.PASS,
                f"Trong quy hoạch chức danh {target.title.name} ({period}).",
                f"Planned for {target.title.name_en or target.title.name} ({period}).",
                **facts,
            )
        return self.result(
            params,
            Outcome.FAIL,
            f"Không trong quy hoạch chức danh {target.title.name} còn hiệu lực ngày "
            f"{date_text(proposal.date)}.",
            f"Not planned for {target.title.name_en or target.title.name} on {date_text(proposal.date)}.",
            **facts,
        )

    def decide_many(self, frame, prepared):
        pop = frame.pop
        active = (pop.p_start <= frame.day) & (frame.day <= pop.p_end)
        if frame.proposal.action != Action.ROTATION:
            active &= pop.p_title == pop.codes.get(frame.target.title.code)
            active &= (pop.p_unit == -1) | (pop.p_unit == frame.target.unit.id)
        out = np.where(pop.any_of(pop.p_owner, active), PASS, FAIL).astype(np.int8)
        out[~pop.has_planning] = WARN
        if frame.proposal.action != Action.ROTATION:
            out[~frame.promotion] = NA
        return out
