"""`[tool.stconfig]` in pyproject.toml: the project's lint defaults, overridden by flags."""

from __future__ import annotations

from pathlib import Path

from stconfig._pyproject import ConfigError, check_keys, find_stconfig_table, invalid_toml
from stconfig._records import field, record
from stconfig.versions import known


@record(frozen=True)
class ProjectConfig:
    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    target_version: str | None = None
    variables: dict[str, str] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def root(self) -> str | None:
        return str(self.path.parent) if self.path is not None else None


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` that has a `[tool.stconfig]` table."""
    found = find_stconfig_table(start)
    return found[0] if found is not None else None


def _codes(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of rule codes")
    return tuple(value)


def load_config(path: Path) -> ProjectConfig:
    """Read `[tool.stconfig]`; ConfigError names the bad key."""
    import tomllib  # only for a project that has settings

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise invalid_toml(path, error) from None
    table = data.get("tool", {}).get("stconfig", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.stconfig] must be a table")
    check_keys(path, text, table)
    prefix = f"{path}: [tool.stconfig]"
    target = table.get("target-version")
    if target is not None and not isinstance(target, str):
        raise ConfigError(f'{prefix} target-version must be a string such as "2.3.8"')
    if target is not None:
        try:
            target = known(target)
        except ValueError as error:
            raise ConfigError(f"{prefix} target-version: {error}") from None
    variables = table.get("variables", {})
    if not isinstance(variables, dict) or not all(
        isinstance(v, str | int | float | bool) for v in variables.values()
    ):
        raise ConfigError(f"{prefix} variables must be a table of strings")
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{prefix} per-file-ignores must be a table of glob = [codes]")
    return ProjectConfig(
        path=path,
        select=_codes(table.get("select", []), f"{prefix} select"),
        ignore=_codes(table.get("ignore", []), f"{prefix} ignore"),
        target_version=target,
        variables={str(k): str(v) for k, v in variables.items()},
        per_file_ignores=tuple(
            (str(glob), _codes(codes, f"{prefix} per-file-ignores.{glob}"))
            for glob, codes in per_file.items()
        ),
    )


__all__ = ["ConfigError", "ProjectConfig", "find_pyproject", "load_config"]
