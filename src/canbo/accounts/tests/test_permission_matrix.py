"""Every URL, every role, from inside and outside its scope, gets the right answer.

The URLs come from the URL conf itself: a new view that is not declared in ACCESS fails the test, so nobody
can add a page or an endpoint without saying who may reach it (and the matrix then checks that it is so).
"""

import datetime as dt
from urllib.parse import urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from canbo.accounts.models import Role
from canbo.careers.models import PersonnelAction
from canbo.core import testing
from canbo.core.testing_views import scoped_user
from canbo.evaluation.tests.builders import matrix_objects
from canbo.organizations.models import OrgUnitKind
from canbo.planning.tests.builders import matrix_objects as planning_matrix_objects
from canbo.rotation.tests.builders import matrix_objects as rotation_matrix_objects

# The access each URL needs: "public" (anyone), "signed-in" (any account), or a scoped action
# ("view", "change", "administer") checked against the user's roles over the object's unit.
ACCESS = {
    "accounts:login": "public",
    "accounts:login_code": "public",
    "accounts:account": "signed-in",
    "accounts:second_factor_setup": "signed-in",
    "accounts:second_factor_disable": "signed-in",
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
    "reports:dashboard": "view",
    "reports:structure": "view",
    "reports:flows": "view",
    "reports:people": "view",
    "reports:cadre_cv": "view",
    "reports:cadre_export": "view",
    "reports:exports": "signed-in",
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
    "accounts:user_unlock": "administer",
    "accounts:user_second_factor_reset": "administer",
    "audit:history": "view",
    "api:rules:check": "view_sensitive",
    "api:rules:eligible": "view_sensitive",
    "rules:eligible": "view_sensitive",
    "rules:cadre_positions": "view_sensitive",
    "careers:due": "organize",
    "careers:action_list": "organize",
    "careers:action_add": "organize",
    "careers:action": "organize",
    "careers:action_edit": "organize",
    "careers:action_submit": "organize",
    "careers:action_withdraw": "organize",
    "careers:action_approve": "approve",
    "careers:action_reject": "approve",
    "evaluation:period_list": "view",
    "evaluation:evaluation_list": "view",
    "evaluation:evaluation_add": "change",
    "evaluation:evaluation_export": "view",
    "evaluation:dismissal_list": "view",
    "evaluation:evaluation": "view",
    "evaluation:evaluation_edit": "change",
    "evaluation:task_add": "change",
    "evaluation:task": "change",
    "evaluation:task_delete": "change",
    "evaluation:board": "view",
    "evaluation:board_finalize": "approve",
    "api:evaluation:evaluation-list": "view",
    "api:evaluation:evaluation-detail": "view",
    "planning:term_list": "view",
    "planning:term_add": "organize",
    "planning:term": "view",
    "planning:term_edit": "organize",
    "planning:coverage": "view",
    "planning:forecast": "view",
    "planning:term_export": "view",
    "planning:review": "organize",
    "planning:entry_list": "view",
    "planning:entry_add": "organize",
    "planning:entry": "view",
    "planning:entry_review": "organize",
    "planning:course_list": "view",
    "planning:course_add": "change",
    "planning:course": "view",
    "planning:course_edit": "change",
    "planning:enrolment_list": "view",
    "planning:enrolment_add": "change",
    "planning:enrolment": "view",
    "planning:enrolment_complete": "change",
    "planning:enrolment_withdraw": "change",
    "planning:cadre_training": "view",
    "planning:body_training": "view",
    "planning:training_export": "view",
    "api:planning:entry-list": "view",
    "api:planning:entry-detail": "view",
    "api:planning:coverage": "view",
    "rotation:round_list": "view",
    "rotation:round_add": "organize",
    "rotation:compare": "view",
    "rotation:round": "view",
    "rotation:round_edit": "organize",
    "rotation:round_progress": "view",
    "rotation:round_solve": "organize",
    "rotation:round_copy": "organize",
    "rotation:round_approve": "approve",
    "rotation:pin_add": "organize",
    "rotation:pin_remove": "organize",
    "rotation:preference_add": "organize",
    "rotation:hand_plan": "organize",
    "rotation:move_check": "organize",
    "rotation:move_edit": "organize",
    "rotation:round_export": "view",
    "api:rotation:round-list": "view",
    "api:rotation:round-detail": "view",
    "api:rotation:round-result": "view",
    "api:rotation:round-solve": "organize",
}
# URLs taking a pk: which of the fixture's objects they show.
OBJECT_OF = {
    "organizations:orgunit": "unit",
    "organizations:orgunit_children": "unit",
    "people:cadre": "cadre",
    "people:cadre_edit": "cadre",
    "reports:cadre_cv": "cadre",
    "api:people:cadre-detail": "cadre",
    "api:organizations:unit-detail": "unit",
    "api:organizations:title-detail": "title",
    "api:organizations:position-detail": "position",
    "api:careers:assignment-detail": "assignment",
    "accounts:user": "account",
    "accounts:user_set_active": "account",
    "accounts:membership_revoke": "account",
    "accounts:user_unlock": "account",
    "accounts:user_second_factor_reset": "account",
    "audit:history": "cadre",
    "api:rules:check": "cadre",
    "api:rules:eligible": "position",
    "rules:cadre_positions": "cadre",
    "careers:action": "personnel_action",
    "careers:action_edit": "personnel_action",
    "careers:action_submit": "personnel_action",
    "careers:action_withdraw": "personnel_action",
    "careers:action_approve": "personnel_action",
    "careers:action_reject": "personnel_action",
    "evaluation:evaluation": "evaluation",
    "evaluation:evaluation_edit": "evaluation",
    "evaluation:task_add": "evaluation",
    "evaluation:task": "kpi_task",
    "evaluation:task_delete": "kpi_task",
    "evaluation:board": "unit",
    "evaluation:board_finalize": "unit",
    "api:evaluation:evaluation-detail": "evaluation",
    "planning:term": "planning_term",
    "planning:term_edit": "planning_term",
    "planning:coverage": "planning_term",
    "planning:forecast": "planning_term",
    "planning:term_export": "planning_term",
    "planning:review": "planning_term",
    "planning:entry": "planning_entry",
    "planning:entry_review": "planning_entry",
    "planning:course": "planning_course",
    "planning:course_edit": "planning_course",
    "planning:enrolment": "planning_enrolment",
    "planning:enrolment_complete": "planning_enrolment",
    "planning:enrolment_withdraw": "planning_enrolment",
    "planning:cadre_training": "cadre",
    "planning:body_training": "unit",
    "planning:training_export": "unit",
    "api:planning:entry-detail": "planning_entry",
    "api:planning:coverage": "planning_term",
    "rotation:round": "rotation_round",
    "rotation:round_edit": "rotation_round",
    "rotation:round_progress": "rotation_round",
    "rotation:round_solve": "rotation_round",
    "rotation:round_copy": "rotation_round",
    "rotation:round_approve": "rotation_round",
    "rotation:pin_add": "rotation_round",
    "rotation:pin_remove": "rotation_round",
    "rotation:preference_add": "rotation_round",
    "rotation:hand_plan": "rotation_round",
    "rotation:move_check": "rotation_round",
    "rotation:move_edit": "rotation_round",
    "rotation:round_export": "rotation_round",
    "api:rotation:round-detail": "rotation_round",
    "api:rotation:round-result": "rotation_round",
    "api:rotation:round-solve": "rotation_round",
}
# URLs with more than a pk: each keyword and the fixture object giving its value.
# A value naming no fixture object is passed as it is.
KWARGS_OF = {
    "accounts:membership_revoke": {"pk": "account", "membership_pk": "membership"},
    "audit:history": {"model_label": "people.Cadre", "pk": "cadre"},
    "evaluation:board": {"pk": "unit", "year": "2025"},
    "evaluation:board_finalize": {"pk": "unit", "year": "2025"},
    "rotation:round_export": {"pk": "rotation_round", "kind": "xlsx"},
}
# URLs that find their object by query parameters: the parameters from the fixture's objects.
QUERY_OF = {
    "api:rules:check": lambda o: {"cadre": o["cadre"].code, "unit": o["position"].unit.code, "title": "X_BT"},
    "api:rules:eligible": lambda o: {"unit": o["position"].unit.code, "title": "X_BT"},
    "rotation:compare": lambda o: {"ids": o["rotation_round"].pk},
}
# Actions that change something answer POST only; the matrix posts to them (and follows no redirect).
POST_ONLY = {
    "careers:action_submit",
    "careers:action_withdraw",
    "careers:action_approve",
    "careers:action_reject",
    "accounts:user_set_active",
    "accounts:membership_revoke",
    "accounts:user_unlock",
    "accounts:user_second_factor_reset",
    "accounts:second_factor_disable",
    "evaluation:task_add",
    "evaluation:task_delete",
    "evaluation:board_finalize",
    "planning:enrolment_complete",
    "planning:enrolment_withdraw",
    "rotation:round_solve",
    "rotation:round_copy",
    "rotation:round_approve",
    "rotation:pin_add",
    "rotation:pin_remove",
    "rotation:preference_add",
    "rotation:hand_plan",
    "rotation:move_edit",
    "api:rotation:round-solve",
}
# Pages outside the product (Django's admin, media files) are not part of the matrix.
SKIPPED_PREFIXES = ("admin:",)
ROLE_ACTIONS = {
    "view": set(Role.values),
    "change": {Role.EDITOR, Role.ADMINISTRATOR},
    "view_sensitive": {Role.EDITOR, Role.ORGANIZER, Role.APPROVER, Role.ADMINISTRATOR},
    "organize": {Role.ORGANIZER, Role.APPROVER, Role.ADMINISTRATOR},
    "approve": {Role.APPROVER, Role.ADMINISTRATOR},
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
            **matrix_objects(commune, cadre),
            **planning_matrix_objects(commune, cadre),
            **rotation_matrix_objects(commune, cadre),
            "personnel_action": PersonnelAction.objects.create(
                kind="rotation",
                cadre=cadre,
                unit=committee,
                title=title,
                position=position,
                date=dt.date(2026, 1, 5),
            ),
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
        return {200, 302} if access == "public" else {302} if name_posts else {200}
    allowed = role in ROLE_ACTIONS[access]
    # A step posted without its form's fields passed the access check when it answers with the form's errors.
    ok = {302, 422} if name_posts else {200}
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
