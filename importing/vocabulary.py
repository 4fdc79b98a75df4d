"""The words councils use in their papers, and what each means to the tracker.

Kept as the councils write them ("Agreed", "Partially accepted"), compared
without regard to case, spacing or closing punctuation.
"""

import re

from recommendations.models import Decision

# The council's own words for a decision, and the decision each records.
DECISION_WORDS: dict[str, Decision] = {
    "Agree": Decision.AGREE,
    "Agreed": Decision.AGREE,
    "Accept": Decision.AGREE,
    "Accepted": Decision.AGREE,
    "In part": Decision.IN_PART,
    "Agree in part": Decision.IN_PART,
    "Partially agree": Decision.IN_PART,
    "Partially accepted": Decision.IN_PART,
    "Disagree": Decision.DISAGREE,
    "Not agreed": Decision.DISAGREE,
    "Rejected": Decision.DISAGREE,
}


def words_key(text: str) -> str:
    """The form words are compared in: lower case, single spaces, no closing punctuation."""
    return re.sub(r"\s+", " ", text).strip().rstrip(".:;,!").casefold()


_DECISIONS = {words_key(words): decision for words, decision in DECISION_WORDS.items()}


def decision_of(wording: str) -> Decision | None:
    """The decision a council's wording records, or None if it is not one the tracker knows."""
    return _DECISIONS.get(words_key(wording))
