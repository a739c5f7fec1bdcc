"""Generate `schemas/` (JSON Schemas) from the plugin models; `--check` fails with a diff.

`schemas/job.schema.json` covers a whole job.json and refers to
`schemas/plugins/<kind>/<Name>.schema.json`, one per plugin of the newest catalog version.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "schemas"


def dump(schema: dict[str, object]) -> str:
    """Stable JSON text for a schema file."""
    return json.dumps(schema, indent=1, ensure_ascii=False) + "\n"


def render() -> dict[Path, str]:
    """Every schema file, by path."""
    sys.path.insert(0, str(ROOT))
    from stconfig.catalog import plugin_names
    from stconfig.catalog.jsonschema import job_schema, plugin_schema

    files = {OUT_DIR / "job.schema.json": dump(job_schema())}
    for kind, name in plugin_names():
        path = OUT_DIR / "plugins" / kind / f"{name}.schema.json"
        files[path] = dump(plugin_schema(kind, name))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from codegen import apply

    return apply(render(), [OUT_DIR], check=args.check, command="python scripts/gen_schemas.py")


if __name__ == "__main__":
    raise SystemExit(main())
