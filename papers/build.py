"""The three committee papers as data: what each says, in its order and numbering.

The pages, the Word writer and the CSV writer all draw from these structures,
so a paper says the same words however it is read. Nothing here follows a
foreign key: everything comes from one ``Snapshot``.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from councils.models import PaperCover
from recommendations.models import (
    CabinetResponse,
    Decision,
    Forecast,
    Recommendation,
    SignOffOutcome,
    Status,
    TargetKind,
)
from reviews import prose
from reviews.models import Review, SourceDocument, UpdateRound

from .snapshot import LONDON, end_of_day, load, load_follow_through, responses_at

# Each status's label, as ``get_status_display`` gives it: that builds the field's choices afresh for
# every call, and a paper asks for tens of thousands.
_STATUS_LABELS = dict(Status.choices)


def _status_label(update):
    """The update's status as its wording gives it, else as the status is named."""
    return update.status_wording or _STATUS_LABELS.get(update.status, update.status)


NEW, CHANGED = "New", "Changed"


def url_name(slug, output="html"):
    """The URL name of a paper's page ("papers:update-report") or download ("papers:update-report-docx")."""
    return f"papers:{slug}" + ("" if output == "html" else f"-{output}")


def lines(text):
    """A comment's lines, each a paragraph (blank lines dropped)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# --------------------------------------------------------------------------
# The papers
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    """How a round's paper is set out: chosen per paper, else the council's defaults.

    None means "not chosen": a round the product collected then takes the
    council's default, and a round imported from a paper is rebuilt as that
    paper was (all its recommendations, no cabinet responses added).
    """

    cover: str | None = None
    show_response: bool | None = None

    def query(self):
        """The options as query parameters, to keep them in links."""
        parts = []
        if self.cover:
            parts.append(f"cover={self.cover}")
        if self.show_response is not None:
            parts.append(f"response={'yes' if self.show_response else 'no'}")
        return parts


@dataclass
class Paper:
    """What every paper has: which review and round, and the moment its data is from."""

    slug: str
    name: str
    review: Review  # today's record: its council and slug make the links
    update_round: UpdateRound | None = None  # today's record, for links
    title: str = ""
    # The date the reader asked for, or the day a closed round closed.
    as_at: datetime.date | None = None
    # The moment the data is read at; None for the data as it stands now.
    moment: datetime.datetime | None = None
    # Shown as at the closing of its round, by default.
    is_closed_view: bool = False
    # False when the review (or round) had not been recorded by then.
    exists: bool = True
    # As the reader chose them (kept in links); what was applied is on the paper's own fields.
    options: Options = field(default_factory=Options)
    cover: str = PaperCover.ALL

    @property
    def is_past(self):
        return self.moment is not None

    def query_string(self, *, dated=True):
        """The query string that keeps an asked-for "as at" date (unless not ``dated``), and the options chosen."""
        parts = (
            [f"as_at={self.as_at.isoformat()}"] if dated and self.as_at and not self.is_closed_view else []
        )
        parts += self.options.query()
        return "?" + "&".join(parts) if parts else ""

    @property
    def query(self):
        return self.query_string()

    def url(self, output="html", *, dated=True):
        """This paper's page, or its Word or CSV download, keeping an asked-for date and the options."""
        name = url_name(self.slug, output)
        args: list[str | datetime.date] = [self.review.council.slug, self.review.slug]
        if self.update_round:
            args.append(self.update_round.meeting_date)
        return reverse(name, args=args) + self.query_string(dated=dated)

    @property
    def now_url(self):
        """This paper's page as the data stands now, with the same options."""
        return self.url(dated=False)

    @property
    def page_url(self):
        return self.url()

    @property
    def docx_url(self):
        return self.url("docx")

    @property
    def csv_url(self):
        return self.url("csv")

    def filename(self, extension):
        """<council>-<review>-<paper>-<date>: the date the data stands at, or the round's meeting."""
        parts = [self.review.council.slug, self.review.slug, self.slug]
        if self.update_round:
            parts.append(self.update_round.meeting_date.isoformat())
            if self.as_at and not self.is_closed_view:
                parts += ["as-at", self.as_at.isoformat()]
        else:
            parts.append((self.as_at or timezone.localdate()).isoformat())
        return "-".join(parts) + "." + extension


@dataclass
class ResponseRow:
    # As the council writes it, else "3)" as the cabinet response table numbers them.
    reference: str
    text: str
    response: CabinetResponse | None
    comment: list[str] = field(default_factory=list)

    @property
    def wording(self):
        return self.response.wording if self.response else "No response recorded"


@dataclass
class CabinetResponsePaper(Paper):
    responder: str = ""
    rows: list[ResponseRow] = field(default_factory=list)


@dataclass
class UpdateEntry:
    """One progress update as a paper prints it."""

    blocks: list[prose.Block]
    update_date: datetime.date | None
    author: str
    status: str
    status_label: str
    change: str = ""  # NEW, or "" where the text was in the previous round too

    @property
    def text(self):
        return "\n\n".join(block.plain for block in self.blocks)


def _day(moment):
    return f"{moment.astimezone(LONDON):%-d %B %Y}"


@dataclass
class Targets:
    """A recommendation's target dates as a paper gives them: the original, and the current one where
    it was revised (or extended), with the reason."""

    original: datetime.date | None
    current: datetime.date | None = None  # None: not revised
    how: str = ""  # "Revised", "Extension approved"
    reason: str = ""
    change: str = ""  # NEW (a first target) or CHANGED (revised) since the previous round

    @property
    def lines(self):
        """The target dates in words, a line each."""
        if self.current is None:
            return [f"Target date: {self.original:%-d %B %Y}"] if self.original else ["Target date: not set"]
        original = [f"Original target date: {self.original:%-d %B %Y}"] if self.original else []
        return [*original, f"Current target date: {self.current:%-d %B %Y} ({self.how}: {self.reason})"]


# The committee's assessments as papers name them, with the colour of their tag (words always beside
# it), as the recommendation's own page shows them. AWAITING and NOT_ADEQUATE are not sign-off outcomes:
# the first is an officer's report of completion with no assessment yet, the second an update sent back.
AWAITING, NOT_ADEQUATE = "awaiting", "not_adequate"
_ASSESSMENT_TAGS = {
    SignOffOutcome.SIGNED_OFF: ("Signed off", "green"),
    SignOffOutcome.NOT_ACCEPTED: ("Not accepted", "red"),
    SignOffOutcome.REOPENED: ("Reopened", "orange"),
    NOT_ADEQUATE: ("Update not adequate, sent back", "red"),
    AWAITING: ("Reported complete, awaiting sign-off", "yellow"),
}


@dataclass
class Assessment:
    """One thing the committee said of the update a paper reports (or that it has yet to say)."""

    outcome: str  # a SignOffOutcome value, NOT_ADEQUATE or AWAITING
    detail: str = ""  # what follows the label: " at the meeting on 10 June 2025 (minute 23): why"
    change: str = ""  # NEW where recorded since the previous round
    label: str = ""  # where not the outcome's own

    def __post_init__(self):
        self.label = self.label or _ASSESSMENT_TAGS[self.outcome][0]

    @property
    def colour(self):
        return _ASSESSMENT_TAGS[self.outcome][1]

    @property
    def text(self):
        return f"{self.label}{self.detail}"


@dataclass
class Step:
    """An escalation step taken: the council's name for it, when it was taken, and what was done."""

    name: str
    taken_on: datetime.date
    note: str
    change: str = ""  # NEW where recorded since the previous round

    @property
    def text(self):
        return f"{self.name}, {self.taken_on:%-d %B %Y}: {self.note}"


@dataclass
class FollowThrough:
    """What a round the tracker collects adds to each recommendation: its target dates, the officer's
    forecast, the committee's assessment and the escalation steps taken, each marked where new since
    the previous round."""

    targets: Targets
    forecast: str = ""  # a Forecast value, "" where the officer gave none
    assessments: list[Assessment] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    # Still open (not finished, as ``Recommendation.objects.finished()`` has it): an escalated one is listed.
    is_open: bool = True

    @property
    def forecast_label(self):
        return Forecast(self.forecast).label if self.forecast else ""

    @property
    def is_escalated(self):
        """Open and escalated at least one step, as ``Recommendation.objects.escalated()`` has it."""
        return self.is_open and bool(self.steps)

    @property
    def changes(self):
        """What of it is new or changed since the previous round, in words ("Target date: Changed")."""
        said = [f"Target date: {self.targets.change}"] if self.targets.change else []
        if any(assessment.change for assessment in self.assessments):
            said.append(f"Committee's assessment: {NEW}")
        if any(step.change for step in self.steps):
            said.append(f"Escalation: {NEW}")
        return said


@dataclass
class Section:
    """A recommendation in an update report: its RECOMMENDATION paragraph and its UPDATE."""

    recommendation: Recommendation
    # The report's own paragraph number for it, where this report is its source.
    paragraph_number: int | None
    response: CabinetResponse | None
    updates: list[UpdateEntry]
    status: str = ""
    status_label: str = ""
    status_change: str = ""
    previous_status_label: str = ""
    response_change: str = ""
    # Where the round has no update on it and the paper carries positions forward.
    carried: "Carried | None" = None
    lead_officer: str = ""
    # In a round the tracker collects: target dates, forecast, assessment and escalation.
    follow: FollowThrough | None = None

    @property
    def comment(self):
        return lines(self.response.comment) if self.response else []

    @property
    def text(self):
        number = self.paragraph_number
        return f"{number}. {self.recommendation.text}" if number else self.recommendation.text


@dataclass
class Carried:
    """A recommendation's last known position, where the round has no update on it: its latest update
    before the round, when it was given and the round it was given for."""

    entry: UpdateEntry | None  # None: no update has been given on it yet
    reported: datetime.date | None = None
    round_name: str = ""  # "" for an update given outside any round

    @property
    def note(self):
        if self.entry is None:
            return "No update has been given yet."
        when = f" {self.reported:%-d %B %Y}" if self.reported else ""
        given = f", for {self.round_name}" if self.round_name else ""
        return f"No new update. Last reported{when}{given}:"


@dataclass
class Summary:
    """The counts at the top of a round's report: what it covers and how things stand."""

    covered: int = 0
    updated: int = 0  # with an update for this round
    carried: int = 0  # no update for it; a last known position carried forward
    never: int = 0  # no update ever
    statuses: list[tuple[str, int]] = field(default_factory=list)
    decisions: list[tuple[str, int]] = field(default_factory=list)
    new_updates: int = 0
    status_changes: int = 0
    response_changes: int = 0
    left_out: int = 0  # finished by the round before, where the paper covers only those still open
    # In a round the tracker collects: the follow-through since the previous round, and what is escalated.
    target_changes: int = 0
    assessment_changes: int = 0
    escalation_changes: int = 0
    escalated: int = 0

    @property
    def not_updated(self):
        return self.carried + self.never

    @property
    def sentences(self):
        """The summary in words, for the Word paper and the covering report."""

        def verb(count, one, many):
            return f"{count} {one if count == 1 else many}"

        plural = "s" if self.covered != 1 else ""
        said = [
            f"This report covers {self.covered} recommendation{plural}"
            + (
                f" ({verb(self.left_out, 'finished earlier is', 'finished earlier are')} left out)"
                if self.left_out
                else ""
            )
            + f". {verb(self.updated, 'has', 'have')} an update for this round and "
            + f"{verb(self.not_updated, 'does', 'do')} not"
            + (f" ({verb(self.never, 'has', 'have')} had no update yet)" if self.never else "")
            + "."
        ]
        if self.statuses:
            said.append("By status: " + ", ".join(f"{label} {count}" for label, count in self.statuses) + ".")
        if self.decisions:
            said.append(
                "By cabinet response: "
                + ", ".join(f"{label} {count}" for label, count in self.decisions)
                + "."
            )
        said.append(
            f"Since the previous round: {self.new_updates} new update{'s' if self.new_updates != 1 else ''}, "
            f"{self.status_changes} change{'s' if self.status_changes != 1 else ''} of status and "
            f"{self.response_changes} changed cabinet response{'s' if self.response_changes != 1 else ''}."
        )
        also = [
            verb(self.target_changes, "target date set or revised", "target dates set or revised"),
            verb(self.assessment_changes, "assessment by the committee", "assessments by the committee"),
            verb(self.escalation_changes, "escalation step taken", "escalation steps taken"),
        ]
        if self.target_changes or self.assessment_changes or self.escalation_changes:
            said.append(f"Also since the previous round: {_listed(also)}.")
        if self.escalated:
            said.append(f"{verb(self.escalated, 'recommendation is', 'recommendations are')} escalated.")
        return said


def _summary(sections, left_out):
    """Counted from the sections (or table rows) a paper covers."""
    summary = Summary(covered=len(sections), left_out=left_out)
    statuses = Counter(section.status for section in sections)
    decisions = Counter(section.response.decision if section.response else "" for section in sections)
    for section in sections:
        if section.updates:
            summary.updated += 1
        elif section.carried is not None and section.carried.entry is not None:
            summary.carried += 1
        else:
            summary.never += 1
        summary.new_updates += any(entry.change == NEW for entry in section.updates)
        summary.status_changes += bool(getattr(section, "status_change", ""))
        summary.response_changes += bool(getattr(section, "response_change", ""))
        if section.follow is not None:
            follow = section.follow
            summary.target_changes += bool(follow.targets.change)
            summary.assessment_changes += sum(bool(a.change) for a in follow.assessments)
            summary.escalation_changes += sum(bool(s.change) for s in follow.steps)
            summary.escalated += follow.is_escalated
    summary.statuses = [(s.label, statuses[s.value]) for s in Status if statuses[s.value]]
    if statuses[""]:
        summary.statuses.append(("No status given", statuses[""]))
    summary.decisions = [(d.label, decisions[d.value]) for d in Decision if decisions[d.value]]
    if decisions[""]:
        summary.decisions.append(("No response recorded", decisions[""]))
    return summary


@dataclass
class UpdateReport(Paper):
    header: list[tuple[str, str]] = field(default_factory=list)
    introduction: list[prose.Block] = field(default_factory=list)
    # The recommendations this report itself lists (Oxfordshire's table).
    listed: list = field(default_factory=list)
    narrative: list[prose.Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[prose.Block] = field(default_factory=list)
    previous_round: UpdateRound | None = None
    # A round the product collected: positions carried forward, a summary, the options applied.
    carries_forward: bool = False
    show_response: bool = False
    summary: Summary | None = None
    # In a round the tracker collects: the sections of the recommendations still open and escalated.
    escalated: list[Section] = field(default_factory=list)


@dataclass
class TableRow:
    recommendation: object
    response: object
    comment: list[str]
    updates: list[UpdateEntry]
    status: str = ""
    status_label: str = ""
    carried: Carried | None = None
    lead_officer: str = ""
    follow: FollowThrough | None = None


@dataclass
class UpdateTable(Paper):
    committee: str = ""
    rows: list[TableRow] = field(default_factory=list)
    carries_forward: bool = False
    summary: Summary | None = None


def _moment(as_at, update_round=None):
    """(as_at, moment, is_closed_view): asked-for date, else a closed round's closing, else now."""
    if as_at:
        return as_at, end_of_day(as_at), False
    if update_round is not None and update_round.closed_at:
        return timezone.localdate(update_round.closed_at), update_round.closed_at, True
    return None, None, False


def _round_moment(update_round):
    """The moment a round's papers stand at: its closing, else the end of its meeting day."""
    return update_round.closed_at or end_of_day(update_round.meeting_date)


def cabinet_response(review, *, slug, name, update_round=None, as_at=None, options=None):
    """The cabinet response table of a review (Oxford 2020 layout)."""
    as_at, moment, _ = _moment(as_at)
    paper = CabinetResponsePaper(slug=slug, name=name, review=review, as_at=as_at, moment=moment)
    snapshot = load(review, moment)
    if snapshot.review is None:
        paper.exists, paper.title = False, f"Cabinet response to the recommendations of {review}"
        return paper
    recorded = snapshot.review
    committee = snapshot.committee_of(recorded)
    title = "Cabinet response to recommendations"
    if committee:
        title += f" of the {committee}"
    if recorded.recommended_date:
        title += f" made on {recorded.recommended_date:%d/%m/%Y}"
    paper.title = f"{title} concerning the {recorded.title} report"
    responders = Counter(
        (r.responder_role, r.responder_name) for r in snapshot.responses.values() if r.responder_name
    )
    if responders:
        (role, name), _ = responders.most_common(1)[0]
        paper.responder = f"Response provided by {role}, {name}" if role else f"Response provided by {name}"
    for recommendation in snapshot.recommendations:
        response = snapshot.responses.get(recommendation.id)
        paper.rows.append(
            ResponseRow(
                reference=recommendation.reference or f"{recommendation.position})",
                text=recommendation.text,
                response=response,
                comment=lines(response.comment) if response else [],
            )
        )
    return paper


class _Rounds:
    """A snapshot's updates, each under the round it reports to."""

    def __init__(self, snapshot):
        self.snapshot = snapshot
        self.order = [r.id for r in snapshot.rounds]
        self.updates = defaultdict(list)  # (round id, recommendation id) -> updates, oldest first
        for update in snapshot.updates:
            round_id = update.round_id
            if round_id is None and update.update_date:
                # An update logged outside a round reports to the next meeting on or after its date.
                round_id = next((r.id for r in snapshot.rounds if r.meeting_date >= update.update_date), None)
            self.updates[round_id, update.recommendation_id].append(update)

    def previous(self, update_round):
        index = self.order.index(update_round.id)
        return self.snapshot.rounds[index - 1] if index else None

    def last_known(self, update_round, recommendation):
        """Its latest update before this round: the position a round without one carries forward."""
        index = self.order.index(update_round.id)
        for earlier in reversed(self.snapshot.rounds[:index]):
            updates = self.updates[earlier.id, recommendation.id]
            if updates:
                update = updates[-1]
                return Carried(
                    entry=self.entry(update),
                    reported=update.update_date or earlier.meeting_date,
                    round_name=self.snapshot.round_name(earlier) if update.round_id else "",
                )
        return Carried(entry=None)

    def is_finished_by(self, update_round, recommendation):
        """Whether its status by the end of ``update_round`` (None: before any) closes it."""
        if update_round is None:
            return False
        return self.status(update_round, recommendation)[0] in Status.finished()

    def status(self, update_round, recommendation):
        """The latest status given up to and including this round: (value, label)."""
        index = self.order.index(update_round.id)
        for round_id in reversed(self.order[: index + 1]):
            for update in reversed(self.updates[round_id, recommendation.id]):
                if update.status:
                    return update.status, _status_label(update)
        return "", ""

    def position(self, update_round, recommendation):
        """Its latest update up to and including this round (None: none yet): the one the paper reports."""
        index = self.order.index(update_round.id)
        for round_id in reversed(self.order[: index + 1]):
            updates = self.updates[round_id, recommendation.id]
            if updates:
                return updates[-1]
        return None

    def entries(self, update_round, recommendation):
        return [self.entry(u) for u in self.updates[update_round.id, recommendation.id]]

    def entry(self, update):
        paragraphs = []
        for number, paragraph in update.paragraphs:
            paragraphs += prose.blocks(f"{number}. {paragraph}" if number else paragraph)
        return UpdateEntry(
            blocks=paragraphs,
            update_date=update.update_date,
            author=self.snapshot.people.get(update.author_id) or update.author_name,
            status=update.status,
            status_label=_status_label(update) if update.status else "",
        )


class _FollowThrough:
    """A snapshot's follow-through records by recommendation, made into each one's FollowThrough.

    ``since`` is the moment of the previous round: what was recorded after it is new.
    """

    def __init__(self, snapshot, since):
        load_follow_through(snapshot)
        self.snapshot, self.since = snapshot, since
        self.targets, self.sign_offs, self.not_adequate, self.steps = (defaultdict(list) for _ in range(4))
        for name in ("targets", "sign_offs", "not_adequate"):
            index = getattr(self, name)
            for record in getattr(snapshot, name):
                index[record.recommendation_id].append(record)
        for escalation in snapshot.escalations:
            self.steps[escalation.recommendation_id].append(escalation)
        # Each update's place in order, to tell an assessment of an earlier update from one of a later round's.
        self.order = {update.id: place for place, update in enumerate(snapshot.updates)}

    def change(self, record, new=NEW):
        return new if self.since is not None and record.recorded_at > self.since else ""

    def of(self, recommendation, update):
        """Its follow-through, where the paper reports ``update`` (its latest up to the round; None: none)."""
        targets = self.targets[recommendation.id]
        original = next((t for t in targets if t.kind == TargetKind.ORIGINAL), None)
        made = Targets(original=original.date if original else None)
        if targets:
            current = targets[-1]
            if current.kind != TargetKind.ORIGINAL:
                made.current, made.how, made.reason = current.date, current.get_kind_display(), current.reason
            made.change = self.change(current, NEW if current.kind == TargetKind.ORIGINAL else CHANGED)
        follow = FollowThrough(targets=made, forecast=update.forecast if update else "")
        follow.assessments, follow.is_open = self._assessments(recommendation, update)
        follow.steps = [
            Step(
                name=self.snapshot.step_names.get(e.step_id, ""),
                taken_on=e.taken_on,
                note=e.note,
                change=self.change(e),
            )
            for e in self.steps[recommendation.id]
        ]
        return follow

    def _assessments(self, recommendation, update):
        """(assessments, is_open): what the committee said of the update reported, or that it waits for
        them; else, where its last word on an earlier report was not to accept it, that."""
        if update is None:
            return [], True
        place = self.order.get(update.id, -1)
        said = [
            self._sign_off(record)
            for record in self.sign_offs[recommendation.id]
            if record.update_id == update.id
        ]
        finished = update.status in Status.finished()
        # As LatestProgress has it: the latest assessment of the latest update decides.
        latest = said[-1].outcome if said else ""
        is_open = not finished or latest in SignOffOutcome.reopening()
        if finished and not said:
            # A closing outcome is not "complete": it names the outcome the committee is asked to accept.
            closed = (
                f"Reported closed as “{_STATUS_LABELS.get(update.status, update.status)}”, awaiting sign-off"
            )
            said.append(
                Assessment(outcome=AWAITING, label="" if update.status == Status.COMPLETED else closed)
            )
        if not said:
            earlier = [
                record
                for record in self.sign_offs[recommendation.id]
                if self.order.get(record.update_id, place) < place
            ]
            if earlier and earlier[-1].outcome in SignOffOutcome.reopening():
                said.append(self._sign_off(earlier[-1]))
        said += [
            Assessment(
                outcome=NOT_ADEQUATE, detail=f" on {_day(r.recorded_at)}: {r.comment}", change=self.change(r)
            )
            for r in self.not_adequate[recommendation.id]
            if r.update_id == update.id
        ]
        return said, is_open

    def _sign_off(self, record):
        if record.meeting_date:
            detail = f" at the meeting on {record.meeting_date:%-d %B %Y}"
        else:
            detail = f" on {_day(record.recorded_at)}"
        if record.minute_reference:
            detail += f" (minute {record.minute_reference})"
        if record.reason:
            detail += f": {record.reason}"
        return Assessment(outcome=record.outcome, detail=detail, change=self.change(record))


def _round_paper(cls, slug, name, review, update_round, as_at, options):
    as_at, moment, closed = _moment(as_at, update_round)
    paper = cls(
        slug=slug,
        name=name,
        review=review,
        update_round=update_round,
        as_at=as_at,
        moment=moment,
        is_closed_view=closed,
        options=options or Options(),
    )
    snapshot = load(review, moment)
    recorded = snapshot.round(update_round.id) if snapshot.review else None
    if recorded is None:
        paper.exists = False
        paper.title = update_round.title or f"Update on the recommendations of {review}"
    return paper, snapshot, recorded


def _applied(options, review, recorded):
    """(cover, show_response, carries_forward) for a round's paper.

    A round imported from a paper is rebuilt as that paper was: nothing is
    carried forward into it and, unless the reader asks, it covers what the
    paper covered and adds no cabinet responses. A round the product
    collected carries positions forward and takes the council's defaults;
    and it alone shows the follow-through (target dates, forecasts, the
    committee's assessments, escalation), which no imported paper said, even
    where the import recorded it (a timetable read as a target date).
    """
    collected = recorded.source_document_id is None
    council = review.council
    cover = options.cover or (council.papers_cover if collected else PaperCover.ALL)
    show_response = options.show_response
    if show_response is None:
        show_response = council.papers_show_response if collected else False
    return cover, show_response, collected


def _covered(snapshot, rounds, recorded, cover):
    """The recommendations a round's paper covers, and how many it leaves out as finished before it."""
    if cover != PaperCover.OPEN:
        return snapshot.recommendations, 0
    previous = rounds.previous(recorded)
    covered = [r for r in snapshot.recommendations if not rounds.is_finished_by(previous, r)]
    return covered, len(snapshot.recommendations) - len(covered)


def _report_header(update_round, snapshot):
    """The report's header cells, labelled as the council's own template labels them."""
    committee, date = snapshot.committee_of(update_round), f"{update_round.meeting_date:%-d %B %Y}"
    if snapshot.layouts.get(update_round.source_document_id) == SourceDocument.Layout.COMMITTEE_REPORT:
        cells = [
            ("To", committee),
            ("Date", date),
            ("Report of", update_round.report_author),
            ("Title of Report", update_round.title),
            ("Cabinet Member", update_round.cabinet_member),
        ]
    else:
        cells = [
            ("Date", date),
            ("Report to", committee),
            ("Report title", update_round.title),
            ("Ward(s) or groups affected", update_round.wards),
            ("Cabinet Member", update_round.cabinet_member),
            ("Report author", update_round.report_author),
        ]
    return [(label, value) for label, value in cells if value]


def update_report(review, *, slug, name, update_round, as_at=None, options=None):
    """The update on implementation report of a round (Southwark 2013 layout)."""
    paper, snapshot, recorded = _round_paper(UpdateReport, slug, name, review, update_round, as_at, options)
    if recorded is None:
        return paper
    paper.cover, paper.show_response, paper.carries_forward = _applied(paper.options, review, recorded)
    paper.title = recorded.title or f"Update on the recommendations of {snapshot.review.title}"
    paper.header = _report_header(recorded, snapshot)
    paper.introduction = prose.blocks(recorded.introduction)
    paper.narrative = prose.blocks(recorded.narrative)
    paper.closing = prose.blocks(recorded.closing)
    source = recorded.source_document_id
    if recorded.narrative and source:
        paper.listed = [r for r in snapshot.recommendations if r.source_document_id == source]

    rounds = _Rounds(snapshot)
    previous = paper.previous_round = rounds.previous(recorded)
    before = {}
    since = _since(paper, previous)
    if since is not None:
        before = responses_at(snapshot.review, since)
    follow = _FollowThrough(snapshot, since) if paper.carries_forward else None
    covered, left_out = _covered(snapshot, rounds, recorded, paper.cover)
    for recommendation in covered:
        entries = rounds.entries(recorded, recommendation)
        if recorded.narrative and not entries:
            continue  # a report in prose lists only the recommendations it has updates on
        response = snapshot.responses.get(recommendation.id)
        section = Section(
            recommendation=recommendation,
            paragraph_number=recommendation.source_position
            if source and recommendation.source_document_id == source
            else None,
            response=response,
            updates=entries,
        )
        if paper.carries_forward:
            section.lead_officer = snapshot.lead_officer_of(recommendation)
            if not entries:
                section.carried = rounds.last_known(recorded, recommendation)
        if follow is not None:
            section.follow = follow.of(recommendation, rounds.position(recorded, recommendation))
        section.status, section.status_label = rounds.status(recorded, recommendation)
        if previous:
            earlier = {u.text for u in rounds.updates[previous.id, recommendation.id]}
            for entry, update in zip(entries, rounds.updates[recorded.id, recommendation.id], strict=True):
                entry.change = "" if update.text in earlier else NEW
            was, was_label = rounds.status(previous, recommendation)
            if section.status and section.status != was:
                section.status_change = CHANGED if was else NEW
                section.previous_status_label = was_label
            # Only a response that was on record then can be "Changed": imported
            # records have history from the day of the import, not of the paper.
            then = before.get(recommendation.id)
            if (
                response
                and then
                and (then.decision, then.decision_wording, then.comment)
                != (
                    response.decision,
                    response.decision_wording,
                    response.comment,
                )
            ):
                section.response_change = CHANGED
        paper.sections.append(section)
    if paper.carries_forward:
        paper.summary = _summary(paper.sections, left_out)
        paper.escalated = [section for section in paper.sections if section.follow.is_escalated]
    return paper


def _since(paper, previous):
    """The moment "since the previous round" counts from: the previous round's (None: no previous
    round), or the paper's own where that is earlier."""
    if previous is None:
        return None
    then = _round_moment(previous)
    return min(then, paper.moment) if paper.moment else then


def update_table(review, *, slug, name, update_round, as_at=None, options=None):
    """The recommendations update table of a round (Oxford's Appendix 1)."""
    paper, snapshot, recorded = _round_paper(UpdateTable, slug, name, review, update_round, as_at, options)
    if recorded is None:
        return paper
    return _fill_update_table(paper, snapshot, recorded)


def _fill_update_table(paper, snapshot, recorded):
    review = paper.review
    paper.cover, _, paper.carries_forward = _applied(paper.options, review, recorded)
    paper.committee = snapshot.committee_of(recorded)
    paper.title = f"{snapshot.review.title}: recommendations update"
    rounds = _Rounds(snapshot)
    covered, left_out = _covered(snapshot, rounds, recorded, paper.cover)
    follow = None
    if paper.carries_forward:
        follow = _FollowThrough(snapshot, _since(paper, rounds.previous(recorded)))
    for recommendation in covered:
        response = snapshot.responses.get(recommendation.id)
        status, label = rounds.status(recorded, recommendation)
        row = TableRow(
            recommendation=recommendation,
            response=response,
            comment=lines(response.comment) if response else [],
            updates=rounds.entries(recorded, recommendation),
            status=status,
            status_label=label,
        )
        if paper.carries_forward:
            row.lead_officer = snapshot.lead_officer_of(recommendation)
            if not row.updates:
                row.carried = rounds.last_known(recorded, recommendation)
        if follow is not None:
            row.follow = follow.of(recommendation, rounds.position(recorded, recommendation))
        paper.rows.append(row)
    if paper.carries_forward:
        paper.summary = _summary(paper.rows, left_out)
    return paper


@dataclass
class CoveringReport(Paper):
    """A report to the committee to start from, in the shape councils use, with the update table as its
    appendix: everything the data says is filled in, and the narrative is left for the officer."""

    header: list[tuple[str, str]] = field(default_factory=list)
    summary_rows: list[tuple[str, str]] = field(default_factory=list)
    recommendations_to_committee: list[str] = field(default_factory=list)
    appendices: list[tuple[str, str]] = field(default_factory=list)
    introduction: list[str] = field(default_factory=list)
    progress: list[str] = field(default_factory=list)
    # Headings whose words only the officer can write.
    to_write: list[str] = field(default_factory=list)
    appendix: UpdateTable | None = None


def _listed(phrases):
    """["a", "b", "c"] as "a, b and c"."""
    return ", ".join(phrases[:-1]) + f" and {phrases[-1]}" if len(phrases) > 1 else "".join(phrases)


# How a covering report says what the Cabinet decided, of how many.
_DECIDED = {
    Decision.AGREE: "agreed {}",
    Decision.IN_PART: "agreed {} in part",
    Decision.DISAGREE: "disagreed with {}",
    Decision.NOTED: "noted {}",
}


def covering_report(review, *, slug, name, update_round, as_at=None, options=None):
    """A report to the round's committee, prefilled from the round and the review (Oxford 2024's shape)."""
    paper, snapshot, recorded = _round_paper(CoveringReport, slug, name, review, update_round, as_at, options)
    if recorded is None:
        return paper
    # The appendix is the round's update table, from the same data.
    table = UpdateTable(
        slug="update-table",
        name="Recommendations update",
        review=review,
        update_round=update_round,
        as_at=paper.as_at,
        moment=paper.moment,
        is_closed_view=paper.is_closed_view,
        options=paper.options,
    )
    paper.appendix = table = _fill_update_table(table, snapshot, recorded)
    paper.cover = table.cover
    recorded_review = snapshot.review
    committee = snapshot.committee_of(recorded)
    title = recorded.title or f"{recorded_review.title}: update on the recommendations"
    paper.title = title
    paper.header = [
        ("To", committee),
        ("Date", f"{recorded.meeting_date:%-d %B %Y}"),
        ("Report of", recorded.report_author or "[Report author]"),
        ("Title of Report", title),
    ]
    paper.summary_rows = [
        (
            "Purpose of report",
            f"An update on the progress made against the recommendations of the {recorded_review.title}.",
        ),
        ("Key decision", "No"),
        ("Cabinet Member", recorded.cabinet_member or "[Cabinet Member]"),
    ]
    paper.recommendations_to_committee = [
        "Note and comment on the progress made against the recommendations, set out at Appendix 1."
    ]
    paper.appendices = [("Appendix 1", f"{recorded_review.title}: recommendations update")]

    recommendations = snapshot.recommendations
    made = f"{len(recommendations)} recommendation{'s' if len(recommendations) != 1 else ''}"
    review_committee = snapshot.committee_of(recorded_review)
    by = f"The {review_committee} made" if review_committee else "The review made"
    when = f" on {recorded_review.recommended_date:%-d %B %Y}" if recorded_review.recommended_date else ""
    introduction = [f"{by} {made} in the {recorded_review.title}{when}."]
    responses = snapshot.responses.values()
    if responses:
        decisions = Counter(response.decision for response in responses)
        decided = [_DECIDED[d].format(decisions[d.value]) for d in Decision if decisions[d.value]]
        dates = sorted({r.response_date for r in responses if r.response_date})
        on = f" on {dates[-1]:%-d %B %Y}" if dates else ""
        introduction.append(f"The Cabinet responded{on}: it {_listed(decided)}.")
    previous = _Rounds(snapshot).previous(recorded)
    since = f" since the previous update to the {snapshot.round_name(previous)}" if previous else ""
    introduction.append(
        f"This report updates the Committee on the progress made against the recommendations{since}. "
        "The update on each is attached at Appendix 1."
    )
    paper.introduction = [f"{number}. {text}" for number, text in enumerate(introduction, start=1)]
    paper.progress = (table.summary or _summary(table.rows, 0)).sentences
    paper.to_write = ["Progress and issues", "Financial implications", "Legal issues", "Conclusion"]
    return paper
