from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.people.models import Cadre


class CadreCodeField(forms.CharField):
    """A cadre named by code: a province keeps thousands of cadres, too many for a list. Only cadres in the
    user's scope for the action are found."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Cadre code"))
        kwargs.setdefault("max_length", 32)
        super().__init__(*args, **kwargs)
        self.queryset = Cadre.objects.none()

    def clean(self, value):
        code = super().clean(value).strip()
        cadre = self.queryset.filter(code=code).first()
        if cadre is None:
            raise forms.ValidationError(_("No cadre with this code within your scope."))
        return cadre
