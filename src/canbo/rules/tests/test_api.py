"""The read-only rules API: one check (recorded), and the eligibility search a page at a time."""

import pytest
from django.urls import reverse

from canbo.core import testing
from canbo.rules.models import RuleCheck

CHECK = reverse("api:rules:check")
ELIGIBLE = reverse("api:rules:eligible")


def test_check_answers_every_rule_in_the_language_of_the_request(admin_client, admin_user, people):
    query = {"cadre": people.giap.code, "unit": "18581-DU", "title": "X_BT", "as_of": "2026-01-05"}
    response = admin_client.get(CHECK, {**query, "action": "rotation"}, headers={"accept-language": "en"})
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["eligible"], data["ruleset"], len(data["results"])) == (False, "QD-2025", 12)
    non_local = next(r for r in data["results"] if r["rule"] == "non_local")
    assert non_local["name"] == "Non-local heads"
    assert non_local["reason"].startswith("Hometown Xã Kỳ Nam lies in the locality of the post")
    assert non_local["params"] == {"non_local_includes_residence": False}
    record = RuleCheck.objects.get(pk=data["check"])
    assert (record.ran_by, record.source, record.action, str(record.date)) == (
        admin_user,
        "api",
        "rotation",
        "2026-01-05",
    )
    vietnamese = admin_client.get(CHECK, query, headers={"accept-language": "vi"}).json()
    reasons = [r["reason"] for r in vietnamese["results"] if r["rule"] == "non_local"]
    assert reasons[0].startswith("Quê quán xã Kỳ Nam")


def test_eligible_pages_through_everyone_eligible_first(admin_client, people):
    query = {"unit": "18581-DU", "title": "X_BT", "as_of": "2026-01-05"}
    first = admin_client.get(ELIGIBLE, query).json()
    assert (first["count"], first["total"], first["eligible"]) == (3, 3, 1)
    assert first["results"][0]["person"]["name"] == "Trần Thị Hoa"
    assert first["results"][0]["eligible"] is True
    assert first["target"]["title"]["code"] == "X_BT" and first["ruleset"]["code"] == "QD-2025"
    assert first["params"]["appointment_min_service_months"] == 60
    assert first["next"] is None
    assert not RuleCheck.objects.exists()


def test_a_page_past_the_end_is_not_found(admin_client, people):
    response = admin_client.get(ELIGIBLE, {"unit": "18581-DU", "title": "X_BT", "page": 2})
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"unit": "18581-DU"},
        {"unit": "18581-DU", "title": "X_BT", "as_of": "05/01/2026"},
        {"unit": "18581-DU", "title": "X_BT", "as_of": "1800-01-01"},
        {"unit": "18581-DU", "title": "X_BT", "action": "promotion"},
    ],
)
def test_bad_parameters_answer_400_naming_them(admin_client, people, query):
    response = admin_client.get(ELIGIBLE, query)
    assert response.status_code == 400
    assert set(response.json()) & {"title", "as_of", "action"}


@pytest.mark.parametrize(
    ("cadre", "unit", "title"),
    [
        ("nobody", "18581-DU", "X_BT"),
        ("giap", "nowhere", "X_BT"),
        ("giap", "18581-DU", "X_CT_UBND"),  # not a position of this unit
    ],
)
def test_what_does_not_exist_answers_404(admin_client, people, cadre, unit, title):
    code = people.giap.code if cadre == "giap" else cadre
    assert admin_client.get(CHECK, {"cadre": code, "unit": unit, "title": title}).status_code == 404


def test_scope_and_the_right_to_see_family_and_discipline(client, people, ward):
    organizer = testing.make_user("xa", ward.other, role="organizer")
    client.force_login(organizer)
    # Outside the user's ward: as if it did not exist.
    assert (
        client.get(CHECK, {"cadre": people.giap.code, "unit": "18571-DU", "title": "X_BT"}).status_code == 404
    )
    assert client.get(ELIGIBLE, {"unit": "18581-DU", "title": "X_BT"}).status_code == 404
    inside = client.get(ELIGIBLE, {"unit": "18571-DU", "title": "X_BT"}).json()
    assert [row["person"]["name"] for row in inside["results"]] == ["Lê Minh Đức"]
    # A viewer may not see family and discipline records, so may not run the rules.
    client.force_login(testing.make_user("viewer", ward.other, role="viewer"))
    assert client.get(ELIGIBLE, {"unit": "18571-DU", "title": "X_BT"}).status_code == 403
