from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from councils.access import get_council_for_user
from recommendations.models import Decision

from . import services
from .forms import CheckForm, ImportPaperForm
from .layouts import PaperError
from .models import PendingImport


@require_http_methods(["GET", "POST"])
def upload(request, council_slug):
    """Upload a paper; it is read and held, and nothing is written, until its admin has checked it."""
    council, _ = get_council_for_user(request.user, council_slug, manage=True)
    form = ImportPaperForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        paper = form.cleaned_data["paper"]
        try:
            pending = services.hold_upload(
                council=council, user=request.user, name=paper.name, data=paper.read()
            )
        except PaperError as error:
            form.add_error("paper", str(error))
        else:
            return redirect(pending)
    return render(request, "importing/upload.html", {"council": council, "form": form})


LEVELS = {"success": messages.SUCCESS, "info": messages.INFO, "error": messages.ERROR}


def _waiting(request, council, pending):
    """A large paper the worker is importing: the page that waits for it, then says what came of it."""
    if pending.result is None:
        return render(request, "importing/importing.html", {"council": council, "pending": pending})
    result = pending.result
    pending.delete()
    messages.add_message(request, LEVELS[result["level"]], result["message"])
    return redirect(result["url"])


def _pending(request, council, pk):
    """The person's own upload to this council, still waiting; None if it is gone."""
    return PendingImport.objects.waiting_for(request.user, council, timezone.now()).filter(pk=pk).first()


GONE = "That paper is no longer waiting to be imported: it was imported, cancelled or left for a day. Upload it again."


@require_http_methods(["GET", "POST"])
def check(request, council_slug, pk):
    """What the held paper would create, with its corrections; nothing is written before "Import"."""
    council, _ = get_council_for_user(request.user, council_slug, manage=True)
    pending = _pending(request, council, pk)
    if pending is None:
        messages.info(request, GONE)
        return redirect("importing:upload", council_slug)
    if pending.queued_at is not None:
        return _waiting(request, council, pending)
    action = request.POST.get("action")
    if action == "cancel":
        pending.delete()
        messages.info(request, "Nothing was imported.")
        return redirect("importing:upload", council_slug)
    reviews = council.reviews.order_by("title")
    form = CheckForm(request.POST if request.method == "POST" else None, pending=pending, reviews=reviews)
    if request.method == "POST" and form.is_valid():
        try:
            # "Import" imports what the page showed: changes made with it are applied and shown first.
            if action != "import" or form.has_changed():
                services.correct_pending(pending=pending, user=request.user, corrections=form.corrections())
                if action == "import":
                    messages.info(request, "Your changes have been applied. Check them, then import.")
                return redirect(pending)
            if services.imports_in_background(pending):
                services.queue_import(pending=pending)
                return redirect(pending)
            outcome = services.import_pending(pending=pending, user=request.user)
        except PaperError as error:
            messages.error(request, f"Nothing was imported: {error}")
            return redirect("importing:upload", council_slug)
        level, message = services.outcome_message(outcome)
        messages.add_message(request, LEVELS[level], message)
        return redirect(outcome.review or council)
    reading = pending.paper.get("reading")
    context = {
        "council": council,
        "pending": pending,
        "outcome": pending.outcome,
        "form": form,
        "warnings": pending.paper.get("warnings", []),
        "reading": reading,
        "column_fields": [form[name] for name in form.columns],
        "rows": [
            {"place": f"{table}.{row}" if table else f"para. {row}", "cells": cells, "kind": READ_AS[kind]}
            for table, row, cells, kind in (reading["rows"] if reading else [])
            if kind != "empty"
        ],
        "wordings": [(form[name], wording, count) for name, wording, count in form.wordings],
        "recommendations": [_as_created(item) for item in pending.paper["recommendations"]],
    }
    return render(request, "importing/check.html", context)


# How the check page names what the reader made of each row.
READ_AS = {
    "recommendation": "Recommendation",
    "continued": "The rest of the one above",
    "heading": "A heading: not imported",
    "header": "The header again: not imported",
    "footnote": "A footnote: not imported",
    "furniture": "Page furniture: not imported",
    "empty": "Empty",
}


def _as_created(item):
    """A recommendation as read, for the check page."""
    response = item.get("response") or {}
    update = item.get("update") or {}
    decision = response.get("decision")
    return {
        "reference": item["reference"] or str(item["position"]),
        "text": item["text"],
        "decision": Decision(decision).label if decision else "",
        "wording": response.get("decision_wording", ""),
        "comment": response.get("comment", ""),
        "update": update.get("text", ""),
        "status": update.get("status_wording", ""),
    }
