from django import template

from .. import text

register = template.Library()

register.filter("why_text", text.why_text)
register.filter("requirement_text", text.requirement_text)
register.filter("relaxed_text", text.relaxed_text)
register.filter("parts_text", text.parts_text)


@register.filter
def group_name(code: str) -> str:
    return str(text.GROUPS.get(code, code))


register.filter("violation_text", text.violation_text)


@register.filter
def lookup(data: dict, key: str):
    return data.get(key)
