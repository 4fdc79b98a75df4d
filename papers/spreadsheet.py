"""The papers as CSV: one row per recommendation, in the paper's order."""

from common.exports import csv_lines


def _date(value):
    return value.isoformat() if value else ""


def cabinet_response(paper):
    yield [
        "Reference",
        "Recommendation",
        "Decision",
        "Decision (council's wording)",
        "Comment",
        "Responded by",
    ]
    for row in paper.rows:
        response = row.response
        yield [
            row.reference,
            row.text,
            response.get_decision_display() if response else "",
            row.wording,
            response.comment if response else "",
            ", ".join(filter(None, [response.responder_name, response.responder_role])) if response else "",
        ]


def update_report(paper):
    yield [
        "Reference",
        "Paragraph",
        "Recommendation",
        "Update",
        "Update date",
        "Author",
        "Status",
        "What changed",
    ]
    for section in paper.sections:
        changes = [f"Update: {e.change}" for e in section.updates if e.change]
        if section.status_change:
            changes.append(f"Status: {section.status_change}")
        if section.response_change:
            changes.append(f"Cabinet response: {section.response_change}")
        yield [
            section.recommendation.reference or section.recommendation.position,
            section.paragraph_number or "",
            section.recommendation.text,
            "\n\n".join(entry.text for entry in section.updates),
            "; ".join(_date(e.update_date) for e in section.updates if e.update_date),
            "; ".join(sorted({e.author for e in section.updates if e.author})),
            section.status_label,
            "; ".join(changes),
        ]


def update_table(paper):
    yield ["Reference", "Recommendation", "Cabinet response", "Comment", "Update", "Status"]
    for row in paper.rows:
        yield [
            row.recommendation.reference or row.recommendation.position,
            row.recommendation.text,
            row.response.wording if row.response else "",
            row.response.comment if row.response else "",
            "\n\n".join(entry.text for entry in row.updates),
            row.status_label,
        ]


def write(paper, rows):
    """The paper as CSV text (with a byte-order mark, so Excel reads it as UTF-8); ``rows(paper)`` gives its rows."""
    # With a byte-order mark, so that Excel reads it as UTF-8.
    return "\ufeff" + "".join(csv_lines(rows(paper) if paper.exists else []))
