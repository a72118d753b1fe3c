"""The words an import file may use for coded values, in Vietnamese or English.

Each vocabulary is generated from a model's TextChoices (the stored key and the label in both languages)
plus the Vietnamese synonyms below, so a new choice becomes importable as soon as it exists. Matching ignores
case, diacritics, spaces, hyphens and underscores.
"""

import re
from dataclasses import dataclass
from functools import cache

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from canbo.careers.models import ActionKind
from canbo.core.text import fold
from canbo.organizations.models import OrgUnitKind, TitleGroup, TitleLevel
from canbo.people.models import Degree, Gender, PoliticalTheory, Religion, StateManagement

_SEPARATORS = re.compile(r"[\s_\-./'’]+")


def normalize(text) -> str:
    """Fold a word for matching: 'Đặc khu' -> 'dac khu', 'special_zone' -> 'special zone'."""
    return _SEPARATORS.sub(" ", fold(str(text))).strip()


# The first synonym of each value is the word the documentation and error messages show.
SYNONYMS: dict[type[models.TextChoices], dict[str, tuple[str, ...]]] = {
    OrgUnitKind: {
        OrgUnitKind.PROVINCE: ("tỉnh",),
        OrgUnitKind.CITY: ("thành phố trung ương", "thành phố trực thuộc trung ương", "tp trung ương"),
        OrgUnitKind.DISTRICT: ("huyện", "quận", "thị xã"),
        OrgUnitKind.COMMUNE: ("xã",),
        OrgUnitKind.WARD: ("phường",),
        OrgUnitKind.SPECIAL_ZONE: ("đặc khu",),
        OrgUnitKind.PARTY_COMMITTEE: ("đảng ủy", "đảng bộ", "tỉnh ủy", "thành ủy", "huyện ủy"),
        OrgUnitKind.PARTY_CELL: ("chi bộ",),
        OrgUnitKind.PEOPLES_COMMITTEE: ("ubnd", "ủy ban nhân dân"),
        OrgUnitKind.PEOPLES_COUNCIL: ("hđnd", "hội đồng nhân dân"),
        OrgUnitKind.DEPARTMENT: ("sở", "phòng", "sở/phòng", "ban"),
        OrgUnitKind.FATHERLAND_FRONT: ("mttq", "mặt trận tổ quốc", "ủy ban mttq"),
        OrgUnitKind.MASS_ORGANIZATION: ("đoàn thể", "tổ chức đoàn thể", "hội"),
    },
    Gender: {Gender.MALE: ("nam",), Gender.FEMALE: ("nữ",)},
    Degree: {
        Degree.NONE: ("không", "chưa qua đào tạo"),
        Degree.VOCATIONAL: ("trung cấp",),
        Degree.COLLEGE: ("cao đẳng",),
        Degree.UNIVERSITY: ("đại học", "cử nhân", "kỹ sư"),
        Degree.MASTER: ("thạc sĩ", "thạc sỹ"),
        Degree.DOCTORATE: ("tiến sĩ", "tiến sỹ"),
    },
    PoliticalTheory: {
        PoliticalTheory.NONE: ("không", "chưa qua đào tạo"),
        PoliticalTheory.ELEMENTARY: ("sơ cấp",),
        PoliticalTheory.INTERMEDIATE: ("trung cấp",),
        PoliticalTheory.ADVANCED: ("cao cấp",),
        PoliticalTheory.BACHELOR: ("cử nhân",),
    },
    StateManagement: {
        StateManagement.NONE: ("không",),
        StateManagement.SPECIALIST: ("chuyên viên",),
        StateManagement.PRINCIPAL: ("chuyên viên chính",),
        StateManagement.SENIOR: ("chuyên viên cao cấp",),
    },
    Religion: {
        Religion.NONE: ("không",),
        Religion.BUDDHISM: ("phật giáo", "đạo phật"),
        Religion.CATHOLICISM: ("công giáo", "thiên chúa giáo"),
        Religion.PROTESTANTISM: ("tin lành",),
        Religion.CAO_DAI: ("cao đài",),
        Religion.HOA_HAO: ("hòa hảo", "phật giáo hòa hảo"),
        Religion.ISLAM: ("hồi giáo",),
        Religion.OTHER: ("khác",),
    },
    ActionKind: {
        ActionKind.RECRUITMENT: ("tuyển dụng",),
        ActionKind.APPOINTMENT: ("bổ nhiệm",),
        ActionKind.REAPPOINTMENT: ("bổ nhiệm lại",),
        ActionKind.ELECTION: ("bầu cử", "bầu"),
        ActionKind.TRANSFER: ("điều động",),
        ActionKind.ROTATION: ("luân chuyển",),
        ActionKind.SECONDMENT: ("biệt phái",),
        ActionKind.RETURN: ("trở về", "trở về sau luân chuyển"),
        ActionKind.CONCURRENT: ("kiêm nhiệm",),
        ActionKind.DISMISSAL: ("miễn nhiệm",),
        ActionKind.RESIGNATION: ("thôi việc", "nghỉ việc"),
        ActionKind.RETIREMENT: ("nghỉ hưu",),
    },
    TitleLevel: {
        TitleLevel.CENTRAL: ("trung ương",),
        TitleLevel.PROVINCE: ("tỉnh", "cấp tỉnh"),
        TitleLevel.DISTRICT: ("huyện", "cấp huyện"),
        TitleLevel.COMMUNE: ("xã", "cấp xã"),
    },
    TitleGroup: {
        TitleGroup.PARTY: ("đảng", "khối đảng"),
        TitleGroup.GOVERNMENT: ("chính quyền", "ubnd"),
        TitleGroup.COUNCIL: ("hđnd", "hội đồng nhân dân"),
        TitleGroup.FRONT: ("mttq", "mặt trận", "đoàn thể", "mttq và đoàn thể"),
        TitleGroup.CIVIL_SERVICE: ("công chức",),
    },
}

# What each vocabulary is called in messages.
NAMES = {
    OrgUnitKind: _("unit kind"),
    Gender: _("gender"),
    Degree: _("professional degree"),
    PoliticalTheory: _("political theory level"),
    StateManagement: _("state management level"),
    Religion: _("religion"),
    ActionKind: _("personnel action"),
    TitleLevel: _("title level"),
    TitleGroup: _("title group"),
}

TRUE_WORDS = ("có", "x", "1", "yes", "true", "y", "đúng")
FALSE_WORDS = ("không", "0", "no", "false", "n", "sai", "")


@dataclass(frozen=True)
class Vocabulary:
    name: object  # lazy text, rendered in the language of each message
    words: dict[str, str]  # normalized word -> stored value
    allowed: tuple[tuple[str, str], ...]  # (Vietnamese word, English key) per value, for messages and docs

    def lookup(self, raw) -> str | None:
        return self.words.get(normalize(raw))

    def allowed_text(self) -> str:
        return ", ".join(f"{vi} / {key}" for vi, key in self.allowed)


@cache
def vocabulary(choices: type[models.TextChoices]) -> Vocabulary:
    """The vocabulary of a TextChoices class; built once, after translations are available."""
    synonyms = SYNONYMS.get(choices, {})
    words: dict[str, str] = {}
    allowed = []
    for value, label in choices.choices:
        # Explicit words first, so a label never steals a synonym of another value.
        for word in (value, *synonyms.get(value, ())):
            words.setdefault(normalize(word), value)
        allowed.append((synonyms.get(value, (str(label),))[0], value))
    for value, label in choices.choices:
        for language in ("en", "vi"):
            with override(language):
                words.setdefault(normalize(label), value)
    return Vocabulary(name=NAMES.get(choices, choices.__name__), words=words, allowed=tuple(allowed))


def parse_bool(raw) -> bool | None:
    """True, False, or None when the word is not a yes/no."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float):
        return {1: True, 0: False}.get(raw)
    word = normalize(raw)
    if word in {normalize(w) for w in TRUE_WORDS}:
        return True
    if word in {normalize(w) for w in FALSE_WORDS}:
        return False
    return None


# Other spellings of ethnic groups, to the official names of list 1019/QĐ-TCTK (see canbo.people.reference).
# Spellings that differ only by case, diacritics, spaces or hyphens ("Khơ-me", "Bru - Vân Kiều") match anyway.
ETHNICITY_ALIASES = {
    "Việt": "Kinh",
    "Khmer": "Khơ Me",
    "H'Mông": "Mông",
    "Mèo": "Mông",
    "Jrai": "Gia Rai",
    "Ede": "Ê Đê",
    "Bahnar": "Ba Na",
    "K'Ho": "Cơ Ho",
    "Sedang": "Xơ Đăng",
    "M'Nông": "Mnông",
    "X'Tiêng": "Xtiêng",
    "Stiêng": "Xtiêng",
    "Vân Kiều": "Bru Vân Kiều",
    "Cờ Lao": "Cơ Lao",
}


def ethnicity_key(name: str) -> str:
    """'Bru - Vân Kiều', 'bru-van kieu' and 'Bru Vân Kiều' all give 'bruvankieu'."""
    return normalize(name).replace(" ", "")
