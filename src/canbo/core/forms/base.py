from django import forms


class ScopedModelForm(forms.ModelForm):
    """A model form that knows its user, so choice fields can be limited to the user's scope."""

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
