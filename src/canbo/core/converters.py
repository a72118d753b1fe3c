"""Ids in URLs and filters stay within what a database integer holds: a twenty-digit id is simply not found,
instead of overflowing the database driver (an error page)."""

from django import forms
from django.urls import register_converter
from django_filters import ModelChoiceFilter

MAX_ID = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")


class IdModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values:
            try:
                if not 0 < int(str(value)) <= MAX_ID:
                    raise ValueError
            except ValueError as exc:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
                ) from exc
        return super().to_python(value)


class IdModelChoiceFilter(ModelChoiceFilter):
    field_class = IdModelChoiceField
