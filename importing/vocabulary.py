"""The words councils use in their papers, and what each means to the tracker.

Kept as the councils write them ("Agreed", "Partially accepted"), compared
without regard to case, spacing or closing punctuation. This is data, not a
rule per paper: a new council's wording is a line here, or a choice its
admin makes on the check page.
"""

import re

from recommendations.models import Decision, Status

# --------------------------------------------------------------------------
# Decisions
# --------------------------------------------------------------------------

# The council's own words for a decision, and the decision each records.
# Longer phrases are tried first, so "Not agreed" is never read as "Agreed".
DECISION_WORDS: dict[str, Decision] = {
    "Agree": Decision.AGREE,
    "Agreed": Decision.AGREE,
    "Agrees": Decision.AGREE,
    "Accept": Decision.AGREE,
    "Accepted": Decision.AGREE,
    "Accepts": Decision.AGREE,
    "Yes": Decision.AGREE,
    "Y": Decision.AGREE,
    "Supported": Decision.AGREE,
    "Support": Decision.AGREE,
    "Endorsed": Decision.AGREE,
    "Endorse": Decision.AGREE,
    "Approved": Decision.AGREE,
    "Fully agreed": Decision.AGREE,
    "Fully accepted": Decision.AGREE,
    "In part": Decision.IN_PART,
    "Partly": Decision.IN_PART,
    "Partial": Decision.IN_PART,
    "Partially": Decision.IN_PART,
    "Agree in part": Decision.IN_PART,
    "Agreed in part": Decision.IN_PART,
    "Accepted in part": Decision.IN_PART,
    "Accept in part": Decision.IN_PART,
    "Partially agree": Decision.IN_PART,
    "Partially agreed": Decision.IN_PART,
    "Partly agreed": Decision.IN_PART,
    "Partially accepted": Decision.IN_PART,
    "Partly accepted": Decision.IN_PART,
    "Partially supported": Decision.IN_PART,
    "Supported in part": Decision.IN_PART,
    "Agreed in principle": Decision.IN_PART,
    "Agree in principle": Decision.IN_PART,
    "Accepted in principle": Decision.IN_PART,
    "Accept in principle": Decision.IN_PART,
    "Supported in principle": Decision.IN_PART,
    "Agree with amendment": Decision.IN_PART,
    "Agree with amendments": Decision.IN_PART,
    "Agreed with amendment": Decision.IN_PART,
    "Agreed with amendments": Decision.IN_PART,
    "Accepted with amendment": Decision.IN_PART,
    "Accepted with amendments": Decision.IN_PART,
    "Agree with modifications": Decision.IN_PART,
    "Agreed with modifications": Decision.IN_PART,
    "Disagree": Decision.DISAGREE,
    "Disagreed": Decision.DISAGREE,
    "Not agreed": Decision.DISAGREE,
    "Not agree": Decision.DISAGREE,
    "Do not agree": Decision.DISAGREE,
    "Does not agree": Decision.DISAGREE,
    "Rejected": Decision.DISAGREE,
    "Reject": Decision.DISAGREE,
    "Not accepted": Decision.DISAGREE,
    "Not accept": Decision.DISAGREE,
    "Not supported": Decision.DISAGREE,
    "Declined": Decision.DISAGREE,
    "Refused": Decision.DISAGREE,
    "No": Decision.DISAGREE,
    "N": Decision.DISAGREE,
    "Noted": Decision.NOTED,
    "Note": Decision.NOTED,
    "For noting": Decision.NOTED,
    "Acknowledged": Decision.NOTED,
}


def words_key(text: str) -> str:
    """The form words are compared in: lower case, single spaces, no enclosing punctuation."""
    text = re.sub(r"[‘’“”\"'`*_]", "", text)
    return re.sub(r"\s+", " ", text).strip().strip(".:;,!?()[]–—-").strip().casefold()


_DECISIONS = {words_key(words): decision for words, decision in DECISION_WORDS.items()}
# Words that open a sentence, longest first, so "Agreed in part" wins over "Agreed".
# Not the one-word answers of a decision column ("No", "Y"), nor "Note", which opens many a sentence.
_OPENERS = sorted(
    (w for w in _DECISIONS if len(w) > 1 and w not in ("no", "yes", "note")), key=len, reverse=True
)
_OPENING = re.compile(
    r"^\s*(?P<words>" + "|".join(re.escape(w) for w in _OPENERS) + r")\b\s*(?:[.:;,!(–—-]|\n|$)",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"\(\s*(?P<words>" + "|".join(re.escape(w) for w in _OPENERS) + r")\s*\)\s*[.;]?\s*$", re.IGNORECASE
)


def decision_of(wording: str) -> Decision | None:
    """The decision a council's wording records, or None if it is not one the tracker knows."""
    key = words_key(wording)
    if key in _DECISIONS:
        return _DECISIONS[key]
    # "Agreed – see comments", "Partially agreed (see below)": the words it opens with.
    opening = _OPENING.match(wording)
    if opening and len(wording) <= 80:
        return _DECISIONS[words_key(opening["words"])]
    return None


def decision_in(comment: str) -> tuple[Decision, str] | None:
    """A decision a comment states at its start ("Agreed. The plan…") or end ("… (Accepted)."), with its words."""
    for pattern in (_OPENING, _CLOSING):
        found = pattern.search(comment)
        if found:
            return _DECISIONS[words_key(found["words"])], found["words"].strip()
    return None


# --------------------------------------------------------------------------
# Progress statuses
# --------------------------------------------------------------------------

STATUS_WORDS: dict[str, Status] = {
    "Not started": Status.NOT_STARTED,
    "Not yet started": Status.NOT_STARTED,
    "Not begun": Status.NOT_STARTED,
    "Pending": Status.NOT_STARTED,
    "Planned": Status.NOT_STARTED,
    "To start": Status.NOT_STARTED,
    "In progress": Status.IN_PROGRESS,
    "Ongoing": Status.IN_PROGRESS,
    "On-going": Status.IN_PROGRESS,
    "On going": Status.IN_PROGRESS,
    "Underway": Status.IN_PROGRESS,
    "Under way": Status.IN_PROGRESS,
    "Started": Status.IN_PROGRESS,
    "Progressing": Status.IN_PROGRESS,
    "Partially implemented": Status.IN_PROGRESS,
    "Partly implemented": Status.IN_PROGRESS,
    "Partially complete": Status.IN_PROGRESS,
    "Partially completed": Status.IN_PROGRESS,
    "In hand": Status.IN_PROGRESS,
    "Work in progress": Status.IN_PROGRESS,
    "Completed": Status.COMPLETED,
    "Complete": Status.COMPLETED,
    "Done": Status.COMPLETED,
    "Implemented": Status.COMPLETED,
    "Fully implemented": Status.COMPLETED,
    "Achieved": Status.COMPLETED,
    "Delivered": Status.COMPLETED,
    "Closed - completed": Status.COMPLETED,
    "Not taken forward": Status.NOT_TAKEN_FORWARD,
    "Will not be implemented": Status.NOT_TAKEN_FORWARD,
    "Not implemented": Status.NOT_TAKEN_FORWARD,
    "Not to be implemented": Status.NOT_TAKEN_FORWARD,
    "Not progressed": Status.NOT_TAKEN_FORWARD,
    "Not proceeding": Status.NOT_TAKEN_FORWARD,
    "Withdrawn": Status.NOT_TAKEN_FORWARD,
    "Superseded": Status.OVERTAKEN,
    "Overtaken by events": Status.OVERTAKEN,
    "Overtaken": Status.OVERTAKEN,
    "No longer relevant": Status.OVERTAKEN,
    "No longer applicable": Status.OVERTAKEN,
    "Alternative action taken": Status.ALTERNATIVE_ACTION,
    "Alternative action": Status.ALTERNATIVE_ACTION,
    "Alternative approach": Status.ALTERNATIVE_ACTION,
    "Alternative approach taken": Status.ALTERNATIVE_ACTION,
    "Implemented differently": Status.ALTERNATIVE_ACTION,
}
_STATUSES = {words_key(words): status for words, status in STATUS_WORDS.items()}


def status_of(wording: str) -> Status | None:
    """The status a council's wording records ("On-going", "Complete"), or None."""
    return _STATUSES.get(words_key(wording))


# --------------------------------------------------------------------------
# Column headings
# --------------------------------------------------------------------------

# What each column of a recommendations table can hold, as the check page names it.
FIELDS = {
    "reference": "Reference",
    "text": "Recommendation",
    "title": "Short title",
    "decision": "Decision",
    "comment": "Response comment",
    "cabinet_member": "Cabinet member",
    "lead_officer": "Lead officer",
    "target": "Timetable or target date",
    "priority": "Priority",
    "status": "Progress status",
    "update": "Progress update",
    "made_to": "Recommendation made to",
    "": "Not used",
}

# Heading words, tried in order: the first field whose pattern the heading
# matches is the column's. More specific headings come first ("Cabinet
# member response" is a comment, "Status of recommendation" a status).
HEADINGS: list[tuple[str, str]] = [
    ("made_to", r"^(recommendations? )?(made|directed|addressed) to\b|^recommendations? to$|^to whom\b"),
    (
        "reference",
        r"^(rec(ommendation)?s?\.? ?)?(no|nos|number|num|ref|reference|id|#)\.?$|^#$|^(item|para)( no\.?)?$",
    ),
    ("status", r"^status\b|\bstatus$|^completed\?|^complete\?|^implemented\?|^progress status"),
    ("priority", r"\bpriority\b"),
    (
        "decision",
        r"\b(agree|agreed|accept|accepted|reject|rejected|supported|support)\b.*(\?|/)|^(agree|agreed|accept|accepted|supported|decision|cabinet decision|executive decision|response \((agree|accept)[^)]*\))\??$|^(y/n|yes/no)$|agreed?\s*/\s*(not agreed|disagree)",
    ),
    # Who gave the response is not the response: "Response by", "Responder".
    ("cabinet_member", r"^respon(se|ses|ded) by\b|^responder\b|^responding (cabinet )?member"),
    # Whoever gives it, a response or comment is the comment: "Portfolio Holder comments", "Lead officer response".
    ("comment", r"^(?!.*\b(progress|update|decision)).*\b(comments?|responses?|reply)\b"),
    # Whoever takes it, a decision is the decision: "Cabinet Member decision".
    ("decision", r"^(?!.*\bdates?\b).*\bdecisions?\b(?! (maker|by))"),
    (
        "cabinet_member",
        r"cabinet member|portfolio|lead member|executive member|cabinet lead|lead councillor",
    ),
    (
        "lead_officer",
        r"lead officer|responsible officer|officer responsible|responsib|lead director|^lead$|^owner|action owner|^(lead )?officers?$|lead service|service area|^directorate|by whom|^who\b|^action by|^lead (person|contact|department|service)",
    ),
    (
        "target",
        r"time ?table|timescale|time ?frame|target|deadline|^date\b|\bdate$|due date|completion date|by when|^when\b",
    ),
    (
        "update",
        r"progress|update|actions? taken|action to date|^position|current position|latest position|work (done|undertaken)|^implementation\b(?! date)",
    ),
    (
        "comment",
        r"response|comment|reason|rationale|explanation|remarks|^notes?$|observations|reply|^(proposed |planned |agreed )?actions?\b|^cabinet view",
    ),
    ("text", r"recommend|proposal|^scrutiny rec"),
    ("title", r"^(short )?title$|^heading$|^subject$"),
]
_HEADINGS = [(field, re.compile(pattern)) for field, pattern in HEADINGS]
# Footnote markers that papers put on column headings: "Agree?[ii]", "Response*", "Date¹".
_FOOTNOTE = re.compile(r"\[(?:[ivxlcdm]+|\d{1,2}|[a-z])\]|[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+", re.IGNORECASE)


def heading_key(heading: str) -> str:
    """A heading as compared: footnote markers dropped, lower case, single spaces, no closing colon."""
    text = _FOOTNOTE.sub("", heading)
    text = re.sub(r"\s+", " ", text).strip().rstrip(":").strip()
    return text.casefold()


# Headings that give a comment only where no other column does: "Response | … | Notes".
_ASIDE = re.compile(
    r"^(notes?|remarks?|(other|additional|officer|further) (notes|comments|remarks|information))$"
)


def is_aside(heading: str) -> bool:
    """Whether a comment column's heading is a general one ("Notes"), not the response itself."""
    return bool(_ASIDE.match(heading_key(heading)))


def field_of_heading(heading: str) -> str | None:
    """The field a column heading names, or None if it names none the tracker knows."""
    key = heading_key(heading)
    if not key or len(key) > 80:
        return None
    for field, pattern in _HEADINGS:
        if pattern.search(key):
            return field
    return None


# --------------------------------------------------------------------------
# References
# --------------------------------------------------------------------------

# A recommendation's reference as councils write it: 1  1)  1.  (1)  3a  a)  (iii)  R1  OSC-07
# SC18  SR (25/26) 01  2.1  Rec 4.
_REFERENCE = (
    r"(?:rec(?:ommendation)?\.?\s*)?"
    r"(?:"
    r"\(?\d{1,3}[a-z]?\)?[.):]?"
    r"|\d{1,3}\.\d{1,3}[a-z]?[.):]?"
    r"|\(?[a-z]\)[.:]?|[a-z][.)]"
    r"|\(?[ivxlc]{1,7}\)[.:]?|[ivxlc]{1,7}[.)]"
    r"|[a-z]{1,6}[ -]?\d{1,3}[a-z]?[.):]?"
    r"|[a-z]{1,6}\s*\(\d{2}/\d{2}\)\s*\d{1,3}"
    r")"
)
REFERENCE = re.compile(rf"^\s*{_REFERENCE}\s*$", re.IGNORECASE)
# A reference at the start of a recommendation's text: "1. That the Council…", "R3 – The Cabinet…".
LEADING_REFERENCE = re.compile(
    rf"^\s*(?P<reference>{_REFERENCE})(?P<gap>\s*[–—-]\s*|\s+)(?P<text>\S.*)$", re.DOTALL | re.IGNORECASE
)


def is_reference(cell: str) -> bool:
    return bool(REFERENCE.match(cell)) and len(cell.strip()) <= 20


def split_reference(text: str) -> tuple[str, str]:
    """A recommendation's text that starts with its reference, as (reference, text); ("", text) if it does not."""
    found = LEADING_REFERENCE.match(text)
    if not found:
        return "", text
    reference, rest = found["reference"].strip(), found["text"]
    # A reference written bare ("1", "R1") must be followed by a sentence's capital, so that a text
    # that merely begins with a number ("3 new refuges…") keeps it; "1." or "a)" may be followed by anything.
    bare = not reference.endswith((".", ")", ":")) and not any(dash in found["gap"] for dash in "–—-")
    if bare and not rest[0].isupper() and rest[0] not in "‘“\"'(":
        return "", text
    return reference, rest.strip()
