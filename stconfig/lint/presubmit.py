"""The linter as a pre-submit check for `stconfig submit` / `stconfig restore`.

`stconfig.cli.submitting.PRE_SUBMIT_CHECK` takes a callable `(job, path, target) -> bool`;
this one prints the findings to stderr and refuses the job when an error-severity finding is
left. Restore settings in `env` (ST6xx) are skipped, because the submit command turns the
cookbook's keys into a real restore itself, and so are the rules that judge `--var` values
(ST702, ST704, ST706), because the job was read with the command's variables already.

The version checked is the server's (from `/overview`), not a guess: `choose_target` maps it
to the versions the rules know and says which one it used.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stconfig.lint.diagnostic import Severity
from stconfig.lint.engine import lint_job
from stconfig.lint.settings import LintSettings
from stconfig.lint.versions import inferred_version
from stconfig.versions import FEATURES, RELEASES, Version, has

if TYPE_CHECKING:
    from stconfig.model.job import Job

HANDLED_BY_SUBMIT = ("ST6", "ST702", "ST704", "ST706")


def pre_submit_check(
    job: Job, path: str, *, target_version: str | None = None, about: str | None = None
) -> bool:
    """Lint `job` (read from `path`); print findings; False when an error is left.

    `target_version` is the version `choose_target` picked for the server, when known, and
    `about` its note, printed under the findings so they say which version they are for.
    """
    from stconfig.report.concise import render

    version = target_version or inferred_version(job)
    found = lint_job(job, LintSettings(ignore=HANDLED_BY_SUBMIT, target_version=version))
    if found:
        sys.stderr.write(render(found))
        sys.stderr.write(f"note: {about or f'linted for SeaTunnel {version}'}\n")
    return not any(d.severity is Severity.ERROR for d in found)


@dataclass(frozen=True, slots=True)
class LintTarget:
    """The version to lint for (None: inferred from each job), the note that says which and
    why (printed with any findings), and a warning when a configured target disagrees."""

    version: str | None
    note: str
    warning: str | None = None


def _known_at_or_before(server: Version) -> str:
    """The newest version the rules know that is not newer than the server's (a pre-release
    counts as older than its release), or the oldest known for an older server."""
    usable = [text for text in RELEASES if Version.parse(text) <= server]
    return usable[-1] if usable else RELEASES[0]


def choose_target(
    server_version: str | None, configured: str | None, configured_from: str = "--target-version"
) -> LintTarget:
    """The server's version wins over a configured target; a mismatch is a warning."""
    server = None
    if server_version is not None:
        try:
            server = Version.parse(server_version)
        except ValueError:
            server = None
    if server is None:
        unread = (
            "the server did not say its version"
            if server_version is None
            else f"the server's version {server_version!r} is not one stconfig can read"
        )
        if configured is not None:
            return LintTarget(
                configured, f"{unread}: linting for SeaTunnel {configured} ({configured_from})"
            )
        return LintTarget(None, f"{unread}: linting for the version each job's keys suggest")
    chosen = _known_at_or_before(server)
    if Version.parse(chosen) == server:
        note = f"linting for SeaTunnel {chosen}, the server's version"
    else:
        note = (
            f"linting for SeaTunnel {chosen}: the server runs {server}, and {chosen} is the "
            "nearest version the rules know that is not newer"
        )
    warning = None
    if configured is not None:
        try:
            differs = Version.parse(configured) != server
        except ValueError:
            differs = True
        if differs:
            warning = (
                f"{configured_from} {configured} differs from the server's version {server}; "
                "checking for the server's"
            )
    return LintTarget(chosen, note, warning)


def table_key_warning(job: Job, server_version: str | None) -> str | None:
    """Why a server older than the `plugin_output` / `plugin_input` keys will refuse the job."""
    from stconfig.model.graph import NEW_KEYS

    if server_version is None:
        return None
    try:
        server = Version.parse(server_version)
    except ValueError:
        return None
    if has(server, "plugin_output_keys"):
        return None
    used = sorted({key for plugin in job.plugins for key in plugin.node if key in NEW_KEYS})
    if not used:
        return None
    return (
        f"the server runs SeaTunnel {server}, which does not read {' / '.join(used)} (they came "
        f'in {FEATURES["plugin_output_keys"].since}): it refuses the job with "is not '
        "configured with 'result_table_name' option\"; name the tables with result_table_name "
        "/ source_table_name"
    )


__all__ = [
    "HANDLED_BY_SUBMIT",
    "LintTarget",
    "choose_target",
    "pre_submit_check",
    "table_key_warning",
]
