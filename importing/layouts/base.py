"""What every paper layout reads into, and the clean-up they share."""

import dataclasses
import re
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from recommendations.models import reference_label
from reviews import prose
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


# Extraction debris: Word bookmarks, and the HTML or Markdown emphasis that
# some converters leave around words.
_DEBRIS = [
    (re.compile(r"\[bookmark: [^\]]*\]"), ""),
    (re.compile(r"</?(?:i|b|em|strong|u|sup|sub)>"), ""),
    (re.compile(r"\*\*"), ""),
]


def clean(text: str) -> str:
    """Drop extraction debris from a piece of text; keep every word."""
    for pattern, replacement in _DEBRIS:
        text = pattern.sub(replacement, text)
    return text


def tidy(text: str) -> str:
    """Trim each line's trailing white space and the text's blank ends."""
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines()).strip()


_ORDINAL = re.compile(r"(\d{1,2})\s*(?:st|nd|rd|th)\b")


def parse_date(value: str, line: int | None = None) -> date:
    """Read a date as councils write them: 03/11/2020, 16 January 2024, 10 th June 2013."""
    value = _ORDINAL.sub(r"\1", clean(value)).strip().rstrip(".")
    value = re.sub(r"\s+", " ", value)
    for form in ("%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, form).date()
        except ValueError:
            continue
    raise PaperError(f"“{value}” is not a date the importer can read.", line)


# Words that begin "X Council" without naming a council ("The Council").
_LEADING = {"The", "That", "This", "When", "Where", "If", "And"}
_NOT_PLACES = {"City", "County", "Borough", "District", "Community", "Parish", "Town"}
_COUNCIL = re.compile(r"\b((?:[A-Z][a-z]+ )+?(?:(?:City|County|Borough|District) )?Council)\b")


def councils_named_in(text: str) -> Counter[str]:
    """The councils a paper names, and how often it names each."""
    counts: Counter[str] = Counter()
    for name in _COUNCIL.findall(text):
        words = name.split()
        while words[0] in _LEADING:
            words.pop(0)
        if len(words) > 1 and words[0] not in _NOT_PLACES:
            counts[" ".join(words)] += 1
    return counts


def council_named_in(text: str) -> str:
    """The council a paper is by: the one it names most often."""
    counts = councils_named_in(text)
    if not counts:
        raise PaperError("The paper does not name its council (for example “Oxford City Council”).")
    (best, best_count), *rest = counts.most_common()
    if rest and rest[0][1] == best_count:
        raise PaperError(
            f"The paper names {best} and {rest[0][0]} equally often, so the importer cannot tell "
            "whose paper it is."
        )
    return best


_NUMBERED = re.compile(r"^(?P<number>\d+)\.\s+(?P<text>\S.*)$", re.DOTALL)
_BULLET = re.compile(r"^\s*[-·•]\s*\S")


def numbered(line: str) -> tuple[int, str] | None:
    """The paragraph number and text of a line such as "12. The council ...", or None."""
    match = _NUMBERED.match(line.strip())
    return (int(match["number"]), match["text"]) if match else None


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def prose_blocks(
    lines: Iterable[str],
    first_line: int,
    heading: Callable[[str], bool] | None = None,
    seen: dict[int, int] | None = None,
) -> list[str]:
    """Read the prose of a paper into blocks, keeping each paragraph's own number.

    A numbered line ("5. ...") starts a paragraph; bullet lines belong to the
    paragraph above them; any other line continues a numbered paragraph split
    by a page break, or else stands as a paragraph of its own. ``heading(line)``
    says whether a line is a heading, stored as "## Heading".
    Numbers must not repeat (within ``seen``, shared across calls for one paper).
    """
    blocks = []
    seen = {} if seen is None else seen
    open_numbered = False
    for offset, raw in enumerate(lines):
        line = clean(raw).rstrip()
        if not line.strip():
            continue
        number = numbered(line)
        if heading and heading(line):
            blocks.append(prose.heading(line.strip().lstrip("#")))
            open_numbered = False
        elif number:
            if number[0] in seen:
                raise PaperError(
                    f"Paragraph {number[0]} is numbered twice (first at line {seen[number[0]]}).",
                    first_line + offset,
                )
            seen[number[0]] = first_line + offset
            blocks.append(line.strip())
            open_numbered = True
        elif is_bullet(line) and blocks and not prose.is_heading(blocks[-1]):
            blocks[-1] += "\n" + line.strip()
        elif open_numbered:
            blocks[-1] += " " + line.strip()
        else:
            blocks.append(line.strip())
    return blocks
