"""`[tool.stconfig.format]`: defaults, lookup, and every bad value named with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from stconfig.format.options import FormatOptions
from stconfig.format.settings import SettingsError, load_format_options


def write(folder: Path, text: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_table(tmp_path: Path) -> None:
    assert load_format_options(start=tmp_path) == FormatOptions(2, "=", "needed")
    write(tmp_path, "[tool.stconfig]\nselect = []\n")
    assert load_format_options(start=tmp_path) == FormatOptions()


def test_nearest_pyproject_with_stconfig_above_the_folder(tmp_path: Path) -> None:
    write(tmp_path, '[tool.stconfig.format]\nindent = 4\nkey-quotes = "always"\n')
    inner = tmp_path / "jobs" / "daily"
    inner.mkdir(parents=True)
    (tmp_path / "jobs" / "pyproject.toml").write_text("[project]\nname='x'\n")
    assert load_format_options(start=inner) == FormatOptions(4, "=", "always")


def test_dotted_keys_in_the_stconfig_table(tmp_path: Path) -> None:
    path = write(tmp_path, '[tool.stconfig]\nformat.separator = ":"\nformat.indnet = 3\n')
    with pytest.raises(SettingsError) as caught:
        load_format_options(path)
    assert str(caught.value) == (
        f"{path}:3:1: unknown key 'indnet' in [tool.stconfig.format] (did you mean 'indent'?)"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('indent = "2"', "4:1: [tool.stconfig.format] indent must be an integer from 1 to 8"),
        ("indent = 9", "4:1: [tool.stconfig.format] indent must be an integer from 1 to 8"),
        ("  separator = '-'", "4:3: [tool.stconfig.format] separator must be '=' or ':'"),
        ('"key-quotes" = "x"', "4:1: [tool.stconfig.format] key-quotes must be one of"),
        ("colour = true", "4:1: unknown key 'colour' in [tool.stconfig.format] (known: indent,"),
        (
            "key_quotes = 'always'",
            "4:1: unknown key 'key_quotes' in [tool.stconfig.format] (did you mean 'key-quotes'?)",
        ),
    ],
)
def test_bad_values(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, f"[project]\nname = 'x'\n[tool.stconfig.format]\n{body}\n")
    with pytest.raises(SettingsError) as caught:
        load_format_options(path)
    assert str(caught.value).startswith(f"{path}:{message}")


def test_not_a_table_and_not_toml(tmp_path: Path) -> None:
    path = write(tmp_path, "[tool.stconfig]\nformat = 3\n")
    with pytest.raises(SettingsError, match=r":2:1: \[tool.stconfig.format\] must be a table"):
        load_format_options(path)
    path = write(tmp_path, "[tool.stconfig\n")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_format_options(path)
