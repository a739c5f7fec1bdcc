"""The settings a document is linted with: the nearest `[tool.stconfig]`, then the client's.

Clients send theirs in `initializationOptions` and `workspace/didChangeConfiguration`,
either flat or under a `stconfig` key: `target-version`, `select`, `ignore`, `variables`,
`debounce` (milliseconds) and `rules-url`. A client value wins over the pyproject one, as a
flag does on the command line; `ignore` adds up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from stconfig.lint.config import ConfigError, ProjectConfig, find_pyproject, load_config
from stconfig.lint.registry import check_selectors
from stconfig.lint.settings import LintSettings
from stconfig.lint.versions import KNOWN_VERSIONS

DEFAULT_DEBOUNCE_MS = 10
"""Enough to merge the changes that arrive together (a paste, multi-cursor edits, a fast
burst): keystrokes further apart are linted one by one, which keeps findings within 50 ms
of typing on a 300-line job (about 15 ms of work). While a lint runs, the changes that
arrive queue up and only the last schedules the next lint."""


@dataclass(frozen=True, slots=True)
class ClientSettings:
    target_version: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    variables: dict[str, str] = field(default_factory=dict)
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    rules_url: str | None = None
    """Base of the rule links (`...#st301-unknown-option` is appended), for a team that
    publishes docs/rules.md."""


def _codes(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return ()
    return tuple(str(v).strip().upper() for v in value if str(v).strip())


SETTING_KEYS = frozenset(
    {"target-version", "targetVersion", "select", "ignore", "variables", "debounce"}
)


def concerns_us(raw: object) -> bool:
    """Whether a configuration message carries stconfig settings at all: clients also send
    `null`, `{}` or other servers' sections, which must not reset ours."""
    return isinstance(raw, dict) and ("stconfig" in raw or bool(SETTING_KEYS & raw.keys()))


def parse_client(raw: object) -> tuple[ClientSettings, list[str]]:
    """The client's settings and one message per value that was not usable (and dropped)."""
    problems: list[str] = []
    if isinstance(raw, dict) and isinstance(raw.get("stconfig"), dict):
        raw = raw["stconfig"]
    if not isinstance(raw, dict):
        return ClientSettings(), problems
    version = raw.get("target-version", raw.get("targetVersion"))
    if version is not None and (not isinstance(version, str) or version not in KNOWN_VERSIONS):
        problems.append(
            f"target-version {version!r} is not one of {', '.join(KNOWN_VERSIONS)}; ignored"
        )
        version = None
    select, ignore = _codes(raw.get("select")), _codes(raw.get("ignore"))
    unknown = check_selectors(select + ignore)
    if unknown:
        problems.append(f"unknown rule code or prefix: {', '.join(unknown)}; ignored")
        select = tuple(c for c in select if c not in unknown)
        ignore = tuple(c for c in ignore if c not in unknown)
    variables = raw.get("variables", {})
    if not isinstance(variables, dict):
        problems.append("variables must be an object of name: value; ignored")
        variables = {}
    debounce = raw.get("debounce", DEFAULT_DEBOUNCE_MS)
    if not isinstance(debounce, int | float) or isinstance(debounce, bool) or debounce < 0:
        problems.append(f"debounce must be a number of milliseconds, got {debounce!r}; ignored")
        debounce = DEFAULT_DEBOUNCE_MS
    rules_url = raw.get("rules-url")
    if rules_url is not None and not (isinstance(rules_url, str) and "://" in rules_url):
        problems.append(f"rules-url must be a URL such as https://host/rules.md, got {rules_url!r}")
        rules_url = None
    return (
        ClientSettings(
            version,
            select,
            ignore,
            {str(k): str(v) for k, v in variables.items()},
            int(debounce),
            rules_url,
        ),
        problems,
    )


class ProjectSettings:
    """`[tool.stconfig]` per folder, read once until `forget()` (a pyproject.toml changed)."""

    def __init__(self) -> None:
        self._found: dict[Path, ProjectConfig | None] = {}
        self.problems: list[str] = []

    def forget(self) -> None:
        self._found.clear()

    def config_for(self, folder: Path) -> ProjectConfig | None:
        if folder not in self._found:
            config = None
            try:
                found = find_pyproject(folder)
                if found is not None:
                    config = load_config(found)
            except ConfigError as error:
                self.problems.append(f"{error}; using the defaults")
            self._found[folder] = config
        return self._found[folder]

    def lint_settings(self, path: str, client: ClientSettings) -> LintSettings:
        """The same merge `stconfig lint` makes of pyproject values and flags."""
        config = self.config_for(Path(path).resolve().parent) if path else None
        select = client.select or (config.select if config else ())
        ignore = (config.ignore if config else ()) + client.ignore
        variables = {**(config.variables if config else {}), **client.variables}
        version, source = client.target_version, "the editor's targetVersion"
        if version is None and config is not None and config.target_version is not None:
            version, source = config.target_version, f"target-version in {config.path}"
        if version is not None and version not in KNOWN_VERSIONS:
            self.problems.append(
                f"target-version {version!r} in {config and config.path} is unknown"
            )
            version = None
        return LintSettings(
            select=select,
            ignore=ignore,
            target_version=version or "",
            variables=variables,
            per_file_ignores=config.per_file_ignores if config else (),
            root=config.root if config else None,
            version_source=source if version is not None else "default",
        )


__all__ = [
    "DEFAULT_DEBOUNCE_MS",
    "ClientSettings",
    "ProjectSettings",
    "concerns_us",
    "parse_client",
]
