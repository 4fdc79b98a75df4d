"""The checks a Word document or Excel workbook (a zip of XML parts) must pass before a library opens it."""

import re
import zipfile
from dataclasses import dataclass

from .blocks import UnreadableFile

# What the zip says its members unpack to, checked before anything is unpacked.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECKED_FROM = 10 * 1024 * 1024
MAX_MEMBERS = 10_000
_CHUNK = 1024 * 1024

# A DTD is how an XML file asks for entities to be expanded (the "billion
# laughs") or fetched (external entities). Office never writes one.
_DTD_MARKS = [
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
]
_OVERLAP = max(len(mark) for mark in _DTD_MARKS)
_STRICT = b"purl.oclc.org/ooxml/"


@dataclass
class Office:
    """How the messages name one kind of Office file and the program that saves it."""

    noun: str  # "Word document"
    program: str  # "Word"
    extension: str  # ".docx"


WORD = Office("Word document", "Word", ".docx")
EXCEL = Office("Excel workbook", "Excel", ".xlsx")


def check_package(archive: zipfile.ZipFile, shown: str, office: Office) -> None:
    """Refuse a zip that would unpack too far, is encrypted, carries macros or holds XML with a DTD."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UnreadableFile(
            f"{shown} has {len(members):,} parts inside it, far more than any {office.noun} has: it cannot be read safely."
        )
    unpacked = 0
    for member in members:
        unpacked += member.file_size
        if member.file_size > RATIO_CHECKED_FROM and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise _bomb(shown, office)
        if member.flag_bits & 0x1:
            raise UnreadableFile(
                f"{shown} is password-protected. Open it in {office.program}, remove the password, "
                f"save it as {office.extension} and upload that."
            )
    if unpacked > MAX_UNPACKED:
        raise _bomb(shown, office)
    if any(member.filename.lower().endswith("vbaproject.bin") for member in members) or (
        b"macroenabled" in content_types(archive).lower()
    ):
        raise UnreadableFile(
            f"{shown} contains macros; save it as {_article(office.noun)} {office.noun} ({office.extension}) "
            "without macros and upload that."
        )
    for member in members:
        if member.filename.lower().endswith((".xml", ".rels", ".vml")) and _has_dtd(archive, member):
            raise UnreadableFile(
                f"{shown} is not {_article(office.noun)} {office.noun} this service can read safely."
            )


def main_part(archive: zipfile.ZipFile, family: str, usual: str) -> str | None:
    """The member holding the document itself (content type ``family``...main+xml), else ``usual`` if there is one."""
    names = set(archive.namelist())
    types = content_types(archive).decode("utf-8", "replace")
    for override in re.finditer(r"<Override\b[^>]*>", types):
        tag = override.group(0)
        part = re.search(r'PartName\s*=\s*["\']/?([^"\']+)["\']', tag)
        kind = re.search(r'ContentType\s*=\s*["\']([^"\']+)["\']', tag)
        if (
            part
            and kind
            and family in kind.group(1)
            and kind.group(1).endswith("main+xml")
            and part.group(1) in names
        ):
            return part.group(1)
    return usual if usual in names else None


def content_types(archive: zipfile.ZipFile) -> bytes:
    """The start of the package's list of its parts' content types, or b"" if it has none."""
    return _start(archive, "[Content_Types].xml")


def is_strict(archive: zipfile.ZipFile, part: str) -> bool:
    """Whether the part is written in Strict Open XML, which the libraries do not read."""
    return _STRICT in _start(archive, part, 4096)


def _start(archive: zipfile.ZipFile, name: str, size: int = _CHUNK) -> bytes:
    try:
        with archive.open(name) as member:
            return member.read(size)
    except KeyError:
        return b""


def _has_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    # Read in chunks, keeping the end of the last so that a mark split across two is still seen.
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            if any(mark in window for mark in _DTD_MARKS):
                return True
            tail = window[-_OVERLAP:]
    return False


def _bomb(shown: str, office: Office) -> UnreadableFile:
    return UnreadableFile(
        f"{shown} would unpack to far more than any real {office.noun} does (it may be a 'zip bomb'), "
        "so it was not opened."
    )


def _article(noun: str) -> str:
    return "an" if noun[0] in "AEIOU" else "a"
