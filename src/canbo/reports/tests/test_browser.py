"""A district's dashboard in the browser: the seeds' figures drawn as charts, and a bar opening its people."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from canbo.core.browser import open_session, screenshot
from canbo.organizations.models import OrgUnit
from canbo.reports import seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_dashboard_charts_and_drill_down(page, live_server):
    seeds.build()
    open_session(
        page, live_server, get_user_model().objects.create_superuser("bantochuc", "btc@example.org", None)
    )
    kim_bang = OrgUnit.objects.get(code="S-KB")
    page.goto(f"{reverse('reports:dashboard')}?unit={kim_bang.pk}&as_of={seeds.AS_OF}")
    assert page.locator("svg.chart").count() >= 4
    assert "8/18" in page.inner_text("#stat-nonlocal")
    screenshot(page, "reports-01-dashboard-kim-bang")
    # The secretaries' bar leads to the eight secretaries who are not local people.
    page.click('#non-local svg.chart a:has-text("8/18")')
    page.wait_for_url("**/reports/people/**")
    assert page.locator("#results tbody tr").count() == 8
    screenshot(page, "reports-02-people-behind-a-bar")
    nam_giang = OrgUnit.objects.get(code="S-NG")
    page.goto(f"{reverse('reports:dashboard')}?unit={nam_giang.pk}&as_of={seeds.AS_OF}")
    targets = page.inner_text("#targets")
    assert "62,0" in targets and "50,0" in targets
    screenshot(page, "reports-03-dashboard-nam-giang")
