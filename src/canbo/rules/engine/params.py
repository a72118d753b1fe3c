"""The thresholds the rules read, with their defaults, sources and checks.

Every figure is a parameter: an administrator can change it from a date on (canbo.rules.models.RuleSetting),
and every evaluation records the values it used. Defaults come from the regulations named in `source`;
those marked "to confirm" are defaults that each body should check against its own practice.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import text

GENDERS = ("male", "female")
LEVELS = ("central", "province", "district", "commune")
SEVERITIES = ("hard", "soft")
# Orders of the qualification scales: a requirement is met by its level or any above it.
DEGREE_ORDER = {code: i for i, code in enumerate(text.DEGREES)}
THEORY_ORDER = {"none": 0, "elementary": 1, "intermediate": 2, "advanced": 3, "bachelor": 3}
MANAGEMENT_ORDER = {code: i for i, code in enumerate(text.STATE_MANAGEMENT)}
STANDARD_FIELDS = {
    "degree": DEGREE_ORDER,
    "political_theory": THEORY_ORDER,
    "state_management": MANAGEMENT_ORDER,
}


class ParamError(ValueError):
    """A parameter value that cannot be used; `vi` and `en` say why."""

    def __init__(self, name: str, vi: str, en: str):
        super().__init__(f"{name}: {en}")
        self.name, self.vi, self.en = name, vi, en


@dataclass(frozen=True)
class ParamSpec:
    name: str
    default: Any
    check: Callable[[str, Any], None]
    vi: str
    en: str
    source: str
    to_confirm: bool = False


def _int(name, value, low=0, high=10_000):
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ParamError(
            name, f"phải là số nguyên từ {low} đến {high}", f"must be a whole number from {low} to {high}"
        )


def _months(name, value):
    _int(name, value, 0, 1200)


def _year(name, value):
    _int(name, value, 1950, 2100)


def _count(name, value):
    _int(name, value, 1, 20)


def _flag(name, value):
    if not isinstance(value, bool):
        raise ParamError(name, "phải là true hoặc false", "must be true or false")


def _codes(name, value):
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ParamError(name, "phải là danh sách mã", "must be a list of codes")


def _mapping(name, value, keys=None):
    if not isinstance(value, dict) or (keys is not None and set(value) != set(keys)):
        wanted = ", ".join(keys) if keys else ""
        raise ParamError(
            name,
            "phải là một bảng" + (f" với các khóa {wanted}" if wanted else ""),
            "must be a mapping" + (f" with the keys {wanted}" if wanted else ""),
        )


def _months_by_gender(name, value):
    _mapping(name, value, GENDERS)
    for gender in GENDERS:
        _months(f"{name}.{gender}", value[gender])


def _months_by_kind(name, value):
    _mapping(name, value)
    for kind, months in value.items():
        if kind not in text.DISCIPLINES:
            raise ParamError(
                name, f"hình thức kỷ luật không rõ: {kind}", f"unknown form of discipline: {kind}"
            )
        _months(f"{name}.{kind}", months)


def _relations(name, value):
    _codes(name, value)
    unknown = [v for v in value if v not in text.RELATIONS]
    if unknown:
        raise ParamError(name, f"quan hệ không rõ: {unknown[0]}", f"unknown relation: {unknown[0]}")


def _grades(name, value):
    _codes(name, value)
    unknown = [v for v in value if v not in text.GRADES]
    if unknown:
        raise ParamError(name, f"mức xếp loại không rõ: {unknown[0]}", f"unknown grade: {unknown[0]}")


def _words(name, value):
    _mapping(name, value)
    for function, words in value.items():
        _codes(f"{name}.{function}", words)


def _standards(name, value):
    """Keys are title codes, "<level>:key" (key posts of a level) or "<level>"; values name minimum levels."""
    _mapping(name, value)
    for key, requirement in value.items():
        level, _sep, scope = key.partition(":")
        if ":" in key and (level not in LEVELS or scope != "key"):
            raise ParamError(name, f"khóa không hợp lệ: {key}", f"invalid key: {key}")
        _mapping(f"{name}.{key}", requirement)
        for field, minimum in requirement.items():
            if field not in STANDARD_FIELDS or minimum not in STANDARD_FIELDS[field]:
                raise ParamError(
                    name, f"yêu cầu không hợp lệ: {key}.{field}", f"invalid requirement: {key}.{field}"
                )


def _severities(name, value):
    _mapping(name, value)
    for rule, severity in value.items():
        if severity not in SEVERITIES:
            raise ParamError(
                name,
                f"mức độ của {rule} phải là hard hoặc soft",
                f"the severity of {rule} must be hard or soft",
            )


_UNIVERSITY = {"degree": "university"}

SPECS: dict[str, ParamSpec] = {
    spec.name: spec
    for spec in [
        ParamSpec(
            "retirement_base_age_months",
            {"male": 720, "female": 660},
            _months_by_gender,
            "Tuổi nghỉ hưu trước lộ trình (tháng)",
            "Retirement age before the schedule (months)",
            "Nghị định 135/2020/NĐ-CP, Điều 4",
        ),
        ParamSpec(
            "retirement_step_months",
            {"male": 3, "female": 4},
            _months_by_gender,
            "Số tháng tăng thêm mỗi năm",
            "Months added each year",
            "Nghị định 135/2020/NĐ-CP, Điều 4",
        ),
        ParamSpec(
            "retirement_final_age_months",
            {"male": 744, "female": 720},
            _months_by_gender,
            "Tuổi nghỉ hưu khi hết lộ trình (tháng)",
            "Retirement age at the end of the schedule (months)",
            "Nghị định 135/2020/NĐ-CP, Điều 4",
        ),
        ParamSpec(
            "retirement_schedule_from_year",
            2021,
            _year,
            "Năm đầu tiên áp dụng lộ trình",
            "First year of the schedule",
            "Nghị định 135/2020/NĐ-CP, Điều 4",
        ),
        ParamSpec(
            "appointment_min_service_months",
            60,
            _months,
            "Thời gian công tác còn lại tối thiểu khi bổ nhiệm lần đầu hoặc bổ nhiệm chức vụ cao hơn (tháng)",
            "Minimum service left at a first or higher appointment (months)",
            "Hướng dẫn 06-HD/BTCTW",
        ),
        ParamSpec(
            "min_months_in_current_post",
            24,
            _months,
            "Thời gian giữ chức vụ hiện tại tối thiểu trước khi bổ nhiệm chức vụ cao hơn (tháng)",
            "Minimum time in the current post before a higher appointment (months)",
            "Hướng dẫn 06-HD/BTCTW",
        ),
        ParamSpec(
            "rotation_min_service_months",
            120,
            _months,
            "Thời gian công tác còn lại tối thiểu khi luân chuyển (tháng)",
            "Minimum service left at rotation (months)",
            "Quy định 65-QĐ/TW (2022)",
        ),
        ParamSpec(
            "rotation_reduced_service_months",
            60,
            _months,
            "Thời gian còn lại tối thiểu khi luân chuyển để bố trí người không phải địa phương "
            "hoặc do đủ hai nhiệm kỳ (tháng)",
            "Minimum service left when the rotation serves the non-local or two-term rule (months)",
            "Quy định 65-QĐ/TW (2022)",
        ),
        ParamSpec(
            "rotation_min_months",
            36,
            _months,
            "Thời gian luân chuyển tối thiểu (tháng)",
            "Minimum length of a rotation (months)",
            "Quy định 65-QĐ/TW (2022)",
        ),
        ParamSpec(
            "term_limit_months",
            96,
            _months,
            "Thời gian giữ một chức vụ liên tục tính là hai nhiệm kỳ (tháng)",
            "Continuous time in one head post that makes two terms (months)",
            "Quy định 65-QĐ/TW (2022); trước đó Quy định 98-QĐ/TW (2017)",
        ),
        ParamSpec(
            "non_local_includes_residence",
            # Off: a cadre's residence is recorded without its length, and counting it would make local every
            # head who moved to the commune for the post.
            False,
            _flag,
            "Tính cả nơi cư trú (khi hồ sơ ghi nơi cư trú lâu dài) khi xác định người địa phương",
            "Count the place of residence (where records hold long residence) as well as the hometown when "
            "telling who is local",
            "Quy định 65-QĐ/TW (2022)",
            to_confirm=True,
        ),
        ParamSpec(
            "discipline_wait_months",
            {"reprimand": 24, "warning": 36, "removal": 60},
            _months_by_kind,
            "Thời gian chờ sau kỷ luật trước khi bổ nhiệm chức vụ cao hơn, theo hình thức (tháng)",
            "Waiting period after discipline before a higher appointment, by form (months)",
            "Hướng dẫn 06-HD/BTCTW",
        ),
        ParamSpec(
            "title_standards",
            {
                "central:key": {
                    "degree": "university",
                    "political_theory": "advanced",
                    "state_management": "senior",
                },
                "province:key": {
                    "degree": "university",
                    "political_theory": "advanced",
                    "state_management": "principal",
                },
                "district:key": {
                    "degree": "university",
                    "political_theory": "advanced",
                    "state_management": "specialist",
                },
                "commune:key": {
                    "degree": "university",
                    "political_theory": "advanced",
                    "state_management": "specialist",
                },
                "central": _UNIVERSITY,
                "province": _UNIVERSITY,
                "district": _UNIVERSITY,
                "commune": _UNIVERSITY,
            },
            _standards,
            'Tiêu chuẩn tối thiểu theo chức danh (mã chức danh, "cấp:key" cho chức danh chủ chốt, hoặc cấp)',
            'Minimum standards per title (title code, "level:key" for key posts, or level)',
            "Quy định 365-QĐ/TW (30/8/2025); trước đó Quy định 214-QĐ/TW (2020)",
            to_confirm=True,
        ),
        ParamSpec(
            "evaluation_years",
            2,
            _count,
            "Số năm gần nhất xem xét kết quả đánh giá",
            "Number of latest years whose evaluation is considered",
            "Quy định 366-QĐ/TW (30/8/2025); Nghị định 335/2025/NĐ-CP",
        ),
        ParamSpec(
            "evaluation_failing_grades",
            ["not_completed"],
            _grades,
            "Các mức xếp loại không đạt",
            "Grades that fail",
            "Quy định 366-QĐ/TW (30/8/2025); Nghị định 335/2025/NĐ-CP",
        ),
        ParamSpec(
            "kinship_relations",
            [
                "spouse",
                "father",
                "mother",
                "parent",
                "father_in_law",
                "mother_in_law",
                "child",
                "child_in_law",
                "sibling",
            ],
            _relations,
            "Các quan hệ gia đình được xét",
            "Family relations that count",
            "Quy định 205-QĐ/TW (2019); Luật Phòng, chống tham nhũng 2018; Nghị định 59/2019/NĐ-CP",
        ),
        ParamSpec(
            "kinship_party_leadership_titles",
            [
                "T_BT",
                "T_PBT_TT",
                "T_PBT",
                "T_TBTC",
                "T_CNUBKT",
                "H_BT",
                "H_PBT_TT",
                "H_TBTC",
                "X_BT",
                "X_PBT_TT",
                "X_TBTC",
                "X_CNUBKT",
            ],
            _codes,
            "Bí thư, phó bí thư, trưởng ban tổ chức, chủ nhiệm ủy ban kiểm tra của cùng cấp ủy",
            "Secretary, deputy secretaries, head of the organization board and of the inspection commission "
            "of one party committee",
            "Quy định 205-QĐ/TW (2019)",
        ),
        ParamSpec(
            "kinship_chairman_titles",
            ["T_CT_UBND", "H_CT_UBND", "X_CT_UBND"],
            _codes,
            "Chủ tịch Ủy ban nhân dân",
            "Chairman of the People's Committee",
            "Quy định 205-QĐ/TW (2019); Nghị định 59/2019/NĐ-CP",
        ),
        ParamSpec(
            "kinship_oversight_unit_words",
            {"home_affairs": ["noi vu"], "inspection": ["thanh tra"]},
            _words,
            "Từ trong tên (không dấu) nhận ra cơ quan nội vụ, thanh tra cùng địa phương",
            "Words of the name (without diacritics) that identify the local home-affairs and inspection "
            "bodies",
            "Quy định 205-QĐ/TW (2019); Nghị định 59/2019/NĐ-CP",
            to_confirm=True,
        ),
        ParamSpec(
            "kinship_sensitive_titles",
            ["X_CC_TC"],
            _codes,
            "Chức danh tổ chức - nhân sự, kế toán, thủ quỹ, thủ kho mà người đứng đầu, cấp phó không được "
            "bố trí người thân",
            "Personnel, accounting, cashier and warehouse titles where heads and deputies may not place "
            "relatives",
            "Luật Phòng, chống tham nhũng 2018; Nghị định 59/2019/NĐ-CP",
            to_confirm=True,
        ),
        ParamSpec(
            "severities",
            {},
            _severities,
            "Đổi mức độ của quy tắc: hard (chặn) hoặc soft (cần giải trình)",
            "Change a rule's severity: hard (blocks) or soft (needs a written justification)",
            "",
        ),
    ]
}

DEFAULTS: dict[str, Any] = {name: spec.default for name, spec in SPECS.items()}


def validate(overrides: Mapping[str, Any]) -> None:
    """Raise ParamError for an unknown name or a value its parameter cannot take."""
    for name, value in overrides.items():
        if name not in SPECS:
            raise ParamError(name, "không có tham số này", "no such parameter")
        SPECS[name].check(name, value)


def merged(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    values = dict(DEFAULTS)
    if overrides:
        validate(overrides)
        values.update(overrides)
    return values
