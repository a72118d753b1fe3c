"""Canbo's own deployment checks, run by `canbo check-deploy` beside Django's (`check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def security_baseline(app_configs, **kwargs):
    problems = []
    if not settings.TOTP_REQUIRED:
        problems.append(
            Warning(
                "TOTP_REQUIRED is off: approvers and administrators could sign in with a password alone.",
                hint="Leave CANBO_TOTP_REQUIRED unset (or 1) in production.",
                id="canbo.W001",
            )
        )
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", {})
    if "'self'" not in policy.get("default-src", "") or any("unsafe" in v for v in policy.values()):
        problems.append(
            Warning(
                "The Content-Security-Policy is missing or allows inline or evaluated script.",
                hint="Keep CONTENT_SECURITY_POLICY as Canbo ships it.",
                id="canbo.W002",
            )
        )
    if not settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher"):
        problems.append(
            Warning(
                "Passwords are not hashed with Argon2.",
                hint="Put Argon2PasswordHasher first in PASSWORD_HASHERS.",
                id="canbo.W003",
            )
        )
    if "canbo.core.middleware.ContentSecurityPolicyMiddleware" not in settings.MIDDLEWARE:
        problems.append(
            Warning(
                "The Content-Security-Policy header is not sent.",
                hint="Keep canbo.core.middleware.ContentSecurityPolicyMiddleware in MIDDLEWARE.",
                id="canbo.W004",
            )
        )
    return problems
