from typing import cast

from django import forms

from common.forms import DateField, GovukForm, Radios
from recommendations.models import Decision

from .formats import MAX_BYTES
from .services import Corrections
from .vocabulary import FIELDS, words_key

ACCEPTED = ".docx,.pdf,.xlsx,.csv,.txt"


class ImportPaperForm(GovukForm):
    paper = forms.FileField(
        label="Upload a paper",
        help_text=(
            "A Word document (.docx), PDF, Excel workbook (.xlsx), CSV or text file (.txt) of a cabinet "
            f"response, action plan, tracker or update report, up to {MAX_BYTES // 1024 // 1024} MB."
        ),
        widget=forms.FileInput(attrs={"accept": ACCEPTED}),
        error_messages={"required": "Select a paper to import", "empty": "The selected file is empty"},
    )

    def clean_paper(self):
        paper = self.cleaned_data["paper"]
        if paper.size > MAX_BYTES:
            raise forms.ValidationError(
                f"The selected file must be smaller than {MAX_BYTES // 1024 // 1024} MB"
            )
        return paper


NEW_REVIEW = "new"


class CheckForm(GovukForm):
    """The check page's corrections: what each column holds, what each decision wording records, where it goes."""

    review = forms.ChoiceField(
        label="Where the recommendations go",
        widget=Radios,
        error_messages={
            "required": "Select a review, or a new review",
            "invalid_choice": "Select a review from the list",
        },
    )
    title = forms.CharField(label="Title of the new review", max_length=300, required=False)
    committee = forms.CharField(
        label="Committee that made the recommendations (optional)", max_length=200, required=False
    )
    recommended_date = DateField(
        name="the date the recommendations were made",
        not_future=True,
        required=False,
        label="Date the recommendations were made (optional)",
        help_text="For example, 3 11 2020",
    )

    def __init__(self, *args, pending, reviews, **kwargs):
        paper, corrections = pending.paper, Corrections(**pending.corrections)
        self.reviews = {str(review.pk): review for review in reviews}
        reading = paper.get("reading")
        super().__init__(*args, **kwargs)
        initial = self.initial
        self.columns: list[str] = []
        if reading:
            for number, (heading, field) in enumerate(
                zip(reading["header"], reading["fields"], strict=True), start=1
            ):
                name = f"column_{number}"
                self.fields[name] = forms.ChoiceField(
                    choices=list(FIELDS.items()),
                    label=f"Column {number}, “{heading or 'no heading'}”, holds",
                    required=False,
                    error_messages={"invalid_choice": "Select what the column holds from the list"},
                )
                self.fields[name].hide_label = True  # type: ignore[attr-defined]  # the table's heading names it
                initial.setdefault(name, field)
                self.columns.append(name)
        self.wordings: list[tuple[str, str, int]] = []  # (field name, wording, how many)
        counts: dict[str, list] = {}
        for item in paper["recommendations"]:
            response = item.get("response") or {}
            wording = response.get("decision_wording", "")
            if wording and "\n" not in wording and len(wording) <= 80:
                counts.setdefault(words_key(wording), [wording, 0, response.get("decision", "")])[1] += 1
        for number, (wording, count, decision) in enumerate(counts.values(), start=1):
            name = f"decision_{number}"
            self.fields[name] = forms.ChoiceField(
                choices=[*Decision.choices, ("", "No decision: import no response")],
                label=f"“{wording}” records",
                required=False,
                error_messages={"invalid_choice": "Select a decision from the list"},
            )
            self.fields[name].hide_label = True  # type: ignore[attr-defined]
            initial.setdefault(name, decision)
            self.wordings.append((name, wording, count))
        choices = [(str(r.pk), r.title) for r in reviews] + [(NEW_REVIEW, "A new review")]
        cast(forms.ChoiceField, self.fields["review"]).choices = choices
        found = corrections.review_id or pending.outcome.get("review_id")
        initial.setdefault("review", str(found) if found and not corrections.title else NEW_REVIEW)
        initial.setdefault("title", corrections.title or paper.get("review_title", ""))
        initial.setdefault("committee", corrections.committee or paper.get("review_committee", ""))

    def clean(self):
        data = super().clean() or {}
        title = data.get("title", "").strip()
        if data.get("review") == NEW_REVIEW:
            if not title:
                self.add_error("title", "Enter the title of the new review")
            elif any(review.title.casefold() == title.casefold() for review in self.reviews.values()):
                self.add_error(
                    "title",
                    f"There is already a review called “{title}”: select it above, or give the new one another title",
                )
        return data

    def corrections(self) -> Corrections:
        data = self.cleaned_data
        chosen = data["review"]
        when = data.get("recommended_date")
        return Corrections(
            columns={name.removeprefix("column_"): data[name] for name in self.columns},
            decisions={words_key(wording): data[name] for name, wording, _ in self.wordings},
            review_id=None if chosen == NEW_REVIEW else int(chosen),
            title=data.get("title", "").strip() if chosen == NEW_REVIEW else "",
            committee=data.get("committee", "").strip() if chosen == NEW_REVIEW else "",
            recommended_date=when.isoformat() if when and chosen == NEW_REVIEW else "",
        )


class PackUploadForm(GovukForm):
    pack = forms.FileField(
        label="Upload your filled-in update pack",
        help_text=(
            "The Excel (.xlsx) or Word (.docx) pack you downloaded from My recommendations, with your "
            "updates filled in. You will see what will be recorded before anything is saved."
        ),
        widget=forms.FileInput(attrs={"accept": ".xlsx,.docx"}),
        error_messages={"required": "Select your update pack", "empty": "The selected file is empty"},
    )

    def clean_pack(self):
        pack = self.cleaned_data["pack"]
        if pack.size > MAX_BYTES:
            raise forms.ValidationError(
                f"The selected file must be smaller than {MAX_BYTES // 1024 // 1024} MB"
            )
        return pack


class PackCheckForm(GovukForm):
    """The pack's check page: the state of each row's recommendation as shown, and which changed rows to
    record anyway."""

    def __init__(self, *args, standings, **kwargs):
        super().__init__(*args, **kwargs)
        self.confirms = []
        for standing in standings:
            pk = standing.row["id"]
            self.fields[f"seen_{pk}"] = forms.CharField(widget=forms.HiddenInput, required=False)
            self.initial[f"seen_{pk}"] = standing.seen
            if standing.is_changed and standing.recommendation is not None:
                name = f"confirm_{pk}"
                self.fields[name] = forms.BooleanField(
                    label=f"Record my update on {standing.row['reference']} anyway", required=False
                )
                self.confirms.append((standing, name))

    def seen(self) -> dict[int, str]:
        return {
            int(name.removeprefix("seen_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("seen_")
        }

    def confirmed(self) -> set[int]:
        return {
            int(name.removeprefix("confirm_")) for _, name in self.confirms if self.cleaned_data.get(name)
        }
