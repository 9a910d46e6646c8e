"""`agora generate --option NOM=VALEUR`: the options a mission may choose, from the command line."""

from __future__ import annotations

import json

import pytest
from tests.exercise.stub_kinds import STOCKS

from agora.exercise.registry import KINDS


@pytest.fixture
def stocks_kind(monkeypatch):
    """The test kind with an option, registered as a real kind would be."""
    monkeypatch.setitem(KINDS, STOCKS.NAME, STOCKS)
    return STOCKS.NAME


def test_an_option_chosen_on_the_command_line_reaches_the_variant(run_cli, stocks_kind):
    run = run_cli(["generate", stocks_kind, "--seed", "3", "--option", "methode=fifo"])
    assert run.code == 0, run.err
    assert json.loads(run.out)["options"] == {"methode": "fifo"}


def test_without_an_option_the_variant_has_the_default(run_cli, stocks_kind):
    run = run_cli(["generate", stocks_kind, "--seed", "3"])
    assert json.loads(run.out)["options"] == {"methode": "cmup"}


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("methode", "NOM=VALEUR"),
        ("=fifo", "NOM=VALEUR"),
        ("methode=lifo", "Valeur « lifo » impossible"),
        ("theme=mer", "Option inconnue"),
    ],
)
def test_a_bad_option_is_one_french_line_and_exit_2(run_cli, stocks_kind, option, message):
    run = run_cli(["generate", stocks_kind, "--seed", "3", "--option", option])
    assert run.code == 2 and run.out == ""
    assert message in run.err and run.err.count("\n") == 1


def test_the_same_option_twice_is_refused(run_cli, stocks_kind):
    argv = ["generate", stocks_kind, "--seed", "1", "--option", "methode=fifo"]
    run = run_cli([*argv, "--option", "methode=cmup"])
    assert run.code == 2 and "deux fois" in run.err
