from django import forms

from common.forms import GovukForm

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ImportPaperForm(GovukForm):
    paper = forms.FileField(
        label="Upload a paper",
        help_text="A plain text file (.txt) of the cabinet response or update report.",
        widget=forms.FileInput(attrs={"accept": ".txt,text/plain"}),
        error_messages={"required": "Select a paper to import", "empty": "The selected file is empty"},
    )

    def clean_paper(self):
        paper = self.cleaned_data["paper"]
        if paper.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 5 MB")
        if paper.name.lower().endswith((".docx", ".doc", ".pdf")):
            raise forms.ValidationError(
                "The selected file must be plain text. Save the Word document as plain text (.txt) and upload that"
            )
        return paper
