from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from canbo.accounts.selectors import can

# (URL name, label, path prefix that marks the item active, access needed to see the item)
NAV = [
    ("core:home", _("Overview"), None, "view"),
    ("people:cadre_list", _("Cadres"), "/cadres/", "view"),
    ("organizations:orgunit_tree", _("Organizations"), "/units/", "view"),
    ("organizations:title_list", _("Titles"), "/units/titles/", "view"),
    ("careers:assignment_list", _("Work history"), "/careers/", "view"),
    ("evaluation:period_list", _("Evaluation"), "/evaluation/", "view"),
    ("reports:dashboard", _("Reports"), "/reports/", "view"),
    ("careers:action_list", _("Personnel actions"), "/careers/actions/", "organize"),
    ("planning:term_list", _("Planning"), "/planning/", "view"),
    ("rotation:round_list", _("Rotation"), "/rotation/", "view"),
    ("core:import", _("Import"), "/import/", "change"),
    ("accounts:user_list", _("Users"), "/accounts/users/", "administer"),
]


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    # Built when a template shows it: each render with a request runs this (a list page twice, its table
    # being rendered apart), and htmx's partial pages show no menu.
    return {"nav_items": SimpleLazyObject(lambda: menu(request))}


def menu(request) -> list[dict]:
    path = request.path
    items = []
    active_prefix = max((p for _n, _l, p, _a in NAV if p and path.startswith(p)), key=len, default=None)
    for name, label, prefix, action in NAV:
        # Only what the user can open: a link that answers "forbidden" is noise.
        if not can(request.user, action):
            continue
        items.append(
            {
                "url": reverse(name),
                "label": label,
                "active": prefix == active_prefix if prefix else path == "/",
            }
        )
    return items
