from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from reviews.views import get_review_for_user

from . import build, spreadsheet, word
from .forms import AsAtForm

TEMPLATES = {
    "cabinet-response": "papers/cabinet_response.html",
    "update-report": "papers/update_report.html",
    "update-table": "papers/update_table.html",
}
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv; charset=utf-8",
}


def get_round(review, meeting_date):
    """The review's round that met on that day; 404 if there is none."""
    rounds = review.rounds.filter(meeting_date=meeting_date).select_related("committee", "source_document")
    update_round = rounds.order_by("committee__name", "id").first()
    if update_round is None:
        raise Http404("No update round met on that day.")
    return update_round


def context(paper, form=None):
    return {"paper": paper, "review": paper.review, "update_round": paper.update_round, "form": form}


def render_html(paper, form=None, request=None):
    """The paper's page as HTML text (the command's --format html uses it too)."""
    return render_to_string(TEMPLATES[paper.slug], context(paper, form), request=request)


def download(paper, output):
    """The paper as a .docx or CSV file to save."""
    content = word.write(paper) if output == "docx" else spreadsheet.write(paper)
    response = HttpResponse(content, content_type=CONTENT_TYPES[output])
    response["Content-Disposition"] = f'attachment; filename="{paper.filename(output)}"'
    return response


def _paper(request, slug, review, update_round, output):
    form = AsAtForm(request.GET)
    if form.is_bound and not form.is_valid() and output != "html":
        return HttpResponseBadRequest(
            " ".join(form.errors["as_at"]), content_type="text/plain; charset=utf-8"
        )
    paper = build.build(slug, review, update_round=update_round, as_at=form.date)
    if output != "html":
        return download(paper, output)
    if not form.is_bound:
        form.initial = {"as_at": paper.as_at}
    return render(request, TEMPLATES[slug], context(paper, form))


@require_GET
def cabinet_response(request, council_slug, slug, output="html"):
    review = get_review_for_user(request.user, council_slug, slug)
    return _paper(request, "cabinet-response", review, None, output)


@require_GET
def update_report(request, council_slug, slug, meeting_date, output="html"):
    review = get_review_for_user(request.user, council_slug, slug)
    return _paper(request, "update-report", review, get_round(review, meeting_date), output)


@require_GET
def update_table(request, council_slug, slug, meeting_date, output="html"):
    review = get_review_for_user(request.user, council_slug, slug)
    return _paper(request, "update-table", review, get_round(review, meeting_date), output)


@require_GET
def round_detail(request, council_slug, slug, meeting_date):
    review = get_review_for_user(request.user, council_slug, slug)
    update_round = get_round(review, meeting_date)
    context = {"review": review, "update_round": update_round, "update_count": update_round.updates.count()}
    return render(request, "reviews/round.html", context)
