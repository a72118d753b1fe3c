"""The Content-Security-Policy header on every kind of answer, and pages that need no exception to it."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style[\s>]|\sstyle=", re.IGNORECASE)


def directives(response) -> dict:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


def test_sign_in_page_sends_the_policy(client):
    response = client.get(reverse("accounts:login"))
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)


@pytest.mark.parametrize(
    "name", ["core:home", "people:cadre_list", "organizations:orgunit_tree", "accounts:account", "api:docs"]
)
def test_pages_send_the_policy_and_carry_no_inline_script_or_style(admin_client, name):
    response = admin_client.get(reverse(name))
    assert response.status_code == 200
    assert directives(response)["script-src"] == ["'self'"]
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
    assert not INLINE_STYLE.search(html), INLINE_STYLE.search(html).group(0)


def test_api_answers_and_redirects_send_it_too(admin_client, client):
    assert "default-src 'self'" in admin_client.get(reverse("api:api-root"))["Content-Security-Policy"]
    assert "default-src 'self'" in client.get(reverse("core:home"))["Content-Security-Policy"]
