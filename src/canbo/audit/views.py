"""A record's history (who changed what, when, from where) and the record as it stood on a date."""

import datetime as dt

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_date

from canbo.accounts.selectors import can_on

from . import selectors, services


def record_history(request, model_label, pk):
    instance = selectors.audited_object(request.user, model_label, pk)
    entries = Paginator(selectors.history(model_label, pk), 50).get_page(request.GET.get("page"))
    # Rebuilding a past state is for those who decide on records, not for every viewer.
    may_rebuild = request.user.is_superuser or can_on(request.user, "approve", instance)
    day = parse_date(request.GET.get("as_of") or "") if may_rebuild else None
    past = None
    if day:
        moment = timezone.make_aware(dt.datetime.combine(day, dt.time.max))
        past = sorted(services.record_as_of(model_label, pk, moment).items())
    context = {
        "object": instance,
        "entries": entries,
        "may_rebuild": may_rebuild,
        "as_of": day,
        "past": past,
        "title": str(instance),
    }
    return render(request, "audit/history.html", context)
