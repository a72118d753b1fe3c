from .signin import CodeForm, SignInForm
from .users import MembershipForm, UserAddForm

__all__ = ["CodeForm", "MembershipForm", "SignInForm", "UserAddForm"]
