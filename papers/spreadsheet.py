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


# Where a round has no update on a recommendation: its last known position, carried forward.
CARRIED = ["Last known position (no new update)", "Last reported", "Lead officer"]


def _carried(row):
    """The CARRIED cells of a section or table row (empty where it has an update, or nothing is carried)."""
    carried = row.carried
    if carried is None:
        return ["", "", row.lead_officer]
    text = carried.entry.text if carried.entry else ""
    return [f"{carried.note}\n\n{text}" if text else carried.note, _date(carried.reported), row.lead_officer]


# In a round the tracker collects: each recommendation's follow-through.
FOLLOW_THROUGH = [
    "Original target date",
    "Target date",
    "Target date revised because",
    "Forecast",
    "Committee's assessment",
    "Escalation",
]


def _follow_through(row):
    """The FOLLOW_THROUGH cells of a section or table row."""
    follow = row.follow
    targets = follow.targets
    return [
        _date(targets.original),
        _date(targets.current or targets.original),
        f"{targets.how}: {targets.reason}" if targets.current else "",
        follow.forecast_label,
        "\n".join(assessment.text for assessment in follow.assessments),
        "\n".join(step.text for step in follow.steps),
    ]


def update_report(paper):
    header = ["Reference", "Paragraph", "Recommendation"]
    if paper.show_response:
        header += ["Cabinet response", "Comment"]
    header += ["Update", "Update date", "Author", "Status", "What changed"]
    yield header + (CARRIED + FOLLOW_THROUGH if paper.carries_forward else [])
    for section in paper.sections:
        changes = [f"Update: {e.change}" for e in section.updates if e.change]
        if section.status_change:
            changes.append(f"Status: {section.status_change}")
        if section.response_change:
            changes.append(f"Cabinet response: {section.response_change}")
        if section.follow is not None:
            changes += section.follow.changes
        response = section.response
        cells = [
            section.recommendation.reference or section.recommendation.position,
            section.paragraph_number or "",
            section.recommendation.text,
        ]
        if paper.show_response:
            cells += [response.wording if response else "", response.comment if response else ""]
        cells += [
            "\n\n".join(entry.text for entry in section.updates),
            "; ".join(_date(e.update_date) for e in section.updates if e.update_date),
            "; ".join(sorted({e.author for e in section.updates if e.author})),
            section.status_label,
            "; ".join(changes),
        ]
        yield cells + (_carried(section) + _follow_through(section) if paper.carries_forward else [])


def update_table(paper):
    header = ["Reference", "Recommendation", "Cabinet response", "Comment", "Update", "Status"]
    yield header + (CARRIED + FOLLOW_THROUGH + ["What changed"] if paper.carries_forward else [])
    for row in paper.rows:
        cells = [
            row.recommendation.reference or row.recommendation.position,
            row.recommendation.text,
            row.response.wording if row.response else "",
            row.response.comment if row.response else "",
            "\n\n".join(entry.text for entry in row.updates),
            row.status_label,
        ]
        if paper.carries_forward:
            cells += [*_carried(row), *_follow_through(row), "; ".join(row.follow.changes)]
        yield cells


def write(paper, rows):
    """The paper as CSV text (with a byte-order mark, so Excel reads it as UTF-8); ``rows(paper)`` gives its rows."""
    # With a byte-order mark, so that Excel reads it as UTF-8.
    return "\ufeff" + "".join(csv_lines(rows(paper) if paper.exists else []))
