import gc
from contextlib import contextmanager
from typing import cast

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_safe

from reviews.access import get_review_for_user, get_round

from .forms import AsAtForm, RoundPaperForm
from .registry import CONTENT_TYPES


@contextmanager
def collector_paused():
    """Python's cycle collector paused while a paper is built and written. A paper of 2,000
    recommendations makes a few hundred thousand objects (records, XML elements) that live until it is
    sent, and each of the collector's passes reads all of them: those passes grew the time faster than
    the paper (2,000 took 2.1 times 1,000; paused, 1.7-1.8). What is freed is freed as before, by
    reference counts; the collector runs again after, whatever the other threads did meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@require_safe
def paper(request, council_slug, slug, kind, meeting_date=None, output="html"):
    """A committee paper (``kind``, from the registry) as a page, or as a Word or CSV download."""
    review, _ = get_review_for_user(request.user, council_slug, slug)
    update_round = get_round(review, meeting_date) if kind.of_round else None
    form = RoundPaperForm(request.GET, kind.options) if kind.options else AsAtForm(request.GET)
    if form.is_bound and not form.is_valid() and output != "html":
        # Iterating an ErrorList gives its messages as text, not the ValidationErrors it holds.
        errors = [message for messages in form.errors.values() for message in cast(list[str], messages)]
        return HttpResponseBadRequest(" ".join(errors), content_type="text/plain; charset=utf-8")
    options = form.options if isinstance(form, RoundPaperForm) else None
    with collector_paused():
        built = kind.make(review, update_round=update_round, as_at=form.date, options=options)
        content = kind.render(built, output) if output != "html" else b""
    if output != "html":
        response = HttpResponse(content, content_type=CONTENT_TYPES[output])
        response["Content-Disposition"] = f'attachment; filename="{built.filename(output)}"'
        return response
    if not form.is_bound:
        form.initial = {"as_at": built.as_at, "cover": built.cover}
        if "response" in kind.options:
            form.initial["response"] = "yes" if built.show_response else "no"
    context = {"paper": built, "review": review, "update_round": update_round, "form": form}
    return render(request, kind.template, context)
