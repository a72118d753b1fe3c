from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.people.models import Cadre


class CadreCodeField(forms.CharField):
    """A cadre named by code: a province keeps thousands of cadres, too many for a list. The form sets
    `queryset` to the user's scope for the action, and only cadres in it are found; an optional field left
    empty gives None."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Cadre code"))
        kwargs.setdefault("max_length", 32)
        super().__init__(*args, **kwargs)
        self.queryset = Cadre.objects.none()

    def clean(self, value):
        code = super().clean(value).strip()
        if not code:
            return None
        cadre = self.queryset.filter(code=code).first()
        if cadre is None:
            raise forms.ValidationError(
                _("No cadre with code %(code)s in scope."), code="unknown", params={"code": code}
            )
        return cadre
