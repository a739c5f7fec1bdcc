"""placeholder"""

from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent.parent / "schemas"


def render() -> dict[Path, str]:
    return {}
