"""Hand edits of a proposal: assign, remove and swap, re-checked before they are saved."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from canbo.core import testing
from canbo.rotation import services
from canbo.rotation.engine import DEFAULT_WEIGHTS, Requirements
from canbo.rotation.engine.edits import ASSIGN, REMOVE, SWAP, Edit, EditError, apply_edit, check_edit
from canbo.rotation.models import PlanKind
from canbo.rules.tests.conftest import seat

from .builders import heads_round
from .test_engine import two_posts


def test_apply_edit_assigns_removes_and_swaps():
    pairs = [(0, 0), (1, 2)]
    assert apply_edit(pairs, Edit(ASSIGN, 0, 1)) == [(0, 1), (1, 2)]
    # Someone already placed moves: the slot they leave is empty.
    assert apply_edit(pairs, Edit(ASSIGN, 0, 2)) == [(0, 2)]
    assert apply_edit(pairs, Edit(REMOVE, 1)) == [(0, 0)]
    assert apply_edit(pairs, Edit(SWAP, 0, other=1)) == [(0, 2), (1, 0)]
    with pytest.raises(EditError, match="slot_empty"):
        apply_edit([(0, 0)], Edit(SWAP, 0, other=1))
    with pytest.raises(EditError, match="no_candidate"):
        apply_edit(pairs, Edit(ASSIGN, 0))


def test_check_edit_names_what_the_edit_breaks_and_mends():
    instance = two_posts()
    instance.blocked[0, 1] = 1
    req = Requirements(source_cap=1)
    found = check_edit(instance, DEFAULT_WEIGHTS, req, [(0, 0)], Edit(ASSIGN, 1, 1))
    # Man B at the chairman's post: the pair rule, and a second departure from Unit A.
    assert [v["code"] for v in found["added"]] == ["pair_rule", "source_cap"]
    assert found["after"]["filled"] == 2 and found["change"] > 0
    blocked = check_edit(instance, DEFAULT_WEIGHTS, req, [(0, 0)], Edit(ASSIGN, 0, 1))
    assert blocked["added"][0]["code"] == "blocked" and blocked["added"][0]["reasons"] == ["non_local"]
    mended = check_edit(instance, DEFAULT_WEIGHTS, req, [(0, 0), (1, 1)], Edit(REMOVE, 1))
    assert {v["code"] for v in mended["mended"]} == {"pair_rule", "source_cap"}
    assert mended["added"] == []


@pytest.fixture
def solved(ward, people, department, board):
    """Both heads' seats of Kỳ Trinh, with Giáp, Hoa (a local) and Bình, another cadre from Kỳ Nam."""
    binh = testing.make_cadre("Phạm Văn Bình", managed_by=ward.province, hometown=ward.ky_nam)
    rnd = heads_round(ward, board.organizer, [people.giap, people.hoa, binh])
    services.round_solve(rnd)
    rnd.refresh_from_db()
    rnd.binh = binh
    return rnd


@pytest.mark.django_db
def test_the_pair_rule_leaves_one_head_seat_empty_and_filling_it_by_hand_is_flagged(solved, ward, people):
    assert solved.result["filled"] == 1
    [move] = solved.moves.filter(plan=PlanKind.OPTIMIZER)
    empty = next(p for p in (seat(ward.other, "X_BT"), seat(ward.other, "X_CT_UBND")) if p != move.position)
    other = solved.binh if move.cadre != solved.binh else people.giap
    found = services.proposal_edit(solved, kind=ASSIGN, position=empty, cadre=other)
    assert [v["code"] for v in found["added"]] == ["pair_rule"]
    solved.refresh_from_db()
    assert solved.result["filled"] == 2 and solved.result["edits"] == 1
    assert [v["code"] for v in solved.result["violations"]] == ["pair_rule"]
    edited = solved.moves.get(plan=PlanKind.OPTIMIZER, position=empty)
    assert edited.explanation["edited"] is True
    assert sum(edited.explanation["parts"].values()) == pytest.approx(edited.score, abs=0.01)


@pytest.mark.django_db
def test_an_edit_breaking_a_hard_rule_is_refused(solved, people):
    [move] = solved.moves.filter(plan=PlanKind.OPTIMIZER)
    with translation.override("en"), pytest.raises(ValidationError, match="hard rule"):
        services.proposal_edit(solved, kind=ASSIGN, position=move.position, cadre=people.hoa)
    assert solved.moves.get(plan=PlanKind.OPTIMIZER) == move


@pytest.mark.django_db
def test_removing_a_move_updates_the_figures(solved):
    [move] = solved.moves.filter(plan=PlanKind.OPTIMIZER)
    services.proposal_edit(solved, kind=REMOVE, position=move.position)
    solved.refresh_from_db()
    assert solved.result["filled"] == 0 and solved.result["total"] == 0
    assert not solved.moves.filter(plan=PlanKind.OPTIMIZER).exists()


@pytest.mark.django_db
def test_the_check_page_shows_the_broken_rule_before_anything_is_saved(solved, people, client, board):
    [move] = solved.moves.filter(plan=PlanKind.OPTIMIZER)
    client.force_login(board.organizer)
    response = client.get(
        reverse("rotation:move_check", args=[solved.pk]),
        {"edit-kind": ASSIGN, "edit-position": move.position.pk, "edit-cadre_code": people.hoa.code},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="edit-breaks"' in html and people.hoa.full_name in html
    assert solved.moves.get(plan=PlanKind.OPTIMIZER).cadre == move.cadre
    page = client.get(solved.get_absolute_url())
    check_url = reverse("rotation:move_check", args=[solved.pk])
    assert f'hx-get="{check_url}"' in page.content.decode()


@pytest.mark.django_db
def test_the_check_page_says_what_cannot_be_done(solved, client, board):
    [move] = solved.moves.filter(plan=PlanKind.OPTIMIZER)
    client.force_login(board.organizer)
    response = client.get(
        reverse("rotation:move_check", args=[solved.pk]),
        {"edit-kind": SWAP, "edit-position": move.position.pk},
    )
    assert response.status_code == 200 and 'class="errorlist"' in response.content.decode()
