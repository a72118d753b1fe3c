from .services import acting


class AuditContextMiddleware:
    """Names the user, address and browser behind every entry written while a request is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        with acting(user, request.META.get("REMOTE_ADDR"), request.META.get("HTTP_USER_AGENT", "")):
            return self.get_response(request)
