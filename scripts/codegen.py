"""Run every catalog generator: models, then JSON Schemas. `--check` fails with a diff.

python scripts/codegen.py          # regenerate
python scripts/codegen.py --check  # CI: fail when regenerating would change anything
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def apply(files: dict[Path, str], roots: list[Path], *, check: bool, command: str) -> int:
    """Write `files` (and delete stale generated ones under `roots`), or compare them."""
    sys.path.insert(0, str(ROOT))
    from stconfig._files import write_atomic

    stale = [
        path
        for root in roots
        if root.exists()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.suffix in (".py", ".json") and path not in files
    ]
    changed = [
        path
        for path, text in sorted(files.items())
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    if check:
        for path in changed:
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            sys.stdout.writelines(
                difflib.unified_diff(
                    old.splitlines(keepends=True),
                    files[path].splitlines(keepends=True),
                    fromfile=str(path.relative_to(ROOT)),
                    tofile="generated",
                    n=1,
                )
            )
        for path in stale:
            print(f"stale generated file: {path.relative_to(ROOT)}")
        if changed or stale:
            print(f"generated files are out of date: run {command}", file=sys.stderr)
            return 1
        return 0
    for path in changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, files[path])
    for path in stale:
        path.unlink()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import gen_catalog
    import gen_schemas

    status = apply(
        gen_catalog.render(),
        [gen_catalog.OUT_DIR],
        check=args.check,
        command="python scripts/codegen.py",
    )
    if status == 0 and not args.check:
        sys.path.insert(0, str(ROOT))
        for name in [m for m in sys.modules if m.startswith("stconfig.catalog")]:
            del sys.modules[name]
    schema_status = apply(
        gen_schemas.render(),
        [gen_schemas.OUT_DIR],
        check=args.check,
        command="python scripts/codegen.py",
    )
    return status or schema_status


if __name__ == "__main__":
    raise SystemExit(main())
