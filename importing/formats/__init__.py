"""Turn an uploaded paper's bytes (.docx, .pdf, .xlsx, .csv) into its paragraphs and tables, in document order.

What the columns mean is for the table reader to decide; this package only
reads faithfully, and refuses, in plain English, files it cannot or must not read.
"""

from .blocks import MAX_BYTES, Extract, Paragraph, Table, UnreadableFile, from_json, to_json
from .reading import extract

__all__ = ["MAX_BYTES", "Extract", "Paragraph", "Table", "UnreadableFile", "extract", "from_json", "to_json"]
