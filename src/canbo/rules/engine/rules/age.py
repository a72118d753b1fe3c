"""Retirement age (Decree 135/2020) and the service a person must have left at appointment and rotation."""

import numpy as np

from .. import dates
from ..derive import current, is_promotion, locality, retirement, service_left
from ..facts import PLACING_ACTIONS, Action
from ..results import FAIL, NA, PASS, WARN, Outcome
from ..text import ACTIONS, age_text, date_text, label
from .base import Rule

RETIREMENT_PARAMS = (
    "retirement_base_age_months",
    "retirement_step_months",
    "retirement_final_age_months",
    "retirement_schedule_from_year",
)


def _retirement_facts(person, day, params) -> dict:
    r = retirement(person, params)
    return {
        "gender": person.gender,
        "birth_date": person.birth_date,
        "birth_year_only": person.birth_year_only,
        "retirement_age_months": r.age_months,
        "retirement_date": r.date,
        "service_left_months": dates.months_between(day, r.first_day_after),
    }


class RetirementAge(Rule):
    """The retirement date per person: the end of the month in which the age of the schedule is reached
    (men 60 years 3 months in 2021 rising 3 months a year to 62; women 55 years 4 months rising 4 months a
    year to 60). No one is placed in a post after it; a retirement before it needs its own grounds."""

    code = "retirement_age"
    name_vi = "Tuổi nghỉ hưu"
    name_en = "Retirement age"
    source = "Nghị định 135/2020/NĐ-CP, Điều 4 và Điều 7"
    actions = PLACING_ACTIONS | {Action.RETIREMENT}
    uses = RETIREMENT_PARAMS

    def decide(self, person, target, proposal, params, prepared):
        facts = _retirement_facts(person, proposal.date, params)
        age_vi, age_en = age_text(facts["retirement_age_months"])
        when = date_text(facts["retirement_date"])
        reached = proposal.date > facts["retirement_date"]
        if proposal.action == Action.RETIREMENT:
            if reached:
                return self.result(
                    params,
                    Outcome.PASS,
                    f"Đủ tuổi nghỉ hưu ({age_vi}) từ hết ngày {when}.",
                    f"Reached retirement age ({age_en}) at the end of {when}.",
                    **facts,
                )
            return self.result(
                params,
                Outcome.WARNING,
                f"Chưa đến tuổi nghỉ hưu ({age_vi}, hết ngày {when}): "
                "nghỉ hưu trước tuổi cần có căn cứ riêng.",
                f"Before retirement age ({age_en}, end of {when}): "
                "an early retirement needs its own grounds.",
                **facts,
            )
        action_vi, action_en = label(ACTIONS, proposal.action)
        if reached:
            return self.result(
                params,
                Outcome.FAIL,
                f"Đã đến tuổi nghỉ hưu ({age_vi}), nghỉ hưu từ hết ngày {when}: không thể {action_vi}.",
                f"Reached retirement age ({age_en}) and retired at the end of {when}: no {action_en} "
                "is possible.",
                **facts,
            )
        return self.result(
            params,
            Outcome.PASS,
            f"Nghỉ hưu khi đủ {age_vi}, hết ngày {when}; còn {facts['service_left_months']} tháng công tác.",
            f"Retires at {age_en}, at the end of {when}; "
            f"{facts['service_left_months']} months of service left.",
            **facts,
        )

    def decide_many(self, frame, prepared):
        reached = frame.day_index > frame.retirement_index
        if frame.proposal.action == Action.RETIREMENT:
            return np.where(reached, PASS, WARN).astype(np.int8)
        return np.where(reached, FAIL, PASS).astype(np.int8)


class ServiceBeforeAppointment(Rule):
    """At a first or higher appointment, at least 60 months of service must be left before retirement,
    counted from the day the file is received (the proposal date)."""

    code = "service_before_appointment"
    name_vi = "Thời gian công tác còn lại khi bổ nhiệm"
    name_en = "Service left at appointment"
    source = "Hướng dẫn 06-HD/BTCTW"
    actions = frozenset({Action.APPOINTMENT, Action.TRANSFER, Action.SECONDMENT})
    uses = ("appointment_min_service_months", *RETIREMENT_PARAMS)

    def decide(self, person, target, proposal, params, prepared):
        if not is_promotion(current(person, proposal.date), target):
            return self.result(
                params,
                Outcome.NOT_APPLICABLE,
                "Không phải bổ nhiệm lần đầu hay bổ nhiệm chức vụ cao hơn.",
                "Neither a first nor a higher appointment.",
            )
        facts = _retirement_facts(person, proposal.date, params)
        left, minimum = facts["service_left_months"], params["appointment_min_service_months"]
        when = date_text(facts["retirement_date"])
        if left >= minimum:
            return self.result(
                params,
                Outcome.PASS,
                f"Còn {left} tháng công tác đến khi nghỉ hưu (hết ngày {when}), "
                f"đủ tối thiểu {minimum} tháng.",
                f"{left} months of service left until retirement (end of {when}), at least {minimum}.",
                **facts,
            )
        return self.result(
            params,
            Outcome.FAIL,
            f"Chỉ còn {left} tháng công tác đến khi nghỉ hưu (hết ngày {when}), ít hơn {minimum} tháng bắt "
            f"buộc khi bổ nhiệm lần đầu hoặc bổ nhiệm chức vụ cao hơn (tính từ ngày nhận hồ sơ "
            f"{date_text(proposal.date)}).",
            f"Only {left} months of service left until retirement (end of {when}), fewer than the {minimum} "
            f"required at a first or higher appointment (counted from {date_text(proposal.date)}).",
            **facts,
        )

    def decide_many(self, frame, prepared):
        out = np.where(frame.service_left >= frame.params["appointment_min_service_months"], PASS, FAIL)
        out[~frame.promotion] = NA
        return out.astype(np.int8)


class ServiceBeforeRotation(Rule):
    """A rotated cadre must have at least 120 months of service left, or 60 (one term) when the move serves
    the non-local or two-term rule: the target is a non-local post the person is not local to, or the person
    leaves a head post held for two terms, or a non-local post in their own locality."""

    code = "service_before_rotation"
    name_vi = "Thời gian công tác còn lại khi luân chuyển"
    name_en = "Service left at rotation"
    source = "Quy định 65-QĐ/TW (2022)"
    actions = frozenset({Action.ROTATION})
    uses = (
        "rotation_min_service_months",
        "rotation_reduced_service_months",
        "term_limit_months",
        "non_local_includes_residence",
        *RETIREMENT_PARAMS,
    )

    def grounds(self, person, target, day, params) -> list[str]:
        found = []
        territory = target.unit.territory_id
        if target.title.non_local and territory is not None and not any(locality(person, territory, params)):
            found.append("non_local_target")
        now = current(person, day)
        if now is not None:
            post = now.holding.post
            if post.title.is_head and dates.months_between(now.since, day) >= params["term_limit_months"]:
                found.append("two_terms")
            if post.title.non_local and any(locality(person, post.unit.territory_id, params)):
                found.append("local_head")
        return found

    def decide(self, person, target, proposal, params, prepared):
        grounds = self.grounds(person, target, proposal.date, params)
        key = "rotation_reduced_service_months" if grounds else "rotation_min_service_months"
        minimum = params[key]
        left = service_left(person, proposal.date, params)
        facts = {**_retirement_facts(person, proposal.date, params), "grounds": grounds, "threshold": key}
        why_vi = " (luân chuyển để thực hiện bố trí người không phải địa phương hoặc do đủ hai nhiệm kỳ)"
        why_en = " (the rotation serves the non-local or the two-term rule)"
        if left >= minimum:
            return self.result(
                params,
                Outcome.PASS,
                f"Còn {left} tháng công tác, đủ tối thiểu {minimum} tháng khi luân chuyển"
                f"{why_vi if grounds else ''}.",
                f"{left} months of service left, at least the {minimum} required for a rotation"
                f"{why_en if grounds else ''}.",
                **facts,
            )
        return self.result(
            params,
            Outcome.FAIL,
            f"Chỉ còn {left} tháng công tác, ít hơn {minimum} tháng bắt buộc khi luân chuyển"
            f"{why_vi if grounds else ''}.",
            f"Only {left} months of service left, fewer than the {minimum} required for a rotation"
            f"{why_en if grounds else ''}.",
            **facts,
        )

    def decide_many(self, frame, prepared):
        params, pop = frame.params, frame.pop
        reduced = np.zeros(frame.n, dtype=bool)
        target = frame.target
        if target.title.non_local and target.unit.territory_id is not None:
            reduced |= ~frame.local_to(target.unit.territory_id)
        has = frame.current >= 0
        head = frame.of_current(pop.h_head, False)
        reduced |= has & head & (frame.months_in_current >= params["term_limit_months"])
        reduced |= has & frame.of_current(pop.h_non_local, False) & frame.local_to_current
        minimum = np.where(
            reduced, params["rotation_reduced_service_months"], params["rotation_min_service_months"]
        )
        return np.where(frame.service_left >= minimum, PASS, FAIL).astype(np.int8)
