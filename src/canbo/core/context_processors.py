from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# (URL name, label, path prefix that marks the item active)
NAV = [
    ("core:home", _("Overview"), None),
    ("people:cadre_list", _("Cadres"), "/cadres/"),
    ("organizations:orgunit_tree", _("Organizations"), "/units/"),
    ("organizations:title_list", _("Titles"), "/units/titles/"),
    ("careers:assignment_list", _("Work history"), "/careers/"),
    ("core:import", _("Import"), "/import/"),
]


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    path = request.path
    items = []
    active_prefix = max((p for _n, _l, p in NAV if p and path.startswith(p)), key=len, default=None)
    for name, label, prefix in NAV:
        items.append({"url": reverse(name), "label": label,
                      "active": prefix == active_prefix if prefix else path == "/"})
    return {"nav_items": items}
