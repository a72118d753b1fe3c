from django import forms
from django.urls import reverse
from django.utils.html import format_html


class AutocompleteWidget(forms.Widget):
    """A search box that asks the server (htmx) for matches and stores the chosen id in a hidden input.

    Hundreds or thousands of options (3,321 communes) never go into the page.
    """

    def __init__(self, url_name: str, model, params: str = "", attrs=None):
        super().__init__(attrs)
        self.url_name, self.model, self.params = url_name, model, params

    def render(self, name, value, attrs=None, renderer=None):
        label = ""
        if value not in (None, ""):
            # A model choice field hands its (scoped) queryset over as `choices`: naming a unit by its id
            # must not reveal one the user may not see.
            choices = getattr(self, "choices", None)
            queryset = getattr(choices, "queryset", None)
            if queryset is None:
                queryset = self.model.objects.all()
            label = str(queryset.filter(pk=value).first() or "")
        attrs = self.build_attrs(self.attrs, attrs)
        url = reverse(self.url_name) + (f"?{self.params}" if self.params else "")
        return format_html(
            '<div class="autocomplete">'
            '<input type="hidden" name="{}" value="{}" id="{}">'
            '<input type="search" name="{}__search" value="{}" autocomplete="off" placeholder="…" '
            'hx-get="{}" hx-trigger="input changed delay:250ms" hx-target="next .options" aria-label="{}">'
            '<div class="options"></div></div>',
            name,
            value if value is not None else "",
            attrs.get("id", ""),
            name,
            label,
            url,
            name,
        )

    def value_from_datadict(self, data, files, name):
        return data.get(name) or None
