"""The round's pages: exports for the meeting, scenarios compared side by side, the progress of a solve."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.audit.models import AuditAction, AuditEntry
from canbo.rotation import services
from canbo.rotation.models import RoundStatus

from .test_edits import solved  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_the_plan_exports_to_excel_with_vietnamese_headers_and_is_audited(solved, client, board):  # noqa: F811
    client.force_login(board.organizer)
    response = client.get(
        reverse("rotation:round_export", args=[solved.pk, "xlsx"]), HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    headers = next(r for r in rows if "Vị trí" in r and "STT" in r)
    assert {"Đơn vị", "Cán bộ", "Chức vụ hiện tại", "Điểm", "Ghi chú về quy định"} <= set(headers)
    move = solved.moves.get()
    assert any(move.cadre.full_name in r for r in rows)
    entry = AuditEntry.objects.filter(action=AuditAction.EXPORT).latest("sequence")
    assert entry.model == "rotation.RotationRound" and entry.object_pk == str(solved.pk)
    assert entry.actor == board.organizer


def test_the_plan_prints_to_an_a4_pdf(solved, client, board):  # noqa: F811
    client.force_login(board.organizer)
    response = client.get(reverse("rotation:round_export", args=[solved.pk, "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith('.pdf"')
    assert client.get(reverse("rotation:round_export", args=[solved.pk, "doc"])).status_code == 404


def test_scenarios_compare_margins_and_structure_before_and_after(solved, client, board):  # noqa: F811
    scenario = services.round_copy(solved, user=board.organizer)
    scenario.women_percent = 50
    scenario.save()
    services.round_solve(scenario)
    client.force_login(board.organizer)
    response = client.get(
        reverse("rotation:compare"), {"ids": [solved.pk, scenario.pk]}, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert 'id="compare-structure"' in html
    assert "Non-local secretaries and chairmen" in html
    # Hoa and Đức hold the ward's key posts; the first plan adds a non-local man as one of the two heads.
    assert (
        "<td>Women</td><td>50.0% → <strong>33.3%</strong></td><td>50.0% → <strong>50.0%</strong></td>" in html
    )
    assert "<td>0.0% → <strong>100.0%</strong></td><td>0.0% → <strong>0.0%</strong></td>" in html
    # No eligible woman: the scenario's 50 % target leaves both seats empty and is missed by 50 points.
    assert "women 50%: -50.0" in html


def test_the_progress_partial_shows_the_bar_the_time_limit_and_reloads_when_done(solved, client, board):  # noqa: F811
    client.force_login(board.organizer)
    url = reverse("rotation:round_progress", args=[solved.pk])
    solved.status, solved.progress, solved.best_total, solved.best_bound = RoundStatus.SOLVING, 0.4, 7.5, 8.25
    solved.save()
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'hx-trigger="every 1s"' in html and 'value="40"' in html
    assert "Time limit: 30 s" in html and "7.50" in html and "proven bound: 8.25" in html
    solved.status = RoundStatus.SOLVED
    solved.save()
    assert client.get(url, {"running": 1})["HX-Refresh"] == "true"
