"""`agora backup DEST`: a consistent copy of the SQLite database taken while it is written."""

import sqlite3
import threading
import time

import pytest

from agora.backup import backup_sqlite
from agora.cli import main


def _database(path):
    """A WAL database (as the platform's) of a few megabytes."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE saves (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
    with connection:
        connection.executemany(
            "INSERT INTO saves (body) VALUES (?)", [("x" * 500,) for _ in range(10_000)]
        )
    connection.close()


def _count(path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM saves").fetchone()[0]
    finally:
        connection.close()


def test_backup_while_another_connection_writes(tmp_path):
    source, copy = tmp_path / "agora.sqlite3", tmp_path / "copie.sqlite3"
    _database(source)
    stop, written = threading.Event(), [0]

    def writer():
        connection = sqlite3.connect(source, timeout=10)
        while not stop.is_set():
            with connection:
                connection.execute("INSERT INTO saves (body) VALUES ('pendant')")
            written[0] += 1
        connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while written[0] < 20:  # the writer is busy before the copy starts…
            time.sleep(0.001)
        backup_sqlite(source, copy)
        before_end = written[0]
        while written[0] < before_end + 20:  # …and goes on after it
            time.sleep(0.001)
    finally:
        stop.set()
        thread.join()

    copied = _count(copy)
    assert 10_020 <= copied <= 10_000 + written[0]
    connection = sqlite3.connect(copy)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    assert _count(source) == 10_000 + written[0]
    assert not (tmp_path / "copie.sqlite3.partiel").exists()


def test_backup_command_writes_the_copy(tmp_path, monkeypatch, capsys):
    source = tmp_path / "agora.sqlite3"
    _database(source)
    monkeypatch.setenv("AGORA_DATABASE_URL", f"sqlite:///{source}")
    main(["backup", str(tmp_path / "sauvegarde.sqlite3")])
    assert "Sauvegarde écrite" in capsys.readouterr().out
    assert _count(tmp_path / "sauvegarde.sqlite3") == 10_000


@pytest.mark.parametrize(
    ("url", "destination", "message"),
    [
        ("sqlite:///{tmp}/agora.sqlite3", "{tmp}/agora.sqlite3", "existe déjà"),
        ("sqlite:///{tmp}/agora.sqlite3", "{tmp}/absent/copie.sqlite3", "n'existe pas"),
        ("sqlite:///{tmp}/autre.sqlite3", "{tmp}/copie.sqlite3", "introuvable"),
        ("postgresql+psycopg://agora@localhost/agora", "{tmp}/copie.sqlite3", "pg_dump"),
    ],
)
def test_bad_backup_is_one_french_line_and_exit_2(
    tmp_path, monkeypatch, capsys, url, destination, message
):
    _database(tmp_path / "agora.sqlite3")
    monkeypatch.setenv("AGORA_DATABASE_URL", url.format(tmp=tmp_path))
    with pytest.raises(SystemExit) as done:
        main(["backup", destination.format(tmp=tmp_path)])
    assert done.value.code == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1
    assert not (tmp_path / "copie.sqlite3").exists()
