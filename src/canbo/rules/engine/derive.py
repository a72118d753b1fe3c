"""Facts derived from a Person that several rules share (their array twins live in population.Frame)."""

import datetime as dt
from dataclasses import dataclass

from . import dates
from .facts import Holding, Person, Post, continuity_starts, current_index
from .population import seniority


@dataclass(frozen=True, slots=True)
class Retirement:
    age_months: int
    date: dt.date  # the last day of the month the age is reached: the last day of service
    first_day_after: dt.date


def gender_of(person: Person) -> str:
    return "male" if person.gender == "male" else "female"


def retirement(person: Person, params) -> Retirement:
    birth = dates.effective_birth_date(person.birth_date, person.birth_year_only)
    birth_month = dates.month_index(birth)
    age = dates.retirement_age_months(birth_month, gender_of(person), params)
    return Retirement(age, dates.month_end(birth_month + age), dates.month_start(birth_month + age + 1))


def service_left(person: Person, day: dt.date, params) -> int:
    """Whole months of service from `day` to retirement."""
    return dates.months_between(day, retirement(person, params).first_day_after)


@dataclass(frozen=True, slots=True)
class Current:
    holding: Holding
    since: dt.date  # held without a break since then


def current(person: Person, day: dt.date) -> Current | None:
    index = current_index(person.posts, day)
    if index is None:
        return None
    return Current(person.posts[index], continuity_starts(person.posts)[index])


def same_post_since(person: Person, post: Post, day: dt.date) -> dt.date | None:
    """Since when the person has held `post` without a break, if they hold it on `day`."""
    starts = continuity_starts(person.posts)
    held = [s for h, s in zip(person.posts, starts, strict=True) if h.held_on(day) and h.post.same_post(post)]
    return min(held) if held else None


def is_promotion(now: Current | None, target: Post) -> bool:
    """A first post, or a target more senior than the current post."""
    return now is None or seniority(target) < seniority(now.holding.post)


def locality(person: Person, territory_id: int | None, params) -> tuple[bool, bool]:
    """(hometown lies in the territory, residence lies in it and residence counts)."""
    if territory_id is None:
        return False, False
    by_residence = params["non_local_includes_residence"] and territory_id in person.residence_ids
    return territory_id in person.hometown_ids, by_residence
