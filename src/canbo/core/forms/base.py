from django import forms
from django.core import signing
from django.core.exceptions import ValidationError

LOCK_FIELDS = ("version", "original")


def field_values(form: forms.ModelForm, instance) -> dict[str, str]:
    """The stored value of each model field the form edits, as text, to compare two states of a record."""
    values = {}
    for name in form._meta.fields or form.fields:
        if name in LOCK_FIELDS or name not in form.fields:
            continue
        value = instance._meta.get_field(name).value_from_object(instance)
        values[name] = "" if value is None else str(value)
    return values


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Services raise ValidationError: fields the form has get their errors, the rest go to the whole form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class ScopedModelForm(forms.ModelForm):
    """A model form that knows its user, so choice fields can be limited to the user's scope.

    For versioned records it also carries the version and the values the editor started from (signed), so a
    save can tell a concurrent change and show what the other person changed.
    """

    #: Field name -> action whose scope limits the field's queryset.
    scoped_fields: dict[str, str] = {}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for name, action in self.scoped_fields.items():
            if name in self.fields and user is not None:
                self.fields[name].queryset = self.fields[name].queryset.restrict(user, action)
        for field in self.fields.values():
            if isinstance(field.widget, forms.DateInput):
                field.widget.input_type = "date"
                field.widget.format = "%Y-%m-%d"
        if self.instance.pk is not None and hasattr(self.instance, "version"):
            self.fields["version"] = forms.IntegerField(
                widget=forms.HiddenInput, initial=self.instance.version
            )
            self.fields["original"] = forms.CharField(
                widget=forms.HiddenInput, initial=signing.dumps(field_values(self, self.instance))
            )

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version")

    def original_values(self) -> dict[str, str]:
        try:
            return signing.loads(self.cleaned_data.get("original") or "")
        except signing.BadSignature:
            return {}

    def model_data(self) -> dict:
        """Cleaned data for the service, without the locking fields."""
        return {k: v for k, v in self.cleaned_data.items() if k not in LOCK_FIELDS}
