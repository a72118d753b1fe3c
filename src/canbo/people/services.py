"""Writes on cadre profiles. Views, forms, imports and the demo go through these functions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.core.models import claim_version
from canbo.core.text import fold, name_sort_key, split_full_name

from .models import Cadre


def derive_name_fields(cadre: Cadre) -> None:
    """Fill the name parts, search text and Vietnamese sort key from `full_name`."""
    cadre.full_name = " ".join(cadre.full_name.split())
    cadre.family_name, cadre.middle_name, cadre.given_name = split_full_name(cadre.full_name)
    cadre.search_text = f"{fold(cadre.full_name)} {fold(cadre.other_names)} {cadre.code.lower()}".strip()[
        :255
    ]
    cadre.sort_key = name_sort_key(cadre.family_name, cadre.middle_name, cadre.given_name)


def _validate(cadre: Cadre) -> None:
    errors = {}
    if cadre.birth_date and cadre.party_join_date and cadre.party_join_date <= cadre.birth_date:
        errors["party_join_date"] = _("The Party join date must come after the date of birth.")
    if cadre.party_official_date and not cadre.party_join_date:
        errors["party_official_date"] = _("An official membership date needs a Party join date.")
    elif cadre.party_official_date and cadre.party_official_date < cadre.party_join_date:
        errors["party_official_date"] = _("Official membership cannot come before joining the Party.")
    if cadre.recruited_on and cadre.birth_date and cadre.recruited_on <= cadre.birth_date:
        errors["recruited_on"] = _("The recruitment date must come after the date of birth.")
    if errors:
        raise ValidationError(errors)
    cadre.full_clean()


@transaction.atomic
def cadre_create(**fields) -> Cadre:
    cadre = Cadre(**fields)
    derive_name_fields(cadre)
    _validate(cadre)
    cadre.save()
    return cadre


@transaction.atomic
def cadre_update(cadre: Cadre, expected_version: int | None = None, **fields) -> Cadre:
    """Change a profile; with `expected_version` (web edits), refuse if someone else saved in between."""
    for name, value in fields.items():
        setattr(cadre, name, value)
    derive_name_fields(cadre)
    _validate(cadre)
    claim_version(cadre, expected_version)
    cadre.save()
    return cadre
