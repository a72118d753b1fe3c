"""Time in posts: two consecutive terms, time in the current post, the length of a rotation and the return."""

import numpy as np

from .. import dates
from ..derive import current, is_promotion, retirement, same_post_since
from ..facts import MOVES, Action
from ..population import OPEN
from ..results import FAIL, NA, PASS, WARN, Outcome, Severity
from ..text import date_text
from .age import RETIREMENT_PARAMS
from .base import Rule


class TermLimit(Rule):
    """A head who has held the same post in the same unit without a break for two terms (96 months) is due
    for rotation and is not appointed to it again."""

    code = "term_limit"
    name_vi = "Giữ một chức vụ hai nhiệm kỳ liên tiếp"
    name_en = "Two consecutive terms"
    source = "Quy định 65-QĐ/TW (2022); trước đó Quy định 98-QĐ/TW (2017)"
    actions = frozenset({Action.APPOINTMENT, Action.REAPPOINTMENT})
    uses = ("term_limit_months",)

    def decide(self, person, target, proposal, params, prepared):
        if not target.title.is_head:
            return self.result(
                params,
                Outcome.NOT_APPLICABLE,
                f"{target.title.name} không phải chức vụ người đứng đầu.",
                f"{target.title.name_en or target.title.name} is not a head post.",
            )
        since = same_post_since(person, target, proposal.date)
        if since is None:
            return self.result(
                params,
                Outcome.NOT_APPLICABLE,
                f"Không đang giữ chức vụ {target.label_vi}.",
                f"Does not hold {target.label_en}.",
            )
        limit = params["term_limit_months"]
        months = dates.months_between(since, proposal.date)
        due = dates.add_months(since, limit)
        facts = {"post": target.label_vi, "held_since": since, "months_held": months, "due_on": due}
        if months >= limit:
            return self.result(
                params,
                Outcome.FAIL,
                f"Đã giữ chức vụ {target.label_vi} liên tục {months} tháng (từ {date_text(since)}), đủ hai "
                f"nhiệm kỳ ({limit} tháng) từ {date_text(due)}: "
                "đến thời hạn luân chuyển, không bổ nhiệm lại.",
                f"Has held {target.label_en} without a break for {months} months (since {date_text(since)}), "
                f"two terms ({limit} months) since {date_text(due)}: "
                "due for rotation, not to be re-appointed.",
                **facts,
            )
        return self.result(
            params,
            Outcome.PASS,
            f"Giữ chức vụ {target.label_vi} liên tục {months} tháng (từ {date_text(since)}), chưa đủ hai "
            f"nhiệm kỳ ({limit} tháng, đến {date_text(due)}).",
            f"Has held {target.label_en} for {months} months (since {date_text(since)}), short of two terms "
            f"({limit} months, reached on {date_text(due)}).",
            **facts,
        )

    def decide_many(self, frame, prepared):
        if not frame.target.title.is_head:
            return frame.filled(NA)
        pop = frame.pop
        rows = np.flatnonzero(
            frame.held
            & (pop.h_unit == frame.target.unit.id)
            & (pop.h_title == pop.codes.get(frame.target.title.code))
        )
        since = np.full(frame.n, OPEN, dtype=np.int64)
        np.minimum.at(since, pop.h_owner[rows], pop.h_since[rows])
        holds = since != OPEN
        months = frame.months_since(np.where(holds, since, frame.day))
        out = np.where(months >= frame.params["term_limit_months"], FAIL, PASS).astype(np.int8)
        out[~holds] = NA
        return out


class TimeInPost(Rule):
    """Before a higher post, at least 24 months in the current one (back-to-back terms count together)."""

    code = "time_in_post"
    name_vi = "Thời gian giữ chức vụ hiện tại"
    name_en = "Time in the current post"
    severity = Severity.SOFT
    source = "Hướng dẫn 06-HD/BTCTW"
    actions = frozenset({Action.APPOINTMENT}) | MOVES
    uses = ("min_months_in_current_post",)

    def decide(self, person, target, proposal, params, prepared):
        now = current(person, proposal.date)
        if now is None:
            return self.result(
                params,
                Outcome.NOT_APPLICABLE,
                "Chưa giữ chức vụ nào: bổ nhiệm lần đầu.",
                "Holds no post: a first appointment.",
            )
        if not is_promotion(now, target):
            return self.result(
                params,
                Outcome.NOT_APPLICABLE,
                "Không phải bổ nhiệm chức vụ cao hơn.",
                "Not a higher appointment.",
            )
        minimum = params["min_months_in_current_post"]
        months = dates.months_between(now.since, proposal.date)
        post = now.holding.post
        facts = {
            "current_post": post.label_vi,
            "held_since": now.since,
            "months_held": months,
            "enough_on": dates.add_months(now.since, minimum),
        }
        if months >= minimum:
            return self.result(
                params,
                Outcome.PASS,
                f"Đã giữ chức vụ {post.label_vi} {months} tháng (từ {date_text(now.since)}), "
                f"đủ {minimum} tháng.",
                f"Has held {post.label_en} for {months} months (since {date_text(now.since)}), at least "
                f"{minimum}.",
                **facts,
            )
        return self.result(
            params,
            Outcome.FAIL,
            f"Mới giữ chức vụ {post.label_vi} {months} tháng (từ {date_text(now.since)}), chưa đủ {minimum} "
            f"tháng trước khi bổ nhiệm chức vụ cao hơn; đủ từ {date_text(facts['enough_on'])}.",
            f"Has held {post.label_en} for only {months} months (since {date_text(now.since)}), fewer than "
            f"{minimum} before a higher post; enough from {date_text(facts['enough_on'])}.",
            **facts,
        )

    def decide_many(self, frame, prepared):
        minimum = frame.params["min_months_in_current_post"]
        out = np.where(frame.months_in_current >= minimum, PASS, FAIL).astype(np.int8)
        out[(frame.current < 0) | ~frame.promotion] = NA
        return out


class RotationPeriod(Rule):
    """A rotation lasts at least 36 months and has a planned end (return or new post) before retirement;
    a return comes after the rotation has lasted that long."""

    code = "rotation_period"
    name_vi = "Thời hạn luân chuyển và ngày trở về"
    name_en = "Rotation period and return date"
    severity = Severity.SOFT
    source = "Quy định 65-QĐ/TW (2022)"
    actions = frozenset({Action.ROTATION, Action.RETURN})
    uses = ("rotation_min_months", *RETIREMENT_PARAMS)

    def decide(self, person, target, proposal, params, prepared):
        if proposal.action == Action.RETURN:
            return self._return(person, proposal, params)
        minimum = params["rotation_min_months"]
        planned = proposal.planned_return
        if planned is None:
            return self.result(
                params,
                Outcome.FAIL,
                "Chưa có ngày dự kiến kết thúc luân chuyển (trở về hoặc bố trí công tác mới).",
                "No planned end of the rotation (return or new post) is given.",
            )
        months = dates.months_between(proposal.date, planned)
        retires = retirement(person, params).date
        facts = {"planned_return": planned, "months_planned": months, "retirement_date": retires}
        if months < minimum:
            return self.result(
                params,
                Outcome.FAIL,
                f"Thời gian luân chuyển dự kiến {months} tháng (đến {date_text(planned)}), "
                "ngắn hơn tối thiểu "
                f"{minimum} tháng.",
                f"The planned rotation lasts {months} months (to {date_text(planned)}), shorter than the "
                f"minimum of {minimum}.",
                **facts,
            )
        if planned > retires:
            return self.result(
                params,
                Outcome.WARNING,
                f"Nghỉ hưu (hết ngày {date_text(retires)}) trước ngày dự kiến kết thúc luân chuyển "
                f"{date_text(planned)}.",
                f"Retires (end of {date_text(retires)}) before the planned end of the rotation "
                f"{date_text(planned)}.",
                **facts,
            )
        return self.result(
            params,
            Outcome.PASS,
            f"Luân chuyển {months} tháng, đến {date_text(planned)}: đủ tối thiểu {minimum} tháng.",
            f"A rotation of {months} months, to {date_text(planned)}: at least {minimum}.",
            **facts,
        )

    def _return(self, person, proposal, params):
        now = current(person, proposal.date)
        action = now.holding.action if now else ""
        if action == Action.SECONDMENT:
            return self.result(
                params,
                Outcome.PASS,
                f"Trở về sau biệt phái tại {now.holding.post.label_vi}.",
                f"Returns from a secondment to {now.holding.post.label_en}.",
                post=now.holding.post.label_vi,
                since=now.holding.start,
            )
        if action != Action.ROTATION:
            return self.result(
                params,
                Outcome.FAIL,
                "Không có đợt luân chuyển hay biệt phái nào đang diễn ra để trở về.",
                "No rotation or secondment under way to return from.",
            )
        minimum = params["rotation_min_months"]
        months = dates.months_between(now.holding.start, proposal.date)
        facts = {
            "post": now.holding.post.label_vi,
            "since": now.holding.start,
            "months_served": months,
            "planned_end": now.holding.planned_end,
        }
        if months >= minimum:
            return self.result(
                params,
                Outcome.PASS,
                f"Đã luân chuyển {months} tháng tại {now.holding.post.label_vi}, "
                f"đủ tối thiểu {minimum} tháng.",
                f"Rotated for {months} months to {now.holding.post.label_en}, at least {minimum}.",
                **facts,
            )
        return self.result(
            params,
            Outcome.FAIL,
            f"Mới luân chuyển {months} tháng tại {now.holding.post.label_vi}: "
            "trở về trước thời hạn tối thiểu "
            f"{minimum} tháng.",
            f"Rotated for only {months} months to {now.holding.post.label_en}: returning before the minimum "
            f"of {minimum}.",
            **facts,
        )

    def decide_many(self, frame, prepared):
        params, pop = frame.params, frame.pop
        minimum = params["rotation_min_months"]
        if frame.proposal.action == Action.RETURN:
            action = frame.of_current(pop.h_action)
            served = frame.months_since(frame.of_current(pop.h_start, frame.day))
            out = frame.filled(FAIL)
            rotation = (action == pop.codes.get(Action.ROTATION)) & (frame.current >= 0)
            out[rotation & (served >= minimum)] = PASS
            out[(action == pop.codes.get(Action.SECONDMENT)) & (frame.current >= 0)] = PASS
            return out
        planned = frame.proposal.planned_return
        if planned is None or dates.months_between(frame.proposal.date, planned) < minimum:
            return frame.filled(FAIL)
        return np.where(dates.month_index(planned) > frame.retirement_index, WARN, PASS).astype(np.int8)
