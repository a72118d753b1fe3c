from .users import MembershipForm, UserAddForm

__all__ = ["MembershipForm", "UserAddForm"]
