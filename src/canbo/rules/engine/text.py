"""Words the reasons are made of, in Vietnamese and English.

The engine has no gettext: every reason is written in both languages at once and the caller shows the one
of the active language.
"""

import datetime as dt

ACTIONS = {
    "appointment": ("bổ nhiệm", "appointment"),
    "reappointment": ("bổ nhiệm lại", "re-appointment"),
    "transfer": ("điều động", "transfer"),
    "rotation": ("luân chuyển", "rotation"),
    "secondment": ("biệt phái", "secondment"),
    "return": ("trở về sau luân chuyển", "return after rotation"),
    "dismissal": ("miễn nhiệm", "dismissal from post"),
    "retirement": ("nghỉ hưu", "retirement"),
}
RELATIONS = {
    "spouse": ("Vợ/chồng", "Spouse"),
    "father": ("Bố", "Father"),
    "mother": ("Mẹ", "Mother"),
    "parent": ("Bố/mẹ", "Parent"),
    "father_in_law": ("Bố vợ/chồng", "Father-in-law"),
    "mother_in_law": ("Mẹ vợ/chồng", "Mother-in-law"),
    "child": ("Con", "Child"),
    "child_in_law": ("Con dâu/rể", "Child-in-law"),
    "sibling": ("Anh/chị/em ruột", "Sibling"),
    "sibling_in_law": ("Anh/chị/em vợ/chồng", "Sibling-in-law"),
}
DEGREES = {
    "none": ("không có", "none"),
    "vocational": ("trung cấp", "vocational"),
    "college": ("cao đẳng", "college"),
    "university": ("đại học", "university"),
    "master": ("thạc sĩ", "master's"),
    "doctorate": ("tiến sĩ", "doctorate"),
}
POLITICAL_THEORY = {
    "none": ("chưa có", "none"),
    "elementary": ("sơ cấp", "elementary"),
    "intermediate": ("trung cấp", "intermediate"),
    "advanced": ("cao cấp", "advanced"),
    "bachelor": ("cử nhân", "bachelor"),
}
STATE_MANAGEMENT = {
    "none": ("chưa có", "none"),
    "specialist": ("chuyên viên", "specialist"),
    "principal": ("chuyên viên chính", "principal specialist"),
    "senior": ("chuyên viên cao cấp", "senior specialist"),
}
DISCIPLINES = {
    "reprimand": ("khiển trách", "reprimand"),
    "warning": ("cảnh cáo", "warning"),
    "removal": ("cách chức", "removal from post"),
    "expulsion": ("khai trừ", "expulsion"),
    "demotion": ("giáng chức", "demotion"),
    "dismissal": ("buộc thôi việc", "forced dismissal"),
}
GRADES = {
    "excellent": ("hoàn thành xuất sắc nhiệm vụ", "excellent"),
    "good": ("hoàn thành tốt nhiệm vụ", "good"),
    "completed": ("hoàn thành nhiệm vụ", "completed"),
    "not_completed": ("không hoàn thành nhiệm vụ", "not completed"),
}

# Words that open a locality's name; lower-cased inside a sentence ("quê quán xã Kỳ Nam").
_DIVISION_WORDS = ("Thành phố", "Thị trấn", "Đặc khu", "Thị xã", "Phường", "Huyện", "Quận", "Tỉnh", "Xã")


def label(table: dict, code: str) -> tuple[str, str]:
    return table.get(code, (code, code))


def date_text(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "…"


def inline(name: str) -> str:
    """'Xã Kỳ Nam' -> 'xã Kỳ Nam' in the middle of a Vietnamese sentence."""
    for word in _DIVISION_WORDS:
        if name.startswith(word + " "):
            return word.lower() + name[len(word) :]
    return name


def age_text(months: int) -> tuple[str, str]:
    years, rest = divmod(months, 12)
    if rest:
        return f"{years} tuổi {rest} tháng", f"{years} years {rest} months"
    return f"{years} tuổi", f"{years} years"
