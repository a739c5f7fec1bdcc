"""Rule metadata: well-formed codes and names, documented, in sync with docs/rules.md."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from stconfig.lint import rules
from stconfig.lint.docs import missing_sections, rules_markdown
from stconfig.lint.registry import CODE_PATTERN, FAMILIES, all_rules, selected
from tests.conftest import REPOSITORY

RULES = all_rules()


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_metadata(code: str) -> None:
    rule = RULES[code]
    assert CODE_PATTERN.match(code)
    assert code[:3] in FAMILIES
    assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", rule.name)
    module = type(rule).__module__.rsplit(".", 1)[-1]
    assert module == f"{code.lower()}_{rule.name.replace('-', '_')}"
    assert missing_sections(rule) == []
    assert rule.summary and not rule.summary.endswith(".")


def test_the_module_list_names_every_rule_file_in_code_order() -> None:
    folder = REPOSITORY / "stconfig" / "lint" / "rules"
    files = sorted(path.stem for path in folder.glob("*.py") if path.name != "__init__.py")
    assert all(re.fullmatch(r"st\d{3}_[a-z0-9_]+", name) for name in files)
    assert list(rules.MODULES) == files
    assert [type(rule).__module__.rsplit(".", 1)[-1] for rule in RULES.values()] == files


def test_names_are_unique() -> None:
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


def test_selection_prefers_the_more_specific_selector() -> None:
    codes = {rule.code for rule in selected(["ST2"], ["ST20"])}
    assert "ST210" in codes and "ST201" not in codes
    codes = {rule.code for rule in selected(["ST201"], ["ST2"])}
    assert codes == {"ST201"}
    assert {rule.code for rule in selected([], ["ALL"])} == set()


def test_docs_rules_md_is_generated_and_current() -> None:
    current = (REPOSITORY / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(), "run: python scripts/gen_rule_docs.py"
    result = subprocess.run(
        [sys.executable, "scripts/gen_rule_docs.py", "--check"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
