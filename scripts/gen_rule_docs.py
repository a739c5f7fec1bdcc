"""Write docs/rules.md from the rule docstrings; `--check` fails with a diff when it is stale."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "rules.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from stconfig._files import write_atomic
    from stconfig.lint.docs import rules_markdown

    text = rules_markdown()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if args.check:
        if current == text:
            return 0
        sys.stdout.writelines(
            difflib.unified_diff(
                current.splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=str(TARGET.relative_to(ROOT)),
                tofile="generated",
            )
        )
        print("docs/rules.md is stale: run python scripts/gen_rule_docs.py", file=sys.stderr)
        return 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(TARGET, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
