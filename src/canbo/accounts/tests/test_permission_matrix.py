"""Every URL, every role, from inside and outside its scope, gets the right answer.

The URLs come from the URL conf itself: a new view that is not declared in ACCESS fails the test, so nobody
can add a page or an endpoint without saying who may reach it (and the matrix then checks that it is so).
"""

from urllib.parse import urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from canbo.accounts.models import Role
from canbo.core import testing
from canbo.core.testing_views import scoped_user
from canbo.organizations.models import OrgUnitKind

# The access each URL needs: "public" (anyone), "signed-in" (any account), or a scoped action
# ("view", "change", "administer") checked against the user's roles over the object's unit.
ACCESS = {
    "accounts:login": "public",
    "set_language": "public",
    "accounts:logout": "signed-in",
    "api:api-root": "signed-in",
    "api:schema": "signed-in",
    "api:docs": "signed-in",
    "core:home": "view",
    "core:import": "change",
    "organizations:orgunit_tree": "view",
    "organizations:orgunit_list": "view",
    "organizations:orgunit_autocomplete": "view",
    "organizations:orgunit": "view",
    "organizations:orgunit_children": "view",
    "organizations:title_list": "signed-in",
    "organizations:position_list": "view",
    "people:cadre_list": "view",
    "people:cadre_add": "change",
    "people:cadre": "view",
    "people:cadre_edit": "change",
    "careers:assignment_list": "view",
    "api:people:cadre-list": "view",
    "api:people:cadre-detail": "view",
    "api:organizations:unit-list": "view",
    "api:organizations:unit-detail": "view",
    "api:organizations:title-list": "signed-in",
    "api:organizations:title-detail": "signed-in",
    "api:organizations:position-list": "view",
    "api:organizations:position-detail": "view",
    "api:careers:assignment-list": "view",
    "api:careers:assignment-detail": "view",
    "accounts:user_list": "administer",
    "accounts:user_add": "administer",
    "accounts:user": "administer",
    "accounts:user_set_active": "administer",
    "accounts:membership_revoke": "administer",
    "audit:history": "view",
    "api:rules:check": "view_sensitive",
    "api:rules:eligible": "view_sensitive",
}
# URLs taking a pk: which of the fixture's objects they show.
OBJECT_OF = {
    "organizations:orgunit": "unit",
    "organizations:orgunit_children": "unit",
    "people:cadre": "cadre",
    "people:cadre_edit": "cadre",
    "api:people:cadre-detail": "cadre",
    "api:organizations:unit-detail": "unit",
    "api:organizations:title-detail": "title",
    "api:organizations:position-detail": "position",
    "api:careers:assignment-detail": "assignment",
    "accounts:user": "account",
    "accounts:user_set_active": "account",
    "accounts:membership_revoke": "account",
    "audit:history": "cadre",
    "api:rules:check": "cadre",
    "api:rules:eligible": "position",
}
# URLs with more than a pk: each keyword and the fixture object giving its value.
# A value naming no fixture object is passed as it is.
KWARGS_OF = {
    "accounts:membership_revoke": {"pk": "account", "membership_pk": "membership"},
    "audit:history": {"model_label": "people.Cadre", "pk": "cadre"},
}
# URLs that find their object by query parameters: the parameters from the fixture's objects.
QUERY_OF = {
    "api:rules:check": lambda o: {"cadre": o["cadre"].code, "unit": o["position"].unit.code, "title": "X_BT"},
    "api:rules:eligible": lambda o: {"unit": o["position"].unit.code, "title": "X_BT"},
}
# Actions that change something answer POST only; the matrix posts to them (and follows no redirect).
POST_ONLY = {"accounts:user_set_active", "accounts:membership_revoke"}
# Pages outside the product (Django's admin, media files) are not part of the matrix.
SKIPPED_PREFIXES = ("admin:",)
ROLE_ACTIONS = {
    "view": set(Role.values),
    "change": {Role.EDITOR, Role.ADMINISTRATOR},
    "view_sensitive": {Role.EDITOR, Role.ORGANIZER, Role.APPROVER, Role.ADMINISTRATOR},
    "administer": {Role.ADMINISTRATOR},
}


def url_names(patterns=None, namespace=None):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
            yield from url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            if not name.startswith(SKIPPED_PREFIXES):
                yield name, pattern


def test_every_url_declares_its_access():
    undeclared = sorted(name for name, _ in url_names() if name not in ACCESS)
    assert not undeclared, f"URLs without a declared access in the permission matrix: {undeclared}"


def test_every_url_with_a_pk_names_its_object():
    missing = sorted(
        name
        for name, pattern in url_names()
        if "pk" in pattern.pattern.regex.groupindex and name not in OBJECT_OF
    )
    assert not missing, f"URLs taking a pk without an object in the matrix: {missing}"


@pytest.fixture
def world(db):
    """Two communes of one province; users hold one role each over the first commune."""
    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY)
    objects = {}
    for key, name in (("inside", "Xã Kỳ Nam"), ("outside", "Xã Kỳ Bắc")):
        commune = testing.make_unit(name, parent=province)
        committee = testing.make_unit(f"Đảng ủy {name.lower()}", OrgUnitKind.PARTY_COMMITTEE, parent=commune)
        title = testing.make_title("X_BT", "Bí thư Đảng ủy xã")
        position = testing.make_position(committee, title)
        cadre = testing.make_cadre(f"Người {key} {name}", managed_by=commune)
        assignment = testing.make_assignment(cadre, position)
        account = scoped_user(commune, "viewer", username=f"member-{key}")
        objects[key] = {
            "unit": commune,
            "cadre": cadre,
            "title": title,
            "position": position,
            "assignment": assignment,
            "account": account,
            "membership": account.memberships.get(),
        }
    users = {role: scoped_user(objects["inside"]["unit"], role, username=role) for role in Role.values}
    return {"objects": objects, "users": users}


def url_for(name, objects=None):
    """The URL of `name`, its keywords taken from one side's `objects` of the fixture."""
    if name in QUERY_OF:
        return f"{reverse(name)}?{urlencode(QUERY_OF[name](objects))}"
    if name not in OBJECT_OF:
        return reverse(name)
    keys = KWARGS_OF.get(name, {"pk": OBJECT_OF[name]})
    return reverse(name, kwargs={kw: objects[key].pk if key in objects else key for kw, key in keys.items()})


def request(client, name, url):
    return client.post(url) if name in POST_ONLY else client.get(url)


def expected(access: str, role: str, side: str, has_object: bool, name_posts: bool = False) -> set[int]:
    """Acceptable answers for `role` over the inside commune asking for the `side` object (or a list)."""
    if access in ("public", "signed-in"):
        return {200, 302} if access == "public" else {200}
    allowed = role in ROLE_ACTIONS[access]
    ok = {302} if name_posts else {200}
    if has_object:
        # Out of scope or without the right, the object is simply not found: its existence does not leak.
        return ok if allowed and side == "inside" else {404, 403} if not allowed else {404}
    return ok if allowed else {403}


def cases():
    for name, access in sorted(ACCESS.items()):
        if access == "public" or name == "accounts:logout":
            continue
        for role in Role.values:
            for side in ("inside", "outside") if name in OBJECT_OF else ("inside",):
                yield pytest.param(name, role, side, id=f"{name}-{role}-{side}")


@pytest.mark.parametrize(("name", "role", "side"), list(cases()))
def test_matrix(client, world, name, role, side):
    access = ACCESS[name]
    client.force_login(world["users"][role])
    response = request(client, name, url_for(name, world["objects"][side]))
    has_object = name in OBJECT_OF
    assert response.status_code in expected(access, role, side, has_object, name in POST_ONLY), (
        f"{name} as {role} ({side}) answered {response.status_code}"
    )
    if response.status_code == 200 and not has_object and access in ("view", "administer"):
        # Lists, searches and counts never show what lies outside the user's subtree.
        outside = world["objects"]["outside"]
        page = response.content.decode()
        assert outside["cadre"].full_name not in page
        assert outside["unit"].name not in page
        assert outside["account"].username not in page


@pytest.mark.parametrize("name", sorted(n for n, a in ACCESS.items() if a not in ("public",)))
def test_anonymous_is_sent_to_sign_in(client, world, name):
    response = request(client, name, url_for(name, world["objects"]["inside"]))
    assert response.status_code in (302, 401, 403)
    if response.status_code == 302:
        assert reverse("accounts:login") in response["Location"]
