from django.shortcuts import render
from django.utils import timezone

from canbo.core.selectors import overview


def home(request):
    return render(request, "core/home.html", {"overview": overview(request.user, timezone.localdate())})
