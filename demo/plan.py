"""Planning demo data: one council's councils, reviews, recommendations, responses, rounds and
updates as unsaved model instances, drawn from a ``random.Random`` seeded by the caller (never the
global one), one per council, so the same seed and "as of" date give the same data however many
councils are planned at a time. Each instance carries ``_history_date``: when the thing it records
would have happened, so that papers "as at" a past date work on demo data as on real data.
"""

import datetime
import random
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from councils.models import Committee, Council, Membership
from recommendations.models import CabinetResponse, Decision, ProgressUpdate, Recommendation, Status
from reviews.models import Review, UpdateRound

from .words import (
    AGREE_COMMENTS,
    BLOCKERS,
    CARRIED_FORWARD,
    COMPLETED,
    COUNCIL_KINDS,
    DECISION_WORDINGS,
    DETAILS,
    DISAGREE_COMMENTS,
    FIRST_NAMES,
    FUNDERS,
    IN_PART_COMMENTS,
    LAST_NAMES,
    MAIN_COMMITTEES,
    MOVES,
    NEXT_STEPS,
    NOT_STARTED,
    NOT_TAKEN_FORWARD,
    OTHER_COMMITTEES,
    PARTNERS,
    PLACE_ENDS,
    PLACE_STARTS,
    PORTFOLIOS,
    PROGRESS,
    REASONS,
    STATUS_WORDINGS,
    SUBJECTS,
    TAILS,
    THEME_NAMES,
    THEMES,
    TITLE_FORMS,
    TOPICS,
)

# Every generated council's slug starts with this and its name with "Demo ";
# officers' usernames start with it too. That is how demo data is found again.
PREFIX = "demo-"
NAME_PREFIX = "Demo "
LONDON = ZoneInfo("Europe/London")
ROUND_DAYS = 182
PLACEHOLDER = re.compile(r"\{(\w+)\}")
FINISHED = Status.finished()
REASON_START = "Generated demo data"


def reason_for(seed):
    return f"{REASON_START} (seed {seed})"


# ~60% agree, ~25% in part, ~10% disagree, ~5% no response recorded.
DECISION_WEIGHTS = [(Decision.AGREE, 60), (Decision.IN_PART, 25), (Decision.DISAGREE, 10), (None, 5)]
STALL_CHANCE = 0.07
OPEN_ROUND_DONE_CHANCE = 0.8


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def _pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _weekday(day):
    """The day, or the Monday after it if it falls at a weekend (committees meet on weekdays)."""
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def _moment(rng, day, first_hour=9, last_hour=17):
    """A time during the working day, in London."""
    return datetime.datetime.combine(
        day, datetime.time(rng.randint(first_hour, last_hour - 1), rng.randrange(0, 60, 5)), tzinfo=LONDON
    )


def _between(rng, start, end, late=False):
    """A random day from start to end inclusive; ``late`` leans towards the end (officers write near the deadline)."""
    span = max((end - start).days, 0)
    fraction = 1 - rng.random() ** 2 if late else rng.random()
    return start + datetime.timedelta(days=round(span * fraction))


class _Words:
    """Fills the {placeholders} of a sentence from the word lists, with one random stream."""

    def __init__(self, rng, place):
        self.rng = rng
        self.place = place

    def fill(self, template, *, thing, around):
        """The template with each {placeholder} filled; only those it names draw on the random stream."""
        rng = self.rng
        year = around.year - (1 if around.month < 4 else 0)  # the financial year it falls in
        makers = {
            "partner": lambda: rng.choice(PARTNERS),
            "funder": lambda: rng.choice(FUNDERS),
            "thing": lambda: thing,
            "place": lambda: self.place,
            "count": lambda: rng.randint(2, 60),
            "thousands": lambda: rng.choice([15, 25, 40, 50, 75, 120, 250]),
            "year": lambda: year,
            "next_year": lambda: f"{(year + 1) % 100:02d}",
            "month_year": lambda: f"{around + datetime.timedelta(days=rng.randint(30, 240)):%B %Y}",
            "date": lambda: f"{around - datetime.timedelta(days=rng.randint(5, 60)):%-d %B %Y}",
            "month_done": lambda: f"{around - datetime.timedelta(days=rng.randint(0, 60)):%B %Y}",
            "month": lambda: f"{around - datetime.timedelta(days=120):%B}",
            "month_later": lambda: f"{around - datetime.timedelta(days=30):%B %Y}",
            "detail": lambda: self.fill(rng.choice(DETAILS), thing=thing, around=around),
            "reason": lambda: self.fill(rng.choice(REASONS), thing=thing, around=around),
            "reason_lower": lambda: _lower_first(self.fill(rng.choice(REASONS), thing=thing, around=around)),
            "blocker": lambda: self.fill(rng.choice(BLOCKERS), thing=thing, around=around),
        }
        names = PLACEHOLDER.findall(template)
        if not names:
            return template
        return template.format(**{name: makers[name]() for name in dict.fromkeys(names)})


def _lower_first(text):
    return text[0].lower() + text[1:]


# ---------------------------------------------------------------------------
# Building one council's data, unsaved
# ---------------------------------------------------------------------------


@dataclass
class _CouncilPlan:
    council: Council
    officers: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    committees: list = field(default_factory=list)
    reviews: list = field(default_factory=list)
    rounds: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)
    # (recommendation, theme name) pairs.
    theme_links: list = field(default_factory=list)
    responses: list = field(default_factory=list)
    updates: list = field(default_factory=list)


def council_names(rng, count):
    """``count`` distinct (name, slug) pairs, "Demo Ashford Borough Council" / "demo-ashford"."""
    places = [start + end for start in PLACE_STARTS for end in PLACE_ENDS]
    rng.shuffle(places)
    names = []
    for i in range(count):
        place = places[i % len(places)]
        if i >= len(places):
            place = f"{place} {i // len(places) + 1}"
        names.append((place, f"{NAME_PREFIX}{place} {rng.choice(COUNCIL_KINDS)}", PREFIX + slugify(place)))
    return names


def plan_council(*, index, place, name, slug, seed, sizes, as_of):
    rng = random.Random(f"{seed}:{index}")
    words = _Words(rng, place)
    council = Council(name=name, slug=slug)
    plan = _CouncilPlan(council=council)
    decision_words = rng.choice(DECISION_WORDINGS)
    status_words = rng.choice(STATUS_WORDINGS)
    gives_titles = rng.random() < 0.3  # some councils give each recommendation a short title

    people = rng.sample([(f, la) for f in FIRST_NAMES for la in LAST_NAMES], rng.randint(3, 5) + 2)
    scrutiny_officer, cabinet_member = people[:2]
    for first, last in people[2:]:
        user = get_user_model()(
            username=f"{slug}-{first}.{last}".lower(),
            first_name=first,
            last_name=last,
            email=f"{first}.{last}@{slug}.example".lower(),
            password=make_password(None),
        )
        plan.officers.append(user)
        plan.memberships.append(Membership(user=user, council=council, role=Membership.Role.OFFICER))

    main = Committee(council=council, name=rng.choice(MAIN_COMMITTEES))
    plan.committees = [main] + [
        Committee(council=council, name=n) for n in rng.sample(OTHER_COMMITTEES, rng.randint(1, 3))
    ]
    responder = f"Councillor {cabinet_member[0]} {cabinet_member[1]}"

    topics = rng.sample(TOPICS, min(sizes.reviews, len(TOPICS)))
    while len(topics) < sizes.reviews:
        topic, themes = rng.choice(TOPICS)
        topics.append((f"{topic} ({len(topics) + 1})", themes))
    for topic, review_themes in topics:
        _plan_review(
            plan, rng, words, topic, review_themes, sizes, as_of,
            committee=main if rng.random() < 0.6 else rng.choice(plan.committees[1:]),
            decision_words=decision_words, status_words=status_words, gives_titles=gives_titles,
            responder=responder, responder_role=f"Cabinet Member for {rng.choice(PORTFOLIOS).format(place=place)}",
            scrutiny_officer=f"{scrutiny_officer[0]} {scrutiny_officer[1]}, Scrutiny Officer",
        )  # fmt: skip

    # The council, its committees and its officers are on record a little before its first review.
    start = _moment(rng, min(r.recommended_date for r in plan.reviews) - datetime.timedelta(days=60))
    for obj in [council, *plan.committees, *plan.memberships]:
        obj._history_date = start
    return plan


def _plan_review(
    plan, rng, words, topic, review_themes, sizes, as_of, *, committee, decision_words, status_words,
    gives_titles, responder, responder_role, scrutiny_officer,
):  # fmt: skip
    council = plan.council
    form = rng.choice(TITLE_FORMS)
    title = form.format(topic=topic, Topic=topic[0].upper() + topic[1:])
    # Rounds every six months; the last meets between four months ago and six weeks ahead.
    last_meeting = as_of + datetime.timedelta(days=rng.randint(-120, 45))
    meetings = [
        _weekday(
            last_meeting - datetime.timedelta(days=ROUND_DAYS * (sizes.rounds - 1 - j) + rng.randint(-10, 10))
        )
        for j in range(sizes.rounds)
    ]
    meetings[-1] = _weekday(last_meeting)
    response_date = _weekday(meetings[0] - datetime.timedelta(days=rng.randint(150, 200)))
    recommended_date = _weekday(response_date - datetime.timedelta(days=rng.randint(30, 90)))
    review = Review(
        council=council,
        committee=committee,
        title=title,
        slug=f"{council.slug}-{slugify(topic)}"[:100],
        recommended_date=recommended_date,
        report_dated=f"{recommended_date:%B %Y}",
        endorsed_date=response_date + datetime.timedelta(days=rng.randint(0, 40))
        if rng.random() < 0.5
        else None,
    )
    review._history_date = _moment(rng, recommended_date)  # type: ignore[attr-defined]  # for simple-history
    plan.reviews.append(review)

    rounds = []
    for j, meeting in enumerate(meetings):
        due = meeting - datetime.timedelta(days=rng.randint(14, 28))
        closes = meeting + datetime.timedelta(days=rng.randint(2, 10))
        update_round = UpdateRound(
            review=review,
            committee=committee,
            meeting_date=meeting,
            title=f"Update on implementation of the recommendations of the {title}",
            report_author=scrutiny_officer,
            cabinet_member=f"{responder}, {responder_role}",
            wards="All",
            introduction=(
                "## Purpose of report\n\n"
                f"To update the committee on progress against the {sizes.recommendations} recommendations "
                f"of the {title}, to which the Cabinet responded on {response_date:%-d %B %Y}."
            ),
            previous_update_date=meetings[j - 1] if j else None,
            due_date=due,
        )
        # Opened the day after the last meeting (or the response), closed a few days after its own;
        # updates are written in between, up to the due date.
        update_round._starts = (meetings[j - 1] if j else response_date) + datetime.timedelta(days=1)  # type: ignore[attr-defined]  # read by write.py
        update_round._history_date = _moment(rng, update_round._starts)  # type: ignore[attr-defined]  # for simple-history
        update_round._closes_at = _moment(rng, closes) if closes < as_of else None  # type: ignore[attr-defined]  # read by write.py
        rounds.append(update_round)
    plan.rounds.extend(rounds)

    # The review's own leaning: some are welcomed, some are not.
    warmth = rng.uniform(0.6, 1.4)
    weights = [(d, w * (warmth if d == Decision.AGREE else 1)) for d, w in DECISION_WEIGHTS]
    used = set()
    for number in range(1, sizes.recommendations + 1):
        theme = rng.choice(review_themes) if rng.random() < 0.7 else rng.choice(THEME_NAMES)
        choices = [c for c in THEMES[theme] if c[1] not in used] or [
            c for name in THEME_NAMES for c in THEMES[name] if c[1] not in used
        ]
        if not choices:
            choices = THEMES[theme]
        short_title, clause, thing = rng.choice(choices)
        used.add(clause)
        subject = rng.choice(SUBJECTS)
        tail = words.fill(rng.choice(TAILS), thing=thing, around=recommended_date)
        text = f"That {subject} {words.fill(clause, thing=thing, around=recommended_date)}{tail}"
        recommendation = Recommendation(
            review=review,
            position=number,
            title=short_title if gives_titles else "",
            text=text,
            lead_officer=rng.choice(plan.officers) if rng.random() < 0.9 else None,
            source_position=number,
        )
        recommendation._history_date = review._history_date  # type: ignore[attr-defined]  # for simple-history
        plan.recommendations.append(recommendation)
        others = [t for t in THEME_NAMES if t != theme]
        for name in [theme, *rng.sample(others, _pick(rng, [(0, 45), (1, 40), (2, 15)]))]:
            plan.theme_links.append((recommendation, name))

        decision = _pick(rng, weights)
        if decision is not None:
            template = {
                Decision.AGREE: AGREE_COMMENTS,
                Decision.IN_PART: IN_PART_COMMENTS,
                Decision.DISAGREE: DISAGREE_COMMENTS,
            }[decision]
            response = CabinetResponse(
                recommendation=recommendation,
                decision=decision,
                decision_wording=decision_words[decision],
                comment=words.fill(rng.choice(template), thing=thing, around=response_date),
                responder_name=responder,
                responder_role=responder_role,
                response_date=response_date,
                source_position=number,
            )
            response._history_date = _moment(rng, response_date)  # type: ignore[attr-defined]  # for simple-history
            plan.responses.append(response)
        _plan_updates(plan, rng, words, recommendation, rounds, decision, thing, status_words, as_of)


def _plan_updates(plan, rng, words, recommendation, rounds, decision, thing, status_words, as_of):
    """One update a round, the status moving on, until it stalls; the open round may still be owed."""
    moves = MOVES[decision]
    status: Status | None = None
    finished_on = None
    stalls_at = rng.randint(1, len(rounds) - 1) if len(rounds) > 1 and rng.random() < STALL_CHANCE else None
    author = recommendation.lead_officer or rng.choice(plan.officers)
    for j, update_round in enumerate(rounds):
        if stalls_at is not None and j >= stalls_at and status not in FINISHED:
            break
        end = update_round.due_date
        if update_round._closes_at is None:
            # The open round: updates are written up to today; some are still owed.
            if end > as_of:
                elapsed = (as_of - update_round._starts).days / max((end - update_round._starts).days, 1)
                chance = OPEN_ROUND_DONE_CHANCE * min(max(elapsed, 0), 1)
            else:
                chance = OPEN_ROUND_DONE_CHANCE
            if rng.random() >= chance:
                continue
            end = min(end, as_of)
        update_date = _between(rng, update_round._starts, end, late=True)
        if status in FINISHED:
            text = CARRIED_FORWARD[status].format(month_year=f"{finished_on:%B %Y}")
        else:
            status = _pick(rng, moves[status])
            pool = {
                Status.NOT_STARTED: NOT_STARTED,
                Status.COMPLETED: COMPLETED,
                Status.NOT_TAKEN_FORWARD: NOT_TAKEN_FORWARD,
            }.get(status)
            if pool:
                text = words.fill(rng.choice(pool), thing=thing, around=update_date)
            else:
                text = " ".join(
                    words.fill(rng.choice(PROGRESS), thing=thing, around=update_date)
                    for _ in range(rng.randint(1, 2))
                )
                text += "\n\n" + words.fill(rng.choice(NEXT_STEPS), thing=thing, around=update_date)
            if status in FINISHED:
                finished_on = update_date
        update = ProgressUpdate(
            recommendation=recommendation,
            round=update_round,
            status=status,
            status_wording=status_words[status],
            text=text,
            update_date=update_date,
            author=author,
            evidence=f"Report to Cabinet, {update_date:%-d %B %Y}" if rng.random() < 0.1 else "",
        )
        update._history_date = _moment(rng, update_date)  # type: ignore[attr-defined]  # for simple-history
        plan.updates.append(update)


@dataclass(frozen=True)
class Sizes:
    councils: int
    reviews: int
    recommendations: int
    rounds: int
