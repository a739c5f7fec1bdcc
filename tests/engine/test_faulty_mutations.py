"""The generator's value mutations (no engine needed): well-typed values the engine refuses."""

from __future__ import annotations

import random

from stconfig.catalog.registry import plugin_spec
from tests.engine.faulty_jobs import Base, mutations


def labels(kind: str, name: str, block: dict[str, object]) -> dict[str, dict[str, object]]:
    job = {"env": {"job.mode": "BATCH"}, kind: [{"plugin_name": name, **block}]}
    base = Base("job.conf", job, kind, 0)
    spec = plugin_spec(kind, name, version="2.3.8")
    return dict(mutations(base, spec, random.Random(1)))


def test_file_sink_compress_codec_outside_the_choice_of_its_format() -> None:
    found = labels("sink", "LocalFile", {"path": "/o", "file_format_type": "orc"})
    assert found["choice compress_codec='zstd'"]["compress_codec"] == "zstd"  # parquet only


def test_jdbc_maxcompute_and_http_refusals() -> None:
    jdbc = labels("source", "Jdbc", {"url": "jdbc:mysql://db:3306/a", "query": "select 1"})
    assert jdbc["dialect url=jdbc:opengauss:"]["url"] == "jdbc:opengauss://db:3306/a"
    maxcompute = labels("source", "Maxcompute", {"endpoint": "http://odps/api"})
    assert maxcompute["endpoint without scheme"]["endpoint"] == "odps/api"
    http = labels("source", "Http", {"url": "http://a", "schema": {"fields": {"id": "int"}}})
    assert http["format=text with schema"]["format"] == "text"


def test_fraction_for_an_integer_option() -> None:
    found = labels("source", "FakeSource", {"row.num": 5})
    assert found["int row.num=2.5"]["row.num"] == 2.5
