from django.db.models import Prefetch

from canbo.careers.models import Assignment
from canbo.people.models import Cadre


def cadre_list_queryset(user):
    return Cadre.objects.restrict(user).select_related(
        "ethnicity", "current_position__title", "current_position__unit"
    )


def cadre_profile_queryset(user):
    """Everything the CV page shows, in a fixed number of queries."""
    return (
        Cadre.objects.restrict(user)
        .select_related(
            "ethnicity",
            "hometown",
            "residence_unit",
            "managed_by",
            "current_position__title",
            "current_position__unit",
        )
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related(
                    "position__title", "position__unit", "decision", "end_decision"
                ).order_by("-start_date", "-pk"),
            ),
            "relatives__related_cadre",
            "trainings",
            "awards",
            "disciplines",
        )
    )
