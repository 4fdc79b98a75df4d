"""What every paper layout reads into, and the clean-up they share."""

import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from reviews import prose

from ..parsed import (  # noqa: F401 (the layouts take them from here)
    PaperError,
    ParsedPaper,
    ParsedRecommendation,
    ParsedResponse,
    ParsedRound,
    ParsedUpdate,
)

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


# "By 31 March 2026", "End of March 2026": words around a target date that do not change it.
_TARGET_LEAD = re.compile(
    r"^(by|before|no later than|end of|the end of|by the end of|due|due by|target:?)\s+", re.IGNORECASE
)
_MONTH_YEAR = ("%B %Y", "%b %Y", "%b-%Y", "%B-%Y", "%b-%y", "%m/%Y")


def target_date_of(wording: str) -> date | None:
    """The target date a timetable cell gives, where it gives one plainly: "31 March 2026", "March 2026"
    (its last day), "Mar-2027"; None for "On-going", "2026/27", "Spring 2026" and the like."""
    value = _ORDINAL.sub(r"\1", clean(wording)).strip().rstrip(".")
    value = re.sub(r"\s+", " ", value)
    value = _TARGET_LEAD.sub("", value)
    if not value or len(value) > 30:
        return None
    for form in ("%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(value, form).date()
        except ValueError:
            continue
    for form in _MONTH_YEAR:
        try:
            first = datetime.strptime(value, form).date()
        except ValueError:
            continue
        following = first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1)
        return following - timedelta(days=1)
    return None


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
