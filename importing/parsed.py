"""What a paper is read into, before anything is written: the same for every layout and format."""

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from datetime import date

from recommendations.models import reference_label
from reviews.models import Kind, Layout


class PaperError(Exception):
    """A paper that cannot be imported; the message says where and why."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(message)


@dataclass
class ParsedResponse:
    decision: str
    decision_wording: str
    comment: str
    responder_name: str = ""
    responder_role: str = ""
    response_date: date | None = None
    source_position: int | None = None


@dataclass
class ParsedUpdate:
    text: str
    paragraph_number: int | None = None
    status: str = ""
    status_wording: str = ""
    update_date: date | None = None
    author_name: str = ""


@dataclass
class ParsedRecommendation:
    # Its place in the paper's order, 1, 2, 3 ...
    position: int
    text: str
    # The line of a text paper it starts on, for messages.
    line: int | None = None
    # Its reference as the paper writes it ("1)", "R1"); empty where the paper numbers none.
    reference: str = ""
    title: str = ""
    # Where in the paper: which table, and its row; or the report's paragraph number.
    source_table: int | None = None
    source_position: int | None = None
    lead_officer: str = ""
    target: str = ""
    priority: str = ""
    made_to: str = ""
    response: ParsedResponse | None = None
    update: ParsedUpdate | None = None

    @property
    def label(self) -> str:
        return reference_label(self.reference, self.position)


@dataclass
class ParsedRound:
    committee: str
    meeting_date: date
    title: str = ""
    report_author: str = ""
    cabinet_member: str = ""
    wards: str = ""
    introduction: str = ""
    narrative: str = ""
    closing: str = ""
    previous_update_date: date | None = None


@dataclass
class ParsedPaper:
    """One paper as read: what it says, before anything is written."""

    kind: Kind
    layout: Layout
    council: str
    title: str
    paper_date: date | None
    # The review the paper makes recommendations for, or reports on.
    review_title: str = ""
    review_committee: str = ""
    review_recommended_date: date | None = None
    review_report_dated: str = ""
    review_endorsed_date: date | None = None
    recommendations: list[ParsedRecommendation] = field(default_factory=list)
    round: ParsedRound | None = None
    # What the admin should look at before importing.
    warnings: list[str] = field(default_factory=list)
    # A table paper's columns and rows as the table reader read them (tables.Reading as JSON).
    reading: dict | None = None

    @property
    def creates_recommendations(self) -> bool:
        return bool(self.recommendations)

    def to_json(self) -> dict:
        """What was read, as JSON, to keep while its admin checks it."""
        return _to_json(self)

    @classmethod
    def from_json(cls, data: dict) -> "ParsedPaper":
        return _from_json(cls, data)


def _to_json(value: object) -> typing.Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_to_json(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


# ``kind`` is a class, or a list or optional of one, as a type hint gives it.
def _from_json(kind: typing.Any, value: typing.Any) -> typing.Any:
    """``value`` (from ``_to_json``) as the type ``kind``: dataclasses, lists, dates and optionals."""
    if value is None:
        return None
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        (kind,) = [arg for arg in typing.get_args(kind) if arg is not type(None)]
    if typing.get_origin(kind) is list:
        (item,) = typing.get_args(kind)
        return [_from_json(item, v) for v in value]
    if dataclasses.is_dataclass(kind):
        assert isinstance(kind, type)  # the dataclass itself, from a type hint
        hints = typing.get_type_hints(kind)
        return kind(**{f.name: _from_json(hints[f.name], value[f.name]) for f in dataclasses.fields(kind)})
    if kind is date:
        return date.fromisoformat(value)
    if isinstance(kind, type) and issubclass(kind, str):
        return kind(value)
    return value
