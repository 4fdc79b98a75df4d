"""import_report refuses bad papers in plain English and leaves the database as it was."""

import pytest
from django.core.management import CommandError

from recommendations.models import CabinetResponse
from tests.conftest import seed
from tests.importing.test_import_seed_papers import database_state, run_import

OXFORD_2020 = seed("oxford-2020").read_text()


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def refused(*paths):
    """Run the import, expect it to fail, and return its message."""
    before = database_state()
    with pytest.raises(CommandError) as error:
        run_import(*paths)
    assert database_state() == before, "a refused import changed the database"
    message = str(error.value)
    assert message.endswith("Nothing was imported.")
    return message


@pytest.mark.django_db
def test_an_empty_file_is_refused(tmp_path):
    message = refused(write(tmp_path, "empty.txt", "\n  \n"))
    assert message.startswith("empty.txt is empty.")


@pytest.mark.django_db
def test_a_damaged_word_file_is_refused(tmp_path):
    message = refused(write(tmp_path, "report.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"))
    assert message.startswith("report.docx is damaged: it cannot be opened as a Word document.")


@pytest.mark.django_db
def test_a_binary_file_called_txt_is_refused(tmp_path):
    message = refused(write(tmp_path, "report.txt", b"\x00\x01\x02\x03binary\x00\xff" * 20))
    assert "report.txt is not a text file" in message


@pytest.mark.django_db
def test_a_latin_1_text_file_is_read_as_windows_text(tmp_path):
    latin = OXFORD_2020.replace("Louise Upton", "Louise Upt\xf3n").encode("cp1252", errors="replace")
    run_import(write(tmp_path, "latin.txt", latin))
    assert CabinetResponse.objects.filter(responder_name="Councillor Louise Upt\xf3n").count() == 48


@pytest.mark.django_db
def test_a_paper_in_no_known_layout_is_refused(tmp_path):
    message = refused(write(tmp_path, "minutes.txt", "Minutes of the Scrutiny Committee\n\nPresent: ...\n"))
    assert "minutes.txt is not in a layout the importer knows" in message
    assert "Cabinet response table" in message


@pytest.mark.django_db
def test_a_table_cut_short_is_refused_with_its_line(tmp_path):
    cut = OXFORD_2020[: OXFORD_2020.index("\tAgree", OXFORD_2020.index("\t48)"))]
    message = refused(write(tmp_path, "cut.txt", cut))
    assert message.startswith(
        "cut.txt, line 219 (Cabinet response table): The table stops part-way through recommendation 48"
    )
    assert "Is the table cut short?" in message


@pytest.mark.django_db
def test_a_recommendation_numbered_twice_is_refused(tmp_path):
    twice = OXFORD_2020.replace("\t13) That the Council increases", "\t12) That the Council increases")
    message = refused(write(tmp_path, "twice.txt", twice))
    assert (
        "twice.txt, line 70 (Cabinet response table): Recommendation 12 is numbered twice (first at line 66)."
        in message
    )


@pytest.mark.django_db
def test_a_decision_the_importer_does_not_know_is_refused(tmp_path):
    maybe = OXFORD_2020.replace("\tDisagree\n", "\tMaybe\n", 1)
    message = refused(write(tmp_path, "maybe.txt", maybe))
    assert "Recommendation 5's decision “Maybe” is not one the importer knows" in message


@pytest.mark.django_db
def test_an_oxfordshire_table_missing_a_row_is_refused(tmp_path):
    text = seed("oxfordshire").read_text()
    row = next(line for line in text.splitlines() if line.startswith("| 9."))
    message = refused(write(tmp_path, "short.txt", text.replace(row + "\n", "")))
    assert "The table lists 8 recommendations but the paper says nine. Is the table cut short?" in message


@pytest.mark.django_db
def test_a_southwark_report_cut_after_a_recommendation_is_refused(tmp_path):
    text = seed("southwark").read_text()
    cut = text[: text.index("UPDATE\n\n52.")]
    message = refused(write(tmp_path, "cut.txt", cut))
    assert "The RECOMMENDATION at paragraph 51 has no UPDATE after it. Is the report cut short?" in message


@pytest.mark.django_db
def test_one_bad_paper_stops_the_whole_batch(tmp_path):
    message = refused(seed("oxford-2020"), seed("southwark"), write(tmp_path, "empty.txt", ""))
    assert message.startswith("empty.txt is empty.")


@pytest.mark.django_db
def test_a_recommendation_that_differs_from_the_recorded_one_is_refused(tmp_path):
    run_import(seed("oxford-2020"))
    changed = OXFORD_2020.replace("formally adopts the definition", "adopts the definition").replace(
        "Cabinet response", "Cabinet response", 1
    )
    message = refused(write(tmp_path, "again.txt", changed))
    assert "recommendation 1 of “Domestic Abuse Review Group” is already recorded with other words" in message


@pytest.mark.django_db
def test_a_missing_file_is_refused(tmp_path):
    message = refused(tmp_path / "nowhere.txt")
    assert "nowhere.txt cannot be read" in message
