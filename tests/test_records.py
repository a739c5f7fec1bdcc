"""`record` classes behave as the `@dataclass(slots=True, frozen=...)` they replace."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import re
import subprocess
import sys
from dataclasses import dataclass
from typing import Any, ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stconfig._records import field, record, replace


@record(frozen=True)
class Point:
    """A frozen record with a default, a factory and a field left out of repr and equality."""

    x: int
    y: str = "y"
    tags: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list, compare=False, repr=False)


@record(frozen=True, compiled_init=True)
class FastPoint:
    """The same record with a compiled `__init__`."""

    x: int
    y: str = "y"
    tags: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list, compare=False, repr=False)


POINTS = pytest.mark.parametrize("kind", [Point, FastPoint])


@dataclass(frozen=True, slots=True)
class DataPoint:
    """The same class, as a dataclass."""

    x: int
    y: str = "y"
    tags: tuple[str, ...] = ()
    notes: list[str] = dataclasses.field(default_factory=list, compare=False, repr=False)


@record()
class Counter:
    """A mutable record whose `__post_init__` derives a field."""

    start: int
    doubled: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.doubled = self.start * 2


@POINTS
def test_init_takes_positions_keywords_defaults_and_factories(kind: type[Point]) -> None:
    point = kind(1, tags=("a",))
    assert (point.x, point.y, point.tags, point.notes) == (1, "y", ("a",), [])
    assert kind(1).notes is not kind(1).notes
    with pytest.raises(TypeError, match=r"missing .*'x'"):
        kind()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'z'"):
        kind(1, z=2)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values"):
        kind(1, x=2)  # type: ignore[misc]
    with pytest.raises(TypeError, match="positional arguments"):
        kind(1, "a", (), [], 5)  # type: ignore[call-arg]


@POINTS
def test_frozen_refuses_changes_and_mutable_runs_post_init(kind: type[Point]) -> None:
    point = kind(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.x
    counter, fast = Counter(3), FastCounter(3)
    assert counter.doubled == fast.doubled == 6
    counter.start = 4
    assert counter.start == 4
    with pytest.raises(TypeError):
        hash(counter)


@POINTS
def test_dataclass_helpers_copy_and_pickle_work(kind: type[Point]) -> None:
    point = kind(1, "b", ("t",), ["n"])
    assert dataclasses.is_dataclass(point)
    assert [f.name for f in dataclasses.fields(point)] == ["x", "y", "tags", "notes"]
    assert dataclasses.replace(point, y="c") == kind(1, "c", ("t",))
    assert dataclasses.asdict(point) == {"x": 1, "y": "b", "tags": ("t",), "notes": ["n"]}
    for twin in (copy.copy(point), copy.deepcopy(point), pickle.loads(pickle.dumps(point))):
        assert twin == point and twin.notes == ["n"]
    match point:
        case Point(1, "b") | FastPoint(1, "b"):
            pass
        case _:
            pytest.fail("match_args differ")


WORDS = st.text(max_size=3)


@given(x=st.integers(), y=WORDS, tags=st.lists(WORDS, max_size=3), other=st.integers())
def test_repr_equality_and_hash_match_the_dataclass(
    x: int, y: str, tags: list[str], other: int
) -> None:
    mine, theirs = Point(x, y, tuple(tags), ["n"]), DataPoint(x, y, tuple(tags), ["n"])
    assert repr(mine).removeprefix("Point") == repr(theirs).removeprefix("DataPoint")
    assert hash(mine) == hash(theirs)
    assert (mine == Point(other, y, tuple(tags))) == (theirs == DataPoint(other, y, tuple(tags)))
    assert mine.__eq__(theirs) is NotImplemented
    fast = FastPoint(x, y, tuple(tags), ["n"])
    assert repr(fast).removeprefix("FastPoint") == repr(theirs).removeprefix("DataPoint")
    assert hash(fast) == hash(theirs)


@record(eq=False)
class Mark:
    """A record compared by identity, as `@dataclass(eq=False)`."""

    name: str


@record(compiled_init=True)
class FastCounter:
    """Counter with a compiled `__init__`."""

    start: int
    doubled: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.doubled = self.start * 2


def test_eq_false_keeps_identity_equality_and_hash() -> None:
    first, second = Mark("a"), Mark("a")
    assert first != second and first == first
    assert len({first, second}) == 2


def test_class_vars_are_not_fields_and_bad_layouts_are_refused() -> None:
    @record(frozen=True)
    class WithClassVar:
        """A class constant beside a field."""

        limit: ClassVar[int] = 3
        name: str = "n"

    assert [f.name for f in dataclasses.fields(WithClassVar)] == ["name"]
    assert WithClassVar.limit == 3 and WithClassVar().name == "n"
    with pytest.raises(ValueError, match="mutable default"):

        @record()
        class MutableDefault:
            items: list[str] = []  # noqa: RUF012

    with pytest.raises(TypeError, match="non-default argument 'b'"):

        @record()
        class Misordered:
            a: int = 1
            b: int  # type: ignore[misc]

    with pytest.raises(TypeError, match="does not inherit"):

        @record()
        class Child(Point):  # type: ignore[misc]
            z: int = 0


def test_the_record_is_built_once_with_slots() -> None:
    assert vars(Point)["__slots__"] == ("x", "y", "tags", "notes")
    assert not hasattr(Point(1), "__dict__")
    assert Point.__qualname__ == "Point" and Point.__module__ == __name__


@record(frozen=True)
class Weighed:
    """A field left out of the hash only, and one left out of `__init__` with a default."""

    name: str
    weight: int = field(default=0, hash=False)
    seen: bool = field(default=False, init=False, repr=False)


@dataclass(frozen=True, slots=True)
class DataWeighed:
    """The same class, as a dataclass."""

    name: str
    weight: int = dataclasses.field(default=0, hash=False)
    seen: bool = dataclasses.field(default=False, init=False, repr=False)


FIELD_ATTRIBUTES = (
    "name",
    "type",
    "default",
    "default_factory",
    "init",
    "repr",
    "hash",
    "compare",
    "metadata",
    "kw_only",
    "_field_type",
)


@pytest.mark.parametrize(("mine", "theirs"), [(Point, DataPoint), (Weighed, DataWeighed)])
def test_the_lazy_fields_are_the_ones_dataclass_makes(mine: type, theirs: type) -> None:
    made = dataclasses.fields(mine)
    for ours, reference in zip(made, dataclasses.fields(theirs), strict=True):
        for attribute in FIELD_ATTRIBUTES:
            assert getattr(ours, attribute) == getattr(reference, attribute), attribute
    assert vars(mine)["__dataclass_fields__"] == {f.name: f for f in made}  # made once
    assert dataclasses.fields(mine) == made


def test_field_options_give_the_dataclass_hash_repr_and_init() -> None:
    mine, theirs = Weighed("a", 2), DataWeighed("a", 2)
    assert hash(mine) == hash(theirs) == hash(Weighed("a", 3))
    assert mine != Weighed("a", 3)
    assert repr(mine).removeprefix("Weighed") == repr(theirs).removeprefix("DataWeighed")
    assert mine.seen is False
    with pytest.raises(ValueError, match="both default and default_factory"):
        field(default=0, default_factory=int)  # type: ignore[call-overload]


def test_a_dataclasses_field_in_a_record_is_refused() -> None:
    with pytest.raises(TypeError, match=re.escape("use stconfig._records.field")):

        @record()
        class Mixed:
            items: list[str] = dataclasses.field(default_factory=list)


@pytest.mark.parametrize(
    ("before", "changes"),
    [
        (Point(1, "b", ("t",), ["n"]), {"y": "c"}),
        (FastPoint(1, "b", ("t",), ["n"]), {"x": 2, "notes": []}),
        (Counter(3), {"start": 5}),
        (FastCounter(3), {}),
        (Weighed("a", 2), {"weight": 4}),
        (DataPoint(1), {"tags": ("u",)}),
    ],
)
def test_replace_is_dataclasses_replace(before: Any, changes: dict[str, object]) -> None:
    after, expected = replace(before, **changes), dataclasses.replace(before, **changes)
    assert type(after) is type(before) and after is not before
    every = [f.name for f in dataclasses.fields(before)]
    assert [getattr(after, name) for name in every] == [getattr(expected, name) for name in every]


def test_replace_remakes_and_refuses_what_init_does_not_take() -> None:
    assert replace(Counter(3), start=5).doubled == 10
    message = "field doubled is declared with init=False, it cannot be specified with replace()"
    with pytest.raises(ValueError) as theirs:
        dataclasses.replace(Counter(3), doubled=1)
    assert str(theirs.value) == message
    with pytest.raises(ValueError, match=re.escape(message)):
        replace(Counter(3), doubled=1)
    with pytest.raises(TypeError, match="unexpected keyword argument 'z'"):
        replace(Point(1), z=2)


def test_records_are_made_without_importing_dataclasses_or_inspect() -> None:
    """A cold `stconfig lint` must not pay for dataclasses (and the inspect it imports)."""
    script = """
import sys
from stconfig._records import field, record, replace

@record(frozen=True)
class Pair:
    left: int
    right: list[int] = field(default_factory=list, compare=False)

pair = replace(Pair(1), left=2)
assert (pair.left, pair.right, hash(pair) == hash(Pair(2, [3]))) == (2, [], True)
print(sorted({"dataclasses", "inspect"} & set(sys.modules)))
import dataclasses
print(dataclasses.is_dataclass(pair), [f.name for f in dataclasses.fields(pair)])
try:
    pair.left = 3
except dataclasses.FrozenInstanceError:
    print("frozen")
"""
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert ran.stdout.splitlines() == ["[]", "True ['left', 'right']", "frozen"]
