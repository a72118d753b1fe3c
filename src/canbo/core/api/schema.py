"""Answers every endpoint can give besides its result, declared once for the whole OpenAPI document."""

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def _response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERROR}}}


def declare_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: 403 (not signed in), 400 (a filter value that does not parse),
    404 (an id outside the user's scope, or a page past the end)."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            responses.setdefault("403", _response("Not signed in."))
            if any(p.get("in") == "query" for p in operation.get("parameters", [])):
                responses.setdefault("400", _response("A filter value is not valid; the body names it."))
            responses.setdefault("404", _response("Not found, or outside the user's scope."))
    return result
