"""How much of a seed paper's text a rebuilt paper reproduces, word for word and in order.

Shared by tests/papers/test_fidelity.py and benchmarks/fidelity.py.
"""

import difflib
import html
import io
import re

from docx import Document
from docx.table import Table

from reviews.importers.base import clean

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def words(text):
    """The text's words, with white space and quotes (curly to straight) normalised."""
    return text.translate(_QUOTES).split()


def strip_markers(text):
    """The source without extraction markers: the importer's debris (``[bookmark: …]``,
    ``<i>``, ``**``, ``<sup>``) and Markdown's own syntax (heading marks, table
    borders and rules, bullet marks), which a rebuilt paper shows as headings,
    tables and lists rather than as characters."""
    text = clean(text)
    text = re.sub(r"^[ \t]*#+[ \t]+", "", text, flags=re.MULTILINE)
    text = re.sub(r"^[ \t]*-?[ \t]*\|[-\s|:]*\|[ \t]*$", "", text, flags=re.MULTILINE)
    text = text.replace("|", " ")
    text = re.sub(r"^[ \t]*-[ \t]+", "", text, flags=re.MULTILINE)
    return text


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
