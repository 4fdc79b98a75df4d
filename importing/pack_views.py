"""The update pack's pages: download it, upload it filled in, check what it will record, record it."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_safe

from councils.access import get_council_for_user

from .forms import PackCheckForm, PackUploadForm
from .models import PendingPack
from .pack import excel, word
from .pack.content import PackError, build_pack
from .pack.services import PackChanged, compare, hold_pack, record_pack

FORMATS = {
    "xlsx": (excel.write_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "docx": (word.write_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


@require_safe
def download(request, council_slug, kind):
    """The officer's update pack for the council, as Excel or Word: a row per recommendation they owe."""
    council, _ = get_council_for_user(request.user, council_slug, edit=True)
    write, content_type = FORMATS[kind]
    pack = build_pack(officer=request.user, council=council)
    response = HttpResponse(write(pack), content_type=content_type)
    name = (
        f"update-pack-{council.slug}-{slugify(request.user.username)}-{timezone.localdate():%Y-%m-%d}.{kind}"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET", "POST"])
def upload(request, council_slug):
    """Upload a filled-in pack; it is read, checked and held, and nothing is written, until its officer checks it."""
    council, _ = get_council_for_user(request.user, council_slug, edit=True)
    form = PackUploadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["pack"]
        try:
            pending = hold_pack(user=request.user, council=council, name=upload.name, data=upload.read())
        except PackError as error:
            for problem in error.problems:
                form.add_error("pack", problem)
        else:
            return redirect(pending)
    return render(request, "importing/pack_upload.html", {"council": council, "form": form})


GONE = (
    "That update pack is no longer waiting to be recorded: it was recorded, cancelled or left for a day. "
    "Upload it again."
)


@require_http_methods(["GET", "POST"])
def check(request, council_slug, pk):
    """What the held pack will record, and what changed since it was made; nothing is written before "Record"."""
    council, _ = get_council_for_user(request.user, council_slug, edit=True)
    pending = PendingPack.objects.waiting_for(request.user, council, timezone.now()).filter(pk=pk).first()
    if pending is None:
        messages.info(request, GONE)
        return redirect("importing:pack-upload", council_slug)
    action = request.POST.get("action")
    if action == "cancel":
        pending.delete()
        messages.info(request, "Nothing was recorded from your update pack.")
        return redirect("my-recommendations")
    standings = compare(pending)
    form = PackCheckForm(request.POST if request.method == "POST" else None, standings=standings)
    if action == "record" and form.is_valid():
        try:
            count = record_pack(
                pending=pending, user=request.user, seen=form.seen(), confirmed=form.confirmed()
            )
        except PackChanged as changed:
            messages.error(
                request,
                f"Nothing was recorded: {', '.join(changed.references)} changed while you were checking. "
                "Check them again, then record the updates.",
            )
            return redirect(pending)
        messages.success(
            request,
            f"{count} update{'' if count == 1 else 's'} from your update pack {'has' if count == 1 else 'have'} been recorded.",
        )
        return redirect("my-recommendations")
    context = {
        "council": council,
        "pending": pending,
        "form": form,
        "unchanged": [s for s in standings if not s.is_changed],
        "changed": [(s, form[name]) for s, name in form.confirms]
        + [(s, None) for s in standings if s.is_changed and s.recommendation is None],
    }
    return render(request, "importing/pack_check.html", context)
