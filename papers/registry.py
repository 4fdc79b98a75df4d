"""The committee papers, each declared once: from here come their URLs, downloads and ``render_paper``."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse

from . import build, spreadsheet, word
from .build import Paper

FORMATS = ("html", "docx", "csv")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv; charset=utf-8",
}


@dataclass(frozen=True)
class PaperKind:
    """One committee paper: how it is built from the data and written in each format."""

    slug: str
    name: str
    build: Callable[..., Paper]
    word: Callable  # (body, paper): writes the paper's own part of its .docx into word._Body
    template: str = ""  # its page; "" for a paper only downloaded
    rows: Callable[[Paper], Iterable[list]] | None = None  # its CSV rows, the header first
    # A round's paper: its address names the round by its meeting date.
    of_round: bool = False
    # What the reader may choose of it, besides its date: "cover" (which recommendations), "response".
    options: tuple[str, ...] = ()
    # The formats it is offered in.
    formats: tuple[str, ...] = FORMATS

    def make(self, review, *, update_round=None, as_at=None, options=None) -> Paper:
        """The paper of this review (and round), as the data stands now or stood at the end of ``as_at``."""
        return self.build(
            review, slug=self.slug, name=self.name, update_round=update_round, as_at=as_at, options=options
        )

    def url(self, review, update_round=None, output="html") -> str:
        args = [review.council.slug, review.slug] + ([update_round.meeting_date] if self.of_round else [])
        return reverse(build.url_name(self.slug, output), args=args)

    def links(self, review, update_round=None) -> dict[str, str]:
        """The paper's page and downloads, by format."""
        return {output: self.url(review, update_round, output) for output in self.formats}

    def render(self, paper, output, *, context=None, request=None) -> bytes:
        """The paper in one of its formats, as the bytes to send or save."""
        if output not in self.formats:
            raise ValueError(f"The {self.name.lower()} is not written as {output}.")
        if output == "docx":
            return word.write(paper, self.word)
        if output == "csv":
            assert self.rows is not None  # a paper written as CSV says how
            return spreadsheet.write(paper, self.rows).encode("utf-8")
        context = {
            "paper": paper,
            "review": paper.review,
            "update_round": paper.update_round,
            **(context or {}),
        }
        return render_to_string(self.template, context, request=request).encode("utf-8")


PAPERS = {
    kind.slug: kind
    for kind in [
        PaperKind(
            slug="cabinet-response",
            name="Cabinet response table",
            build=build.cabinet_response,
            template="papers/cabinet_response.html",
            word=word.cabinet_response,
            rows=spreadsheet.cabinet_response,
        ),
        PaperKind(
            slug="update-report",
            name="Update report",
            build=build.update_report,
            template="papers/update_report.html",
            word=word.update_report,
            rows=spreadsheet.update_report,
            of_round=True,
            options=("cover", "response"),
        ),
        PaperKind(
            slug="update-table",
            name="Recommendations update table",
            build=build.update_table,
            template="papers/update_table.html",
            word=word.update_table,
            rows=spreadsheet.update_table,
            of_round=True,
            options=("cover",),
        ),
        PaperKind(
            slug="covering-report",
            name="Covering report",
            build=build.covering_report,
            word=word.covering_report,
            of_round=True,
            options=("cover",),
            formats=("docx",),
        ),
    ]
}


def of_review(review) -> list[tuple[PaperKind, dict[str, str]]]:
    """The review's own papers, with their links."""
    return [(kind, kind.links(review)) for kind in PAPERS.values() if not kind.of_round]


def of_round(review, update_round) -> list[tuple[PaperKind, dict[str, str]]]:
    """A round's papers, with their links."""
    return [(kind, kind.links(review, update_round)) for kind in PAPERS.values() if kind.of_round]
