from django import template

from canbo.evaluation import selectors
from canbo.evaluation.models import Evaluation

register = template.Library()


@register.simple_tag(takes_context=True)
def cadre_evaluations(context, cadre) -> selectors.History:
    """A cadre's evaluations as the signed-in user may see them, for pages of other apps (the CV)."""
    return selectors.cadre_history(cadre, Evaluation.objects.restrict(context["request"].user))
