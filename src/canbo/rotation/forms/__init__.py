from .rounds import ApproveForm, HandPlanForm, MoveEditForm, PinForm, PreferenceForm, RotationRoundForm

__all__ = ["ApproveForm", "HandPlanForm", "MoveEditForm", "PinForm", "PreferenceForm", "RotationRoundForm"]
