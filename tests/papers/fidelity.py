"""How much of a seed paper's text a rebuilt paper reproduces, word for word and in order.

Shared by tests/papers/test_fidelity.py and benchmarks/fidelity.py.
"""

import difflib
import html
import io
import re

from docx import Document
from docx.table import Table

from importing.layouts.base import clean

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_WORD = re.compile(r"\w")


def words(text):
    """The text's words: white space and quotes (curly to straight) normalised.

    A word has a letter or a digit in it; tokens of punctuation alone (a
    Markdown "|" or "##", a bullet's "-") are the layout of the text, which a
    rebuilt paper shows as tables, headings and lists, not words of it.
    """
    return [token for token in text.translate(_QUOTES).split() if _WORD.search(token)]


def strip_markers(text):
    """The source without the extraction debris the importer drops (``[bookmark: …]``,
    ``<i>``, ``**``, ``<sup>``): the design says a rebuilt paper drops them too."""
    return clean(text)


def html_text(page):
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def docx_text(data):
    """Paragraphs and table cells, in document order."""
    document = Document(io.BytesIO(data))
    texts = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    texts.append(cell.text)
        else:
            texts.append(item.text)
    return "\n".join(texts)


def share(source, rebuilt):
    """The share of the source's words that the rebuilt text reproduces in order."""
    a, b = words(source), words(rebuilt)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    blocks = matcher.get_matching_blocks()
    matched = sum(block.size for block in blocks)
    missing = []
    position = 0
    for block in blocks:
        missing += a[position : block.a]
        position = block.a + block.size
    return matched / len(a), missing
