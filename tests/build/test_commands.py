"""Commands other packages register (``brobygger search``, ``brobygger index``) join the CLI."""

from __future__ import annotations

from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner

import site_build.cli as cli


class FakeEntryPoint:
    def __init__(self, name: str, command: object = None, error: Exception | None = None) -> None:
        self.name, self.command, self.error = name, command, error

    def load(self) -> object:
        if self.error is not None:
            raise self.error
        return self.command


@pytest.fixture
def restore_commands() -> Iterator[None]:
    before = dict(cli.main.commands)
    yield
    cli.main.commands.clear()
    cli.main.commands.update(before)


@pytest.mark.usefixtures("restore_commands")
def test_a_registered_command_runs_and_a_broken_one_is_reported(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    @click.command()
    @click.argument("word")
    def hello(word: str) -> None:
        click.echo(f"hei {word}")

    monkeypatch.setattr(cli, "entry_points", lambda group: [
        FakeEntryPoint("hello", hello),
        FakeEntryPoint("broken", error=ImportError("No module named 'whoosh'")),
        FakeEntryPoint("check", hello)])  # never replaces one of the core's own commands
    cli._add_registered_commands()
    assert "the 'broken' command is unavailable (No module named 'whoosh')" in capsys.readouterr().err
    assert CliRunner().invoke(cli.main, ["hello", "verden"]).output == "hei verden\n"
    assert cli.main.commands["check"] is not hello
    assert "broken" not in cli.main.commands


def test_the_search_commands_are_installed() -> None:
    assert {"search", "index"} <= set(cli.main.commands)
