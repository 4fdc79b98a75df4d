"""What a file's bytes say it is, whatever its name says."""

import io
import zipfile
from dataclasses import dataclass

_CONTROL_CODES = frozenset(range(32)) - {9, 10, 12, 13}
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# (what the bytes start with, what the file then is), as a message words it.
_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "image", "a PNG image"),
    (b"\xff\xd8\xff", "image", "a JPEG image"),
    (b"GIF87a", "image", "a GIF image"),
    (b"GIF89a", "image", "a GIF image"),
    (b"II*\x00", "image", "a TIFF image"),
    (b"MM\x00*", "image", "a TIFF image"),
    (b"{\\rtf", "rtf", "a Rich Text Format file (.rtf)"),
    (b"Rar!\x1a\x07", "archive", "a compressed archive (RAR)"),
    (b"7z\xbc\xaf\x27\x1c", "archive", "a compressed archive (7-Zip)"),
    (b"\x1f\x8b", "archive", "a compressed archive (gzip)"),
    (b"\x7fELF", "program", "a program"),
]


@dataclass
class Content:
    """What the bytes are: a short kind ("pdf", "docx", "ole", "text"...) and how a message names it."""

    kind: str
    looks_like: str


def sniff(data: bytes) -> Content:
    """What the file's content is, from its first bytes and, for zips and OLE files, their members."""
    head = data[:1024]
    if not data.strip():
        return Content("empty", "an empty file")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip(data)
    if head.startswith(OLE_SIGNATURE):
        return _ole(data)
    # PDF readers accept the header anywhere in the first kilobyte.
    if b"%PDF-" in head:
        return Content("pdf", "a PDF")
    for signature, kind, looks_like in _SIGNATURES:
        if head.startswith(signature):
            return Content(kind, looks_like)
    # "MZ" may start a line of text too; a program has NUL bytes soon after.
    if head.startswith(b"MZ") and b"\x00" in head:
        return Content("program", "a Windows program")
    if head[8:12] == b"WEBP" and head.startswith(b"RIFF"):
        return Content("image", "a WebP image")
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return Content("image", "an iPhone photo (HEIC)")
    if _is_text(head):
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if start.startswith((b"<!doctype html", b"<html")):
            return Content("html", "a web page (HTML)")
        if start.startswith(b"<?xml"):
            return Content("xml", "an XML file")
        return Content("text", "a text file")
    return Content("binary", "a file this service does not recognise")


def _zip(data: bytes) -> Content:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    mimetype = member.read(100)
    except Exception:
        return Content("zip", "a damaged zip file")
    if "word/document.xml" in names:
        return Content("docx", "a Word document (.docx)")
    if "xl/workbook.xml" in names:
        return Content("xlsx", "an Excel workbook (.xlsx)")
    if "ppt/presentation.xml" in names:
        return Content("pptx", "a PowerPoint presentation (.pptx)")
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return Content("odf", "an OpenDocument text file (.odt)")
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return Content("odf", "an OpenDocument spreadsheet (.ods)")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return Content("odf", "an OpenDocument file")
    return Content("zip", "a zip archive")


def _ole(data: bytes) -> Content:
    # An OLE file's directory names its streams in UTF-16: which streams it has
    # says whether it is an encrypted Office file or an old .doc or .xls.
    if "EncryptedPackage".encode("utf-16-le") in data:
        return Content("encrypted", "a password-protected Office document")
    if "WordDocument".encode("utf-16-le") in data:
        return Content("doc", "an old-style Word document (.doc)")
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return Content("xls", "an old-style Excel workbook (.xls)")
    return Content("ole", "an older Office file or a password-protected one")


def _is_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    return controls_in(head) * 20 <= len(head)


def controls_in(head: bytes | str) -> int:
    """How many control characters other than line ends and tabs: text in any encoding read has few."""
    return sum(1 for char in head if (char if isinstance(char, int) else ord(char)) in _CONTROL_CODES)
