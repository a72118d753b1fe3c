from .entries import AuditAction, AuditEntry

__all__ = ["AuditAction", "AuditEntry"]
