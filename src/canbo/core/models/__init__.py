from .versioned import ConcurrentEdit, Versioned, claim_version

__all__ = ["ConcurrentEdit", "Versioned", "claim_version"]
