"""Time-based one-time passwords (RFC 6238) in plain Python: no Django here, tested alone."""

import pyotp

PERIOD = 30
DIGITS = 6
# Codes from one step either side are accepted: phones' clocks drift by a few seconds.
DRIFT_STEPS = 1


def new_secret() -> str:
    """A random 160-bit secret in base 32, the form authenticator apps read."""
    return pyotp.random_base32(32)


def provisioning_uri(secret: str, account: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=PERIOD).provisioning_uri(
        name=account, issuer_name=issuer
    )


def code_at(secret: str, timestamp: float, *, digits: int = DIGITS, digest: str = "sha1") -> str:
    return pyotp.TOTP(secret, digits=digits, interval=PERIOD, digest=digest).at(int(timestamp))


def matching_step(
    secret: str,
    code: str,
    timestamp: float,
    *,
    after_step: int = 0,
    digits: int = DIGITS,
    digest: str = "sha1",
) -> int | None:
    """The time step whose code is `code`, within the accepted drift and later than `after_step` (so that a
    code already used is refused); None when the code does not match."""
    code = "".join(code.split())
    if len(code) != digits or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret, digits=digits, interval=PERIOD, digest=digest)
    current = int(timestamp) // PERIOD
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if step > after_step and pyotp.utils.strings_equal(totp.generate_otp(step), code):
            return step
    return None
