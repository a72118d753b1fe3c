import functools

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def get_field(form, name):
    return form[name]


@register.filter
def years_between(start, end):
    """Whole years from `start` to `end` (an age or a length of service)."""
    if not start or not end:
        return ""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


@functools.cache
def _choice_labels(model, name: str, language: str | None) -> dict:
    # Translated once per language: a lazy label is translated again each time it is tested or written.
    return {value: str(text) for value, text in model._meta.get_field(name).flatchoices}


@register.filter
def label(instance, name: str):
    """The label of a choice field's value, as get_<name>_display gives it.

    Django rebuilds and hashes the whole list of choices on every get_<name>_display call, translating each
    label to hash it; on a list page of fifty rows and three such columns that was several milliseconds.
    """
    value = getattr(instance, name)
    return _choice_labels(type(instance), name, get_language()).get(value, value)
