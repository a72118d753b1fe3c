"""What every rule shares: its identity, the actions it concerns, the parameters it reads and how it words a
result.

A rule answers in two ways that must agree: `decide` for one person (with its reason and facts) and
`decide_many` for a whole population at once (outcome codes only, for ranking). `prepare` computes once per
target what both need.
"""

import numpy as np

from ..facts import PLACING_ACTIONS, Context, Person, Post, Proposal
from ..population import Frame
from ..results import NA, Outcome, Result, Severity
from ..text import ACTIONS, label


class Rule:
    code = ""
    name_vi = ""
    name_en = ""
    severity = Severity.HARD
    source = ""
    actions: frozenset[str] = PLACING_ACTIONS
    uses: tuple[str, ...] = ()

    def prepare(self, target: Post, proposal: Proposal, ctx: Context, params):
        """Per-target facts computed once for every person checked against the same target."""
        return None

    def check(self, person: Person, target: Post, proposal: Proposal, ctx: Context, params) -> Result:
        return self.judge(person, target, proposal, params, self.prepare(target, proposal, ctx, params))

    def judge(self, person: Person, target: Post, proposal: Proposal, params, prepared) -> Result:
        if proposal.action not in self.actions:
            vi, en = label(ACTIONS, proposal.action)
            return self.result(
                params, Outcome.NOT_APPLICABLE, f"Không áp dụng khi {vi}.", f"Does not apply to {en}."
            )
        return self.decide(person, target, proposal, params, prepared)

    def outcomes(self, frame: Frame, prepared) -> np.ndarray:
        if frame.proposal.action not in self.actions:
            return frame.filled(NA)
        return self.decide_many(frame, prepared)

    def decide(self, person: Person, target: Post, proposal: Proposal, params, prepared) -> Result:
        raise NotImplementedError

    def decide_many(self, frame: Frame, prepared) -> np.ndarray:
        raise NotImplementedError

    def severity_in(self, params) -> Severity:
        return Severity(params["severities"].get(self.code, self.severity))

    def result(self, params, outcome: Outcome, vi: str, en: str, **facts) -> Result:
        return Result(
            rule=self.code,
            name_vi=self.name_vi,
            name_en=self.name_en,
            severity=self.severity_in(params),
            outcome=outcome,
            reason_vi=vi,
            reason_en=en,
            facts=facts,
            params={name: params[name] for name in self.uses},
            source=self.source,
        )
