from .memberships import Membership, Role

__all__ = ["Membership", "Role"]
