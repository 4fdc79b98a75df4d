"""backup then restore gives back every table, history included, row for row, on the database in use."""

import datetime
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from common.backup import table_counts
from recommendations import services
from recommendations.models import Recommendation, Theme

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump and pg_restore see only what is committed


def table_digests(conn):
    """Each table's rows, as a digest of all of them in a fixed order: equal digests, equal contents."""
    digests = {}
    with conn.cursor() as cursor:
        for table in sorted(conn.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {conn.ops.quote_name(table)}")
            rows = sorted(repr(row) for row in cursor.fetchall())
            digests[table] = [len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()]
    return digests


def edit_the_seed_data():
    """Edits, themes (the many-to-many links have history of their own) and history with a user and reason."""
    editor = get_user_model().objects.create_user("editor", password="x")
    recommendation = Recommendation.objects.order_by("pk").first()
    recommendation = services.set_themes(
        recommendation=recommendation,
        user=editor,
        themes=[],
        new_names=["Housing", "Training", "Domestic abuse"],
        version=recommendation.version,
    )
    services.edit_recommendation(
        recommendation=recommendation,
        user=editor,
        version=recommendation.version,
        reason="Corrected the wording, as the committee asked at its meeting on 3 March " + "x" * 120,
        text="That the Council seeks accreditation, corrected.",
    )
    services.record_update(
        recommendation=recommendation,
        user=editor,
        status="in_progress",
        text="Work has started.",
        update_date=datetime.date(2025, 1, 15),
    )


def other_database_env(tmp_path):
    """The settings of a throw-away database beside the test one: its URL and a cleanup."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return env, lambda: None
    name = f"{config['NAME']}_restore_{os.getpid()}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    auth = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")
    env["DATABASE_URL"] = f"postgres://{auth}@{config['HOST']}:{config['PORT'] or 5432}/{name}"

    def drop():
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return env, drop


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


DIGEST_SCRIPT = (
    "import json, django; django.setup(); from django.db import connection; "
    "from tests.common.test_backup_restore import table_digests; print(json.dumps(table_digests(connection)))"
)


def test_seed_data_with_edits_themes_and_history_round_trip_into_an_empty_database(seeded, tmp_path):
    edit_the_seed_data()
    backup_file = tmp_path / "scrutiny.backup"
    original = table_digests(connection)
    env, drop = other_database_env(tmp_path)
    try:
        out = io.StringIO()
        call_command("backup", str(backup_file), stdout=out)
        restored = manage(env, "restore", str(backup_file))
        assert restored.returncode == 0, restored.stderr
        digests = subprocess.run(
            [sys.executable, "-c", DIGEST_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert digests.returncode == 0, digests.stderr
        copy = json.loads(digests.stdout.strip().splitlines()[-1])
    finally:
        drop()

    assert copy == original
    # The history came through whole: the themes' links and the long reason, with who gave it.
    assert original["recommendations_historicalrecommendation_themes"][0] >= 3
    assert original["recommendations_historicaltheme"][0] == 3
    # Both commands print every table's rows, history tables included.
    counts = table_counts(connection)
    assert "  recommendations_historicalrecommendation" in out.getvalue()
    assert f"Backed up {sum(counts.values()):,} rows" in out.getvalue()
    line = next(
        line
        for line in restored.stdout.splitlines()
        if line.strip().startswith("recommendations_recommendation ")
    )
    assert line.split()[1:] == ["-", f"{counts['recommendations_recommendation']:,}"]


def test_restore_will_not_write_over_a_database_that_holds_data(seeded, tmp_path):
    backup_file = tmp_path / "scrutiny.backup"
    call_command("backup", str(backup_file), stdout=io.StringIO())
    Theme.objects.create(name="Added after the backup", slug="added-after-the-backup")
    before = table_digests(connection)

    with pytest.raises(CommandError, match="holds data .* add --force to replace everything"):
        call_command("restore", str(backup_file), stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("restore", str(backup_file), "--dry-run", stdout=io.StringIO())

    assert table_digests(connection) == before


def test_restore_with_force_puts_the_database_back_as_it_was_backed_up(seeded, tmp_path):
    backup_file = tmp_path / "scrutiny.backup"
    call_command("backup", str(backup_file), stdout=io.StringIO())
    at_backup = table_digests(connection)
    edit_the_seed_data()

    call_command("restore", str(backup_file), "--force", stdout=io.StringIO())

    assert table_digests(connection) == at_backup
    assert not Theme.objects.exists()


def test_backup_keeps_an_existing_file(db, tmp_path):
    existing = tmp_path / "yesterday.backup"
    existing.write_bytes(b"yesterday's backup")

    with pytest.raises(CommandError, match="already exists. Choose another name, or add --force"):
        call_command("backup", str(existing))

    assert existing.read_bytes() == b"yesterday's backup"


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "There is no file at"),
        (b"name,text\n1,That the Council\n", "is not a backup made by the backup command"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "SQLite"),
        (b"PGDMP" + b"\x00" * 200, "PostgreSQL"),
    ],
)
def test_restore_refuses_what_is_not_a_backup_of_this_database_in_plain_words(db, tmp_path, content, message):
    path = tmp_path / "not-a-backup"
    if content is not None:
        path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path), "--force")
