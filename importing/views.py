from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from councils.access import get_council_for_user

from . import services
from .forms import ImportPaperForm
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


def _pending(request, council, pk):
    """The person's own upload to this council, still waiting; None if it is gone."""
    return PendingImport.objects.waiting_for(request.user, council, timezone.now()).filter(pk=pk).first()


GONE = "That paper is no longer waiting to be imported: it was imported, cancelled or left for a day. Upload it again."


@require_safe
def check(request, council_slug, pk):
    """What the held paper would create: nothing has been written yet."""
    council, _ = get_council_for_user(request.user, council_slug, manage=True)
    pending = _pending(request, council, pk)
    if pending is None:
        messages.info(request, GONE)
        return redirect("importing:upload", council_slug)
    return render(
        request, "importing/check.html", {"council": council, "pending": pending, "outcome": pending.outcome}
    )


@require_POST
def confirm(request, council_slug, pk):
    """Import the held paper ("Import"), or let it go ("Cancel")."""
    council, _ = get_council_for_user(request.user, council_slug, manage=True)
    pending = _pending(request, council, pk)
    if pending is None:
        messages.info(request, GONE)
        return redirect("importing:upload", council_slug)
    if "cancel" in request.POST:
        pending.delete()
        messages.info(request, "Nothing was imported.")
        return redirect("importing:upload", council_slug)
    try:
        outcome = services.import_pending(pending=pending, user=request.user)
    except PaperError as error:
        messages.error(request, f"Nothing was imported: {error}")
        return redirect("importing:upload", council_slug)
    if outcome.already_imported:
        messages.info(request, f"{outcome.name} was {outcome.already_imported}; nothing changed.")
    else:
        messages.success(request, f"{outcome.name} has been imported.")
    return redirect(outcome.review or council)
