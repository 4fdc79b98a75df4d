"""Planning demo data: one council's councils, reviews, recommendations, responses, rounds and
updates as unsaved records (``rows.Planned``), drawn from a ``random.Random`` seeded by the caller (never the
global one), one per council, so the same seed and "as of" date give the same data however many
councils are planned at a time. Each record carries ``_history_date``: when the thing it records
would have happened, so that papers "as at" a past date work on demo data as on real data.
"""

import datetime
import functools
import random
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from common.dates import add_months
from councils.models import Committee, Council, EscalationStep, Membership
from recommendations.models import (
    CabinetResponse,
    Decision,
    Escalation,
    ExtensionRequest,
    Forecast,
    ProgressUpdate,
    Recommendation,
    SignOff,
    SignOffOutcome,
    Status,
    TargetDate,
    TargetKind,
    UpdateAssessment,
)
from reviews.models import Review, UpdateRound
from reviews.services import response_due

from .rows import Planned
from .words import (
    AGREE_COMMENTS,
    ALTERNATIVES,
    BLOCKERS,
    CARRIED_FORWARD,
    CLOSING_OUTCOMES,
    CLOSING_TEXTS,
    COMPLETED,
    COUNCIL_KINDS,
    DECISION_WORDINGS,
    DETAILS,
    DISAGREE_COMMENTS,
    ESCALATION_LADDERS,
    ESCALATION_NOTES,
    EXTENSION_APPROVED_NOTES,
    EXTENSION_DECLINED_NOTES,
    FIRST_NAMES,
    FUNDERS,
    IN_PART_COMMENTS,
    LAST_NAMES,
    MAIN_COMMITTEES,
    MOVES,
    NEXT_STEPS,
    NOT_ACCEPTED_REASONS,
    NOT_ADEQUATE_COMMENTS,
    NOT_STARTED,
    OTHER_COMMITTEES,
    OUTCOME_REASONS,
    OVERTAKEN_BY,
    PARTNERS,
    PLACE_ENDS,
    PLACE_STARTS,
    PORTFOLIOS,
    PROGRESS,
    REASONS,
    REOPEN_REASONS,
    STATUS_WORDINGS,
    SUBJECTS,
    TAILS,
    TARGET_REASONS,
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
# The months each council gives the executive to respond; about one review in four hears late.
RESPONSE_PERIODS = [(2, 75), (3, 15), (1, 5), (4, 5)]
LATE_RESPONSE_CHANCE = 0.25

# Following through. Most agreed recommendations get a target with the response; about one target in
# five changes (an officer's revision, or an extension the committee decides), half of them after
# the target passed.
TARGET_CHANCE = {Decision.AGREE: 0.96, Decision.IN_PART: 0.96, Decision.DISAGREE: 0.1, None: 0.3}
TARGET_MONTHS = [6, 9, 12, 12, 18, 24]
TARGET_CHANGES = [(0, 70), (1, 22), (2, 8)]
SLIP_CHANCE = 0.5
EXTENSION_SHARE = 0.4
EXTENSION_APPROVED_CHANCE = 0.75
PENDING_EXTENSION_CHANCE = 0.11
# The committee's view of a report of completion made before one of its meetings.
SIGN_OFF_WEIGHTS = [
    (SignOffOutcome.SIGNED_OFF, 74),
    (SignOffOutcome.NOT_ACCEPTED, 11),
    (SignOffOutcome.REOPENED, 6),
    (None, 9),  # not yet assessed
]
NOT_ADEQUATE_CHANCE = 0.07
# Of the unfinished items that are overdue, stalled or sent back, those escalated, and how far.
ESCALATION_CHANCE = 0.2
NEXT_STEP_CHANCE = 0.45


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
        names = _placeholders(template)
        if not names:
            return template
        return template.format(**{name: getattr(self, "_" + name)(thing, around) for name in names})

    # What each placeholder becomes, in the sentence about ``thing`` written on the day ``around``.

    def _partner(self, thing, around):
        return self.rng.choice(PARTNERS)

    def _funder(self, thing, around):
        return self.rng.choice(FUNDERS)

    def _thing(self, thing, around):
        return thing

    def _place(self, thing, around):
        return self.place

    def _count(self, thing, around):
        return self.rng.randint(2, 60)

    def _thousands(self, thing, around):
        return self.rng.choice([15, 25, 40, 50, 75, 120, 250])

    def _year(self, thing, around):
        return around.year - (1 if around.month < 4 else 0)  # the financial year it falls in

    def _next_year(self, thing, around):
        return f"{(self._year(thing, around) + 1) % 100:02d}"

    def _month_year(self, thing, around):
        return f"{around + datetime.timedelta(days=self.rng.randint(30, 240)):%B %Y}"

    def _date(self, thing, around):
        return f"{around - datetime.timedelta(days=self.rng.randint(5, 60)):%-d %B %Y}"

    def _month_done(self, thing, around):
        return f"{around - datetime.timedelta(days=self.rng.randint(0, 60)):%B %Y}"

    def _month(self, thing, around):
        return f"{around - datetime.timedelta(days=120):%B}"

    def _month_later(self, thing, around):
        return f"{around - datetime.timedelta(days=30):%B %Y}"

    def _detail(self, thing, around):
        return self.fill(self.rng.choice(DETAILS), thing=thing, around=around)

    def _reason(self, thing, around):
        return self.fill(self.rng.choice(REASONS), thing=thing, around=around)

    def _reason_lower(self, thing, around):
        return _lower_first(self._reason(thing, around))

    def _blocker(self, thing, around):
        return self.fill(self.rng.choice(BLOCKERS), thing=thing, around=around)

    def _alternative(self, thing, around):
        return self.fill(self.rng.choice(ALTERNATIVES), thing=thing, around=around)

    def _overtaken(self, thing, around):
        return self.fill(self.rng.choice(OVERTAKEN_BY), thing=thing, around=around)


@functools.cache
def _placeholders(template):
    """The template's placeholders, each once, in the order they first appear (the order they are drawn in)."""
    return tuple(dict.fromkeys(PLACEHOLDER.findall(template)))


def _month_end(day):
    """The last day of the month: targets are set as "by March 2026"."""
    return add_months(day.replace(day=1), 1) - datetime.timedelta(days=1)


def _lower_first(text):
    return text[0].lower() + text[1:]


# ---------------------------------------------------------------------------
# Building one council's data, unsaved
# ---------------------------------------------------------------------------


@dataclass
class _CouncilPlan:
    council: Planned
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
    escalation_steps: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    extension_requests: list = field(default_factory=list)
    sign_offs: list = field(default_factory=list)
    update_assessments: list = field(default_factory=list)
    escalations: list = field(default_factory=list)


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
    # The follow-through (targets, sign-offs, escalation) draws on a stream of its own.
    follow = _Words(random.Random(f"{seed}:{index}:follow"), place)
    council = Planned(Council, name=name, slug=slug, response_period_months=_pick(rng, RESPONSE_PERIODS))
    plan = _CouncilPlan(council=council)
    plan.escalation_steps = [
        Planned(EscalationStep, council=council, position=position, name=step)
        for position, step in enumerate(follow.rng.choice(ESCALATION_LADDERS), start=1)
    ]
    decision_words = rng.choice(DECISION_WORDINGS)
    status_words = rng.choice(STATUS_WORDINGS)
    gives_titles = rng.random() < 0.3  # some councils give each recommendation a short title

    people = rng.sample([(f, la) for f in FIRST_NAMES for la in LAST_NAMES], rng.randint(3, 5) + 2)
    scrutiny_officer, cabinet_member = people[:2]
    for first, last in people[2:]:
        user = Planned(
            get_user_model(),
            username=f"{slug}-{first}.{last}".lower(),
            first_name=first,
            last_name=last,
            email=f"{first}.{last}@{slug}.example".lower(),
            password=make_password(None),
        )
        plan.officers.append(user)
        plan.memberships.append(Planned(Membership, user=user, council=council, role=Membership.Role.OFFICER))

    main = Planned(Committee, council=council, name=rng.choice(MAIN_COMMITTEES))
    plan.committees = [main] + [
        Planned(Committee, council=council, name=n) for n in rng.sample(OTHER_COMMITTEES, rng.randint(1, 3))
    ]
    responder = f"Councillor {cabinet_member[0]} {cabinet_member[1]}"

    topics = rng.sample(TOPICS, min(sizes.reviews, len(TOPICS)))
    while len(topics) < sizes.reviews:
        topic, themes = rng.choice(TOPICS)
        topics.append((f"{topic} ({len(topics) + 1})", themes))
    for topic, review_themes in topics:
        _plan_review(
            plan, rng, words, follow, topic, review_themes, sizes, as_of,
            committee=main if rng.random() < 0.6 else rng.choice(plan.committees[1:]),
            decision_words=decision_words, status_words=status_words, gives_titles=gives_titles,
            responder=responder, responder_role=f"Cabinet Member for {rng.choice(PORTFOLIOS).format(place=place)}",
            scrutiny_officer=f"{scrutiny_officer[0]} {scrutiny_officer[1]}, Scrutiny Officer",
        )  # fmt: skip

    # The council, its committees and its officers are on record a little before its first review.
    start = _moment(rng, min(r.recommended_date for r in plan.reviews) - datetime.timedelta(days=60))
    for obj in [council, *plan.committees, *plan.memberships, *plan.escalation_steps]:
        obj._history_date = start
    return plan


def _plan_review(
    plan, rng, words, follow, topic, review_themes, sizes, as_of, *, committee, decision_words, status_words,
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
    # Made far enough before the response for it to be on time, or (one in four) too close to it.
    made_by = add_months(response_date, -council.response_period_months)
    if rng.random() < LATE_RESPONSE_CHANCE:
        recommended_date = _weekday(made_by - datetime.timedelta(days=rng.randint(3, 40)))
    else:
        # At least three days on: the month's arithmetic may lose up to three at a month's end.
        recommended_date = _weekday(made_by + datetime.timedelta(days=rng.randint(3, 25)))
    review = Planned(
        Review,
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
    review.response_due_date = response_due(review)  # type: ignore[arg-type]  # it reads what a review has
    review._history_date = _moment(rng, recommended_date)
    plan.reviews.append(review)

    rounds = []
    for j, meeting in enumerate(meetings):
        due = meeting - datetime.timedelta(days=rng.randint(14, 28))
        closes = meeting + datetime.timedelta(days=rng.randint(2, 10))
        update_round = Planned(
            UpdateRound,
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
        update_round._starts = (meetings[j - 1] if j else response_date) + datetime.timedelta(days=1)
        update_round._history_date = _moment(rng, update_round._starts)
        update_round._closes_at = _moment(rng, closes) if closes < as_of else None
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
        recommendation = Planned(
            Recommendation,
            review=review,
            position=number,
            title=short_title if gives_titles else "",
            text=text,
            lead_officer=rng.choice(plan.officers) if rng.random() < 0.9 else None,
            source_position=number,
        )
        recommendation._history_date = review._history_date
        plan.recommendations.append(recommendation)
        others = [t for t in THEME_NAMES if t != theme]
        for name in [theme, *rng.sample(others, _pick(rng, [(0, 45), (1, 40), (2, 15)]))]:
            plan.theme_links.append((recommendation, name))

        decision = _pick(rng, weights)
        response = None
        if decision is not None:
            template = {
                Decision.AGREE: AGREE_COMMENTS,
                Decision.IN_PART: IN_PART_COMMENTS,
                Decision.DISAGREE: DISAGREE_COMMENTS,
            }[decision]
            response = Planned(
                CabinetResponse,
                recommendation=recommendation,
                decision=decision,
                decision_wording=decision_words[decision],
                comment=words.fill(rng.choice(template), thing=thing, around=response_date),
                responder_name=responder,
                responder_role=responder_role,
                response_date=response_date,
                source_position=number,
            )
            response._history_date = _moment(rng, response_date)
            plan.responses.append(response)
        updates = _plan_updates(
            plan, rng, words, recommendation, rounds, decision, thing, status_words, as_of
        )
        responded = response._history_date if response else _moment(follow.rng, response_date)
        plan.updates += _follow_through(
            plan, follow, recommendation, decision=decision, responded=responded, rounds=rounds,
            updates=updates, thing=thing, as_of=as_of,
        )  # fmt: skip


def _plan_updates(plan, rng, words, recommendation, rounds, decision, thing, status_words, as_of):
    """One update a round, the status moving on, until it stalls; the open round may still be owed."""
    updates: list[Planned] = []
    outcome_reason = ""
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
            if status == Status.NOT_TAKEN_FORWARD:
                # Not carried out as made: how it ends, and why.
                status = _pick(rng, CLOSING_OUTCOMES)
                outcome_reason = words.fill(OUTCOME_REASONS[status], thing=thing, around=update_date)
            pool = {Status.NOT_STARTED: NOT_STARTED, Status.COMPLETED: COMPLETED, **CLOSING_TEXTS}.get(status)
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
        update = Planned(
            ProgressUpdate,
            recommendation=recommendation,
            round=update_round,
            status=status,
            status_wording=status_words[status],
            outcome_reason=outcome_reason,
            text=text,
            update_date=update_date,
            author=author,
            evidence=f"Report to Cabinet, {update_date:%-d %B %Y}" if rng.random() < 0.1 else "",
        )
        update._history_date = _moment(rng, update_date)
        updates.append(update)
    return updates


# ---------------------------------------------------------------------------
# Following one recommendation through
# ---------------------------------------------------------------------------


def _follow_through(plan, words, recommendation, *, decision, responded, rounds, updates, thing, as_of):
    """Its targets and their changes, extensions, forecasts, the committee's view of its updates and of
    its completion, and escalation; returns its updates, less those after the committee assessed its
    report of completion (a signed-off item leaves the report)."""
    rng = words.rng
    officer = recommendation.lead_officer or (updates[0].author if updates else None)

    def fill(sentences, around):
        return words.fill(rng.choice(sentences), thing=thing, around=around)

    # The committee's view of the first report that it is complete (or closed), at the next meeting.
    reported = next((u for u in updates if u.status in FINISHED), None)
    assessment = None
    sent_back_on = None
    if reported is not None and reported.round.meeting_date < as_of:
        assessment = _pick(rng, SIGN_OFF_WEIGHTS)
        if assessment is not None:
            updates = updates[: next(i for i, u in enumerate(updates) if u is reported) + 1]
            meeting = reported.round.meeting_date
            first = SignOffOutcome.NOT_ACCEPTED if assessment == SignOffOutcome.NOT_ACCEPTED else None
            plan.sign_offs.append(
                _sign_off(
                    rng, recommendation, reported, first or SignOffOutcome.SIGNED_OFF, meeting,
                    reason=fill(NOT_ACCEPTED_REASONS, meeting) if first else "",
                )
            )  # fmt: skip
            if first:
                sent_back_on = meeting
            if assessment == SignOffOutcome.REOPENED:
                reopened_on = _weekday(meeting + datetime.timedelta(days=rng.randint(30, 300)))
                if reopened_on < as_of:
                    plan.sign_offs.append(
                        _sign_off(
                            rng, recommendation, reported, SignOffOutcome.REOPENED, reopened_on,
                            reason=fill(REOPEN_REASONS, reopened_on), meeting=False,
                        )
                    )  # fmt: skip
                    sent_back_on = reopened_on
                else:
                    assessment = SignOffOutcome.SIGNED_OFF
    finished = bool(updates) and updates[-1].status in FINISHED
    finished = finished and assessment not in SignOffOutcome.reopening()

    # Targets: the original with the response, then revisions and extensions before it is reported done.
    targets = []  # (date, moment) as each became the target
    if rng.random() < TARGET_CHANCE[decision]:
        target = _month_end(add_months(responded.date(), rng.choice(TARGET_MONTHS)))
        plan.targets.append(_target(recommendation, target, TargetKind.ORIGINAL, "", responded, False, None))
        targets.append((target, responded))
        limit = reported.update_date if reported else as_of
        last = responded.date()
        for _ in range(_pick(rng, TARGET_CHANGES)):
            if rng.random() < SLIP_CHANCE:
                when = target + datetime.timedelta(days=rng.randint(1, 120))
            elif last + datetime.timedelta(days=30) < target - datetime.timedelta(days=14):
                when = _between(rng, last + datetime.timedelta(days=30), target - datetime.timedelta(days=14))
            else:
                break
            reason = fill(TARGET_REASONS, when)
            if rng.random() < EXTENSION_SHARE:
                # Asked for by the officer, decided by the committee at its next meeting.
                meeting = next((r.meeting_date for r in rounds if r.meeting_date > when), None)
                if meeting is None or meeting >= limit:
                    break
                asked = _moment(rng, when)
                decided = _moment(rng, meeting, 17, 20)
                approved = rng.random() < EXTENSION_APPROVED_CHANCE
                new = _month_end(add_months(max(target, meeting), rng.randint(3, 9)))
                request = Planned(
                    ExtensionRequest,
                    recommendation=recommendation,
                    requested_date=new,
                    reason=reason,
                    requested_by=officer,
                    requested_at=asked,
                    state=ExtensionRequest.State.APPROVED if approved else ExtensionRequest.State.DECLINED,
                    meeting_date=meeting,
                    decided_at=decided,
                    decision_note=rng.choice(
                        EXTENSION_APPROVED_NOTES if approved else EXTENSION_DECLINED_NOTES
                    ),
                    version=2,
                )
                # Asked for (waiting), then decided: two versions in its history.
                request._history_date = decided
                request._earlier = [
                    (asked, {"state": ExtensionRequest.State.PENDING, "meeting_date": None, "decided_at": None,
                             "decision_note": "", "version": 1}),
                ]  # fmt: skip
                plan.extension_requests.append(request)
                last = meeting
                if not approved:
                    continue
                kind, moment, by = TargetKind.EXTENDED, decided, None
            else:
                if when >= limit:
                    break
                new = _month_end(add_months(max(target, when), rng.randint(3, 12)))
                kind, moment, by = TargetKind.REVISED, _moment(rng, when), officer
            plan.targets.append(
                _target(recommendation, new, kind, reason, moment, moment.date() > target, by)
            )
            targets.append((new, moment))
            target, last = new, moment.date()

        if not finished and rng.random() < PENDING_EXTENSION_CHANCE:
            asked_on = _between(
                rng, max(last, sent_back_on or last, as_of - datetime.timedelta(days=75)), as_of
            )
            request = Planned(
                ExtensionRequest,
                recommendation=recommendation,
                requested_date=_month_end(add_months(max(target, as_of), rng.randint(3, 9))),
                reason=fill(TARGET_REASONS, asked_on),
                requested_by=officer,
                requested_at=_moment(rng, asked_on),
            )
            request._history_date = request.requested_at
            plan.extension_requests.append(request)
    recommendation.target_date = targets[-1][0] if targets else None
    recommendation._targets = targets  # read by write.py

    # The officer's forecast with each update that does not close it, by how near its target is.
    for update in updates:
        if update.status in FINISHED:
            continue
        current = next((d for d, moment in reversed(targets) if moment.date() <= update.update_date), None)
        if current is None:
            weights = [(Forecast.ON_TRACK, 30), (Forecast.AT_RISK, 10), ("", 60)]
        elif update.update_date > current:
            weights = [(Forecast.OFF_TRACK, 60), (Forecast.AT_RISK, 30), ("", 10)]
        elif (current - update.update_date).days < 90:
            weights = [(Forecast.ON_TRACK, 45), (Forecast.AT_RISK, 35), (Forecast.OFF_TRACK, 10), ("", 10)]
        else:
            weights = [(Forecast.ON_TRACK, 70), (Forecast.AT_RISK, 15), (Forecast.OFF_TRACK, 5), ("", 10)]
        update.forecast = _pick(rng, weights)

        # Now and then the committee finds an update wanting, at its meeting, and sends it back.
        meeting = update.round.meeting_date
        if meeting < as_of and rng.random() < NOT_ADEQUATE_CHANCE:
            assessed = Planned(
                UpdateAssessment,
                recommendation=recommendation,
                update=update,
                comment=fill(NOT_ADEQUATE_COMMENTS, meeting),
                recorded_at=_moment(rng, meeting, 17, 20),
            )
            assessed._history_date = assessed.recorded_at
            plan.update_assessments.append(assessed)
            if update is updates[-1]:
                sent_back_on = meeting

    # Escalation of an unfinished item once it is overdue, stalled or sent back, a step at a time.
    if not finished:
        last_said = updates[-1].update_date if updates else responded.date()
        since = [add_months(last_said, plan.council.stalled_after_months)]
        if targets:
            since.append(targets[-1][0] + datetime.timedelta(days=1))
        if sent_back_on:
            since.append(sent_back_on)
        start = min(since) + datetime.timedelta(days=14)
        if start < as_of and rng.random() < ESCALATION_CHANCE:
            taken_on = _between(rng, start, as_of)
            for step in plan.escalation_steps:
                escalation = Planned(
                    Escalation,
                    recommendation=recommendation,
                    step=step,
                    taken_on=taken_on,
                    note=fill(ESCALATION_NOTES, taken_on),
                    recorded_at=_moment(rng, taken_on),
                )
                escalation._history_date = escalation.recorded_at
                plan.escalations.append(escalation)
                taken_on += datetime.timedelta(days=rng.randint(28, 75))
                if taken_on >= as_of or rng.random() >= NEXT_STEP_CHANCE:
                    break
    return updates


def _target(recommendation, date, kind, reason, moment, passed, by):
    target = Planned(
        TargetDate,
        recommendation=recommendation,
        date=date,
        kind=kind,
        reason=reason,
        replaced_passed=passed,
        recorded_by=by,
        recorded_at=moment,
    )
    target._history_date = moment
    return target


def _sign_off(rng, recommendation, update, outcome, day, *, reason, meeting=True):
    """The committee's assessment, recorded by the scrutiny officer the evening of the meeting."""
    record = Planned(
        SignOff,
        recommendation=recommendation,
        update=update,
        outcome=outcome,
        meeting_date=day if meeting else None,
        minute_reference=f"Minute {rng.randint(10, 99)}/{day:%y}" if meeting else "",
        reason=reason,
        recorded_at=_moment(rng, day, 17, 20),
    )
    record._history_date = record.recorded_at
    return record


@dataclass(frozen=True)
class Sizes:
    councils: int
    reviews: int
    recommendations: int
    rounds: int
