from .actions import ApproveForm, DueListsForm, PersonnelActionForm, RejectForm, SubmitForm

__all__ = ["ApproveForm", "DueListsForm", "PersonnelActionForm", "RejectForm", "SubmitForm"]
