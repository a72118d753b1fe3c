from django import template
from django.utils import timezone

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


@register.filter
def age(birth_date):
    """Age today in whole years."""
    return years_between(birth_date, timezone.localdate())
