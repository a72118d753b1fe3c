"""Report pages, their drill-down, the Excel and PDF files, the CV as form 2C and the cadre list export."""

import io
import re
import zlib

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.audit.models import AuditAction, AuditEntry
from canbo.core import testing
from canbo.core.testing_views import scoped_user
from canbo.reports.models import ExportJob, ExportStatus

from .builders import DAY, small_province

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return small_province()


@pytest.fixture
def viewer(client, world):
    client.force_login(scoped_user(world["province"], "viewer"))
    return client


def pdf_fonts(content: bytes) -> set[bytes]:
    """Names of the fonts a PDF embeds (their descriptors may sit in compressed object streams)."""
    parts = [content]
    for match in re.finditer(rb"stream\r?\n", content):
        end = content.find(b"endstream", match.end())
        try:
            parts.append(zlib.decompress(content[match.end() : end]))
        except zlib.error:
            continue
    blob = b"".join(parts)
    embedded = set(re.findall(rb"/FontFile2 (\d+) 0 R", blob))
    assert embedded, "no TrueType font is embedded"
    return {name.split(b"+")[-1] for name in re.findall(rb"/BaseFont /([\w+-]+)", blob)}


def report_url(name, world, **params):
    query = "&".join(f"{k}={v}" for k, v in {"unit": world["province"].pk, **params}.items())
    return f"{reverse(name)}?{query}"


def test_structure_page_links_every_number_to_its_people(viewer, world):
    page = viewer.get(report_url("reports:structure", world, as_of=DAY, young_under=42)).content.decode()
    links = re.findall(r'href="(/reports/people/\?[^"]+)"', page)
    assert links
    women = next(link for link in links if "key=women" in link)
    people = viewer.get(women.replace("&amp;", "&")).content.decode()
    assert "Cán bộ thử Lan" in people and "Cán bộ thử Bình" not in people


def test_a_unit_out_of_scope_answers_404(client, world):
    client.force_login(scoped_user(world["communes"]["a"], "viewer"))
    other = world["communes"]["b"].pk
    for name in ("reports:dashboard", "reports:structure", "reports:flows"):
        assert client.get(f"{reverse(name)}?unit={other}").status_code == 404
    assert client.get(f"{reverse(name)}?unit={world['communes']['a'].pk}").status_code == 200


def test_dashboard_draws_charts_on_the_server(viewer, world):
    response = viewer.get(report_url("reports:dashboard", world, as_of=DAY))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<svg class="chart"') >= 4
    assert "<script" not in page.split("<main", 1)[-1]
    # The non-local secretaries ratio, as the seeds print it.
    assert "1/2" in page


def test_flows_page_lists_the_people_behind_each_direction(viewer, world):
    url = report_url("reports:flows", world, start="2023-01-01", end="2024-01-01")
    page = viewer.get(url).content.decode()
    assert 'id="flow-up"' in page and "Cán bộ thử Cúc" in page


def test_structure_to_excel_with_vietnamese_headers_and_an_audit_entry(viewer, world):
    response = viewer.get(report_url("reports:structure", world, as_of=DAY, format="xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert ["Chỉ tiêu", "Số lượng", "Tỷ lệ (%)"] in values
    assert ["Nữ", 1, 33.3] in values
    assert not any(isinstance(c, str) and c.startswith("=") for row in values for c in row)
    assert AuditEntry.objects.filter(
        action=AuditAction.EXPORT, object_repr__startswith="structure.xlsx"
    ).exists()


def test_reports_to_pdf_embed_their_font(viewer, world):
    for name, params in (
        ("reports:structure", {"as_of": DAY}),
        ("reports:flows", {"start": "2023-01-01", "end": "2024-01-01"}),
        ("reports:dashboard", {"as_of": DAY}),
    ):
        response = viewer.get(report_url(name, world, format="pdf", **params))
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        assert pdf_fonts(response.content) == {b"DejaVu-Sans", b"DejaVu-Sans-Bold"}


def test_cv_form_2c_in_pdf_within_scope_only(client, world):
    client.force_login(scoped_user(world["communes"]["a"], "viewer"))
    lan, binh = world["people"]["lan"], world["people"]["binh"]
    response = client.get(reverse("reports:cadre_cv", args=[lan.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert client.get(reverse("reports:cadre_cv", args=[binh.pk])).status_code == 404
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, object_pk=str(lan.pk)).exists()


def test_cadre_list_to_excel_keeps_the_filters(viewer, world):
    query = "gender=female"
    page = viewer.get(f"{reverse('reports:cadre_export')}?{query}").content.decode()
    assert "1 cán bộ" in page
    response = viewer.post(reverse("reports:cadre_export"), {"query": query})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Mã", "Họ và tên")
    assert [row[1] for row in rows[1:]] == ["Cán bộ thử Lan"]
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, object_repr__contains=query).exists()


def test_a_cadre_list_export_keeps_formula_like_text_as_text(viewer, world):
    from canbo.organizations.models import OrgUnit
    from canbo.people.models import Cadre

    lan = Cadre.objects.get(full_name="Cán bộ thử Lan")
    OrgUnit.objects.filter(pk=lan.managed_by_id).update(name='=HYPERLINK("http://example.org","x")')
    response = viewer.post(reverse("reports:cadre_export"), {"query": "gender=female"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = next(c for c in sheet[2] if isinstance(c.value, str) and c.value.startswith("=HYPERLINK"))
    assert cell.data_type == "s"


def test_a_large_list_is_exported_in_the_background(viewer, world, settings):
    settings.CANBO_EXPORT_BACKGROUND_ROWS = 2
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    page = viewer.get(reverse("reports:cadre_export")).content.decode()
    assert "trong nền" in page
    response = viewer.post(reverse("reports:cadre_export"), {"query": ""})
    assert response.status_code == 302 and response["Location"] == reverse("reports:exports")
    job = ExportJob.objects.get()
    assert (job.status, job.total, job.done, job.percent) == (ExportStatus.DONE, 4, 4, 100)
    listing = viewer.get(reverse("reports:exports")).content.decode()
    assert f"?download={job.pk}" in listing
    download = viewer.get(f"{reverse('reports:exports')}?download={job.pk}")
    rows = list(load_workbook(io.BytesIO(download.content)).active.iter_rows(values_only=True))
    assert len(rows) == 5
    # Someone else's export is not theirs to download.
    other = testing.make_user("khac", world["province"])
    viewer.force_login(other)
    assert viewer.get(f"{reverse('reports:exports')}?download={job.pk}").status_code == 404
