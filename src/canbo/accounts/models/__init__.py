from .memberships import Membership, Role
from .otp import SecondFactor
from .signin import LockoutKind, SignInFailure, SignInLockout

__all__ = ["LockoutKind", "Membership", "Role", "SecondFactor", "SignInFailure", "SignInLockout"]
