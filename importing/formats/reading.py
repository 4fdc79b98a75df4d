"""Decide what an uploaded file is, by its content and its name together, and read it with the right reader."""

import logging
import re
from collections.abc import Callable, Sequence

from .blocks import MAX_BYTES, Extract, Paragraph, Table, UnreadableFile, plain_text, shown_name
from .delimited import read_csv
from .pdf import read_pdf
from .sniff import Content, sniff
from .word import read_docx
from .workbook import read_xlsx

logger = logging.getLogger(__name__)

READS = ".docx, .pdf, .xlsx, .csv or .txt"
_READERS: dict[str, Callable[[bytes, str], Sequence[Paragraph | Table]]] = {
    "docx": read_docx,
    "pdf": read_pdf,
    "xlsx": read_xlsx,
    "csv": read_csv,
}
# The extensions read, and the content each must have: a zip (or a damaged
# one) is left to the reader to say what is wrong with it, and so is a CSV
# that is not quite text (NUL bytes, say).
_EXTENSIONS = {"docx": "docx", "pdf": "pdf", "xlsx": "xlsx", "csv": "csv", "tsv": "csv"}
_CONTENTS = {"docx": {"docx", "zip"}, "pdf": {"pdf"}, "xlsx": {"xlsx", "zip"}, "csv": {"text", "binary"}}
_NOUNS = {"docx": "a Word document", "pdf": "a PDF", "xlsx": "an Excel workbook", "csv": "a CSV file"}
_BINARY = {
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "odf",
    "zip",
    "ole",
    "encrypted",
    "doc",
    "xls",
    "image",
    "archive",
    "program",
    "binary",
}
_MACROS = {
    "docm": "a Word Document (.docx)",
    "dotm": "a Word Document (.docx)",
    "xlsm": "an Excel Workbook (.xlsx)",
    "xltm": "an Excel Workbook (.xlsx)",
}
# Kinds of file people keep papers in that this service does not read.
_UNREAD = {
    "doc": "an old-style Word document (.doc)",
    "dot": "a Word template",
    "dotx": "a Word template",
    "xls": "an old-style Excel workbook (.xls)",
    "xlt": "an Excel template",
    "xltx": "an Excel template",
    "xlsb": "an Excel binary workbook (.xlsb)",
    "odt": "an OpenDocument text file (.odt)",
    "ods": "an OpenDocument spreadsheet (.ods)",
    "odp": "an OpenDocument presentation (.odp)",
    "rtf": "a Rich Text Format file (.rtf)",
    "ppt": "a PowerPoint presentation",
    "pptx": "a PowerPoint presentation",
    "pages": "a Pages document",
    "numbers": "a Numbers spreadsheet",
    "key": "a Keynote presentation",
    "wpd": "a WordPerfect document",
    "wps": "a Works document",
    "htm": "a web page (HTML)",
    "html": "a web page (HTML)",
    "mht": "a web archive",
    "xml": "an XML file",
    "msg": "an Outlook email",
    "eml": "an email",
    "zip": "a zip archive",
}
_OLE = {
    "docx": ("Word", "a .docx", "Word Document"),
    "xlsx": ("Excel", "an .xlsx", "Excel Workbook"),
}


def extract(name: str, data: bytes) -> Extract | None:
    """Read a .docx, .pdf, .xlsx or .csv file; None for any other kind (the caller handles .txt itself).

    Raises UnreadableFile for files that are of these kinds but cannot or must not be read.
    """
    shown = shown_name(name)
    if len(data) > MAX_BYTES:
        raise UnreadableFile(
            f"{shown} is {len(data) / 1024 / 1024:.1f} MB; the largest file this service reads is "
            f"{MAX_BYTES // 1024 // 1024} MB. Upload only the part of the paper with the recommendations."
        )
    kind = _kind(name, shown, sniff(data))
    if kind is None:
        return None
    try:
        blocks: list[Paragraph | Table] = list(_READERS[kind](data, shown))
    except UnreadableFile:
        raise
    except Exception:
        # The readers turn every problem they expect into a message; this is a problem they did not.
        logger.exception("Reading %r as %s failed unexpectedly", name, kind)
        raise UnreadableFile(f"{shown} cannot be read as {_NOUNS[kind]}: it may be damaged.") from None
    return Extract(kind=kind, text=plain_text(blocks), blocks=blocks)


def _kind(name: str, shown: str, content: Content) -> str | None:
    """Which reader the file needs, None for text the caller reads itself; refuses the rest."""
    extension = extension_of(name)
    if extension == "txt" or (not extension and content.kind in ("text", "empty", "html", "xml")):
        if content.kind in _BINARY:
            raise UnreadableFile(
                f"{shown} is not a text file: it looks like {content.looks_like}. {_advice(content)}"
            )
        return None
    if not extension:
        if content.kind in _READERS and content.kind != "csv":
            return content.kind
        raise UnreadableFile(
            f"{shown} has no extension and looks like {content.looks_like}, which this service does not read. "
            f"Save it as {READS} and upload that."
        )
    if extension in _MACROS:
        raise UnreadableFile(
            f"{shown} contains macros; save it as {_MACROS[extension]} without macros and upload that."
        )
    if extension not in _EXTENSIONS:
        what = _UNREAD.get(extension, f"a .{extension} file")
        raise UnreadableFile(
            f"{shown} is {what}, which this service does not read. Save it as {READS} and upload that."
        )
    kind = _EXTENSIONS[extension]
    if content.kind in _CONTENTS[kind]:
        return kind
    if content.kind == "empty":
        raise UnreadableFile(f"{shown} is empty.")
    if kind in _OLE and content.kind in ("encrypted", "doc", "xls", "ole"):
        raise _ole(shown, content, *_OLE[kind])
    raise UnreadableFile(
        f"{shown} is not {_NOUNS[kind]}: it looks like {content.looks_like}. {_advice(content)}"
    )


def extension_of(name: str) -> str:
    """The file name's extension, lower case and without its dot; "" if it has none."""
    base = re.split(r"[\\/]", name.strip())[-1].strip(". ")
    return base.rsplit(".", 1)[1].strip().lower() if "." in base else ""


def _ole(shown: str, content: Content, program: str, a_file: str, save_as: str) -> UnreadableFile:
    """Why an OLE file under a .docx or .xlsx name cannot be read, and what to do about it."""
    extension = a_file.split()[-1]
    if content.kind == "encrypted":
        return UnreadableFile(
            f"{shown} is password-protected. Open it in {program}, remove the password, save it, and upload that."
        )
    if content.kind in ("doc", "xls"):
        return UnreadableFile(
            f"{shown} is {content.looks_like}, not {a_file} file. "
            f"Open it in {program}, save it as {save_as} ({extension}), and upload that."
        )
    return UnreadableFile(
        f"{shown} is not {a_file} file: it is password-protected or in an older {program} format. "
        f"Open it in {program}, remove the password / save it as {extension}, and upload that."
    )


def _advice(content: Content) -> str:
    if content.kind in ("docx", "xlsx", "pdf"):
        extension = {"docx": ".docx", "xlsx": ".xlsx", "pdf": ".pdf"}[content.kind]
        return f"If it is the paper, give its name the extension {extension} and upload it again."
    if content.kind == "image":
        return "The importer needs the paper's text: upload the Word document, PDF or spreadsheet itself."
    return f"Save the paper as {READS} and upload that."
