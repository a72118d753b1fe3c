"""The planning and training pages: what they show, the refusal's reason on the form, scope."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from canbo.core import testing

from ..models import PlanningEntry
from .builders import make_course
from .conftest import plan, seat

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, world):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
    return client


@pytest.fixture
def planned(world, cadre):
    return [plan(world, cadre(name, world.vice)) for name in ("Nguyễn Văn An", "Trần Văn Bình")] + [
        plan(world, cadre("Lê Văn Cường"))
    ]


def test_term_coverage_forecast_and_review_pages(admin_client, world, planned):
    for name in ("term", "coverage", "forecast", "review"):
        response = admin_client.get(reverse(f"planning:{name}", args=[world.term.pk]))
        assert response.status_code == 200, name
    coverage = admin_client.get(reverse("planning:coverage", args=[world.term.pk])).content.decode()
    assert "Lê Văn Cường, Nguyễn Văn An, Trần Văn Bình" in coverage
    assert 'id="indicator-women"' in coverage


def test_the_coverage_page_reads_a_fixed_number_of_queries(
    admin_client, world, planned, cadre, django_assert_max_num_queries
):
    url = reverse("planning:coverage", args=[world.term.pk])
    with django_assert_max_num_queries(25):
        admin_client.get(url)
    for name in ("Phạm Văn Dũng", "Hoàng Văn Em"):
        plan(world, cadre(name), world.vice)
    with django_assert_max_num_queries(25):
        admin_client.get(url)


def test_a_fourth_successor_is_refused_on_the_form(admin_client, world, planned, cadre):
    fourth = cadre("Vũ Văn Giang")
    response = admin_client.post(
        reverse("planning:entry_add"),
        {
            "term": world.term.pk,
            "cadre": fourth.code,
            "unit": world.chairman.unit_id,
            "title": world.chairman.title_id,
            "added_on": "01/12/2025",
        },
    )
    assert response.status_code == 422
    assert "tối đa 3 người cho một chức danh" in response.content.decode()
    assert not PlanningEntry.objects.filter(cadre=fourth).exists()


def test_cadre_and_body_training_pages(admin_client, world, planned):
    person = planned[0].cadre
    page = admin_client.get(reverse("planning:cadre_training", args=[person.pk])).content.decode()
    assert "Chủ tịch UBND xã" in page
    body = admin_client.get(reverse("planning:body_training", args=[world.committee.pk]))
    assert body.status_code == 200 and 'id="trained-share"' in body.content.decode()


def test_the_cadre_page_shows_planning_and_training_gaps(admin_client, world, planned):
    person = planned[2].cadre
    page = admin_client.get(person.get_absolute_url()).content.decode()
    assert 'id="planning-training"' in page
    assert "Chủ tịch UBND xã" in page


def test_out_of_scope_terms_answer_404(client, world, planned):
    elsewhere = testing.create_unit("Xã Khác", parent=world.province)
    client.force_login(testing.make_user("xa", elsewhere, "organize"))
    assert client.get(reverse("planning:coverage", args=[world.term.pk])).status_code == 404
    assert client.get(reverse("planning:forecast", args=[world.term.pk])).status_code == 404


def test_recording_a_completion(admin_client, world, cadre):
    person = cadre("Chu Văn Bảo", political_theory="intermediate")
    enrolment = make_course(world.committee).enrolments.create(cadre=person, enrolled_on=dt.date(2025, 3, 1))
    response = admin_client.post(
        reverse("planning:enrolment_complete", args=[enrolment.pk]), {"completed_on": "2026-06-30"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.political_theory == "advanced"


def test_the_training_page_reads_a_fixed_number_of_queries(
    admin_client, world, planned, cadre, django_assert_max_num_queries
):
    url = reverse("planning:body_training", args=[world.committee.pk])
    with django_assert_max_num_queries(20):
        admin_client.get(url)
    for name, code in (
        ("Phạm Văn Dũng", "X_BT"),
        ("Hoàng Văn Em", "X_PBT_TT"),
        ("Vũ Văn Giang", "X_CT_HDND"),
    ):
        plan(world, cadre(name, political_theory="none"), seat(world.commune, code))
    with django_assert_max_num_queries(20):
        assert admin_client.get(url).status_code == 200
