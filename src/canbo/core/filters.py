"""Filters shared by the lists."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters import BooleanFilter


class AnyYesNoSelect(forms.NullBooleanSelect):
    """Yes, no, or either (the default, shown like every other select's empty choice): Django's own select
    calls that choice "Unknown", which reads as a value a cadre could have."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", "---------"), ("true", _("Yes")), ("false", _("No"))]


class YesNoFilter(BooleanFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", AnyYesNoSelect)
        super().__init__(*args, **kwargs)
