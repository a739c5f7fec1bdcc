"""`submit` and `restore` take their shared options from one decorator, so they cannot drift."""

from __future__ import annotations

import click

from stconfig.cli.restore import restore
from stconfig.cli.submit import submit
from stconfig.cli.submitting import sending_options


def options(command: click.Command) -> dict[str, click.Option]:
    return {
        param.name: param
        for param in command.params
        if isinstance(param, click.Option) and param.name is not None
    }


def test_the_decorator_gives_every_shared_option_in_order() -> None:
    @click.command()
    @sending_options(wait_help="Wait for it.")
    def command(**_: object) -> None:
        """An example."""

    names = [param.name for param in command.params]
    assert names[:4] == ["fmt", "wait", "no_lint", "target_version"]
    assert {"poll_interval", "wait_timeout"} == set(names[4:6])
    assert {"variables", "output", "master", "user", "password", "timeout"} <= set(names)
    assert options(command)["wait"].help == "Wait for it."


def test_submit_and_restore_share_the_same_options() -> None:
    shared = set(options(submit)) & set(options(restore))
    assert set(options(submit)) - shared == {"job_id", "rate"}
    assert set(options(restore)) == shared
    for name in shared - {"wait", "name"}:
        assert options(submit)[name].to_info_dict() == options(restore)[name].to_info_dict(), name
    assert "STREAMING jobs run" in str(options(submit)["wait"].help)
    assert "runs again" in str(options(restore)["wait"].help)
