"""`canbo check-deploy`: Django's deployment checks and Canbo's own, with production settings, fail on any
warning. Each run starts a process of its own, with the environment a deployment would set."""

import os
import subprocess
import sys

import pytest
from django.core.checks import run_checks

STRONG_KEY = "k3P9-vQz7_Lw2xN8rT5yB1mC6hJ0dF4sG9aE2uR7iO3pK8lZ5nX1qW6"


def check_deploy(*args, **env):
    # Not the test run's own settings, nor the async-safety switch the browser tests set for themselves.
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("CANBO_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "canbo.cli", "check-deploy", *args],
        env=environment,
        capture_output=True,
        text=True,
    )


def test_a_production_environment_passes_every_check():
    done = check_deploy(CANBO_SECRET_KEY=STRONG_KEY, CANBO_ALLOWED_HOSTS="canbo.tinh.gov.vn")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_a_development_environment_fails_and_names_each_warning():
    # Even with CANBO_DEBUG=1 in the environment the check runs with DEBUG off: that is what it is for.
    done = check_deploy(
        "--tag",
        "security",
        CANBO_DEBUG="1",
        CANBO_SECRET_KEY="short",
        CANBO_HTTPS="0",
        CANBO_TOTP_REQUIRED="0",
    )
    assert done.returncode != 0
    output = done.stdout + done.stderr
    for warning in ("security.W009", "security.W004", "security.W008", "security.W012", "canbo.W001"):
        assert warning in output, warning
    assert "security.W018" not in output  # DEBUG is off, whatever the environment said


def test_a_missing_secret_key_fails():
    done = check_deploy("--tag", "security", CANBO_ALLOWED_HOSTS="canbo.tinh.gov.vn")
    assert done.returncode != 0
    assert "security.W009" in done.stdout + done.stderr


def test_canbo_checks_name_a_weakened_policy_and_hasher(settings):
    settings.TOTP_REQUIRED = True
    policy = {**settings.CONTENT_SECURITY_POLICY, "script-src": "'self' 'unsafe-inline'"}
    settings.CONTENT_SECURITY_POLICY = policy
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "ContentSecurityPolicy" not in m]
    ids = {message.id for message in run_checks(tags=["security"], include_deployment_checks=True)}
    assert {"canbo.W002", "canbo.W003", "canbo.W004"} <= ids
    assert "canbo.W001" not in ids


@pytest.mark.parametrize("debug", ["1", "0"])
def test_totp_is_required_by_default_only_in_production(debug):
    done = subprocess.run(
        [sys.executable, "-c", "import canbo.settings as s; print(s.TOTP_REQUIRED, s.SESSION_COOKIE_SECURE)"],
        env={**{k: v for k, v in os.environ.items() if not k.startswith("CANBO_")}, "CANBO_DEBUG": debug},
        capture_output=True,
        text=True,
    )
    assert done.stdout.split() == (["False", "False"] if debug == "1" else ["True", "True"])
