from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.accounts.selectors import can
from canbo.organizations.filtersets import with_open_assignments
from canbo.organizations.models import Position
from canbo.people.models import Cadre

from .forms import SCOPE, CadrePositionsForm, EligibilityForm
from .reports import language, outcome_label
from .selectors import eligibility, positions_for, proposal_on, target_position

PER_PAGE = 50
# One cadre is checked against each post in turn: a subtree's first posts, to be narrowed by title.
MAX_POSITIONS = 100


def _rules_view(request):
    if not can(request.user, SCOPE):
        raise PermissionDenied


def _problems(evaluation, lang: str) -> list[dict]:
    return [
        {
            "name": r.name(lang),
            "reason": r.reason(lang),
            "outcome": str(r.outcome),
            "label": outcome_label(r.outcome),
        }
        for r in evaluation.results
        if r.outcome in ("fail", "warning")
    ]


def eligible(request):
    """Every cadre in scope against one post, eligible first, with every failed or doubtful rule's reason."""
    _rules_view(request)
    form = EligibilityForm(request.GET or None, user=request.user)
    context = {"form": form, "title": _("Who is eligible for a post")}
    if not form.is_bound or not form.is_valid():
        return render(request, "rules/eligible.html", context, status=422 if form.is_bound else 200)
    data = form.cleaned_data
    day = data["as_of"] or timezone.localdate()
    position = target_position(data["unit"], data["title"], day)
    if position is None:
        form.add_error("title", _("This unit has no position of this title on that date."))
        return render(request, "rules/eligible.html", context, status=422)
    proposal = proposal_on(data["action"], day)
    found = eligibility(Cadre.objects.restrict(request.user, SCOPE), position, proposal)
    page = Paginator(found.ranking.order, PER_PAGE).get_page(request.GET.get("page"))
    lang = language()
    rows = []
    for index in page.object_list:
        evaluation = found.ranking.evaluation(int(index))
        rows.append({"evaluation": evaluation, "problems": _problems(evaluation, lang)})
    query = request.GET.copy()
    query.pop("page", None)
    context.update(
        position=position,
        day=day,
        found=found,
        page=page,
        rows=rows,
        query=query.urlencode(),
        action=data["action"],
    )
    return render(request, "rules/eligible.html", context)


def cadre_positions(request, pk):
    """The posts one cadre could take: each checked with every rule, posts the rules allow first."""
    _rules_view(request)
    cadre = get_object_or_404(Cadre.objects.restrict(request.user, SCOPE), pk=pk)
    # Opened from the cadre page without a query: vacant posts for an appointment, today.
    form = CadrePositionsForm(request.GET or CadrePositionsForm.DEFAULTS, user=request.user)
    context = {
        "form": form,
        "object": cadre,
        "title": _("Posts %(name)s could take") % {"name": cadre.full_name},
    }
    if not form.is_valid():
        return render(request, "rules/cadre_positions.html", context, status=422)
    data = form.cleaned_data
    day = data["as_of"] or timezone.localdate()
    positions = Position.objects.restrict(request.user, SCOPE).current().filter(unit__valid_to__isnull=True)
    if data["unit"]:
        positions = positions.filter(unit__path__startswith=data["unit"].path)
    if data["title"]:
        positions = positions.filter(title=data["title"])
    if data["vacant"]:
        positions = with_open_assignments(positions).filter(open_assignments__lt=F("seats"))
    positions = list(
        positions.select_related("unit", "title").order_by("unit__path", "title__rank")[: MAX_POSITIONS + 1]
    )
    lang = language()
    checks = [
        {"check": check, "problems": _problems(check.evaluation, lang)}
        for check in positions_for(cadre, positions[:MAX_POSITIONS], data["action"], day)
    ]
    context.update(
        checks=checks,
        day=day,
        more=len(positions) > MAX_POSITIONS,
        limit=MAX_POSITIONS,
        action=data["action"],
    )
    return render(request, "rules/cadre_positions.html", context)
