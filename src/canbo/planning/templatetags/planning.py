from django import template
from django.utils import timezone

from canbo.rules.reports import language

from .. import selectors

register = template.Library()


@register.filter
def bilingual(value, attribute: str) -> str:
    """The engines write their words in both languages (`reason_vi`, `reason_en`): the active one."""
    return getattr(value, f"{attribute}_{language()}")


@register.simple_tag
def planning_gaps(cadre):
    """What the cadre lacks for the current post and each title planned for (the cadre page's block)."""
    return selectors.cadre_gaps(cadre, timezone.localdate())
