"""`record` classes behave as the `@dataclass(slots=True, frozen=...)` they replace."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stconfig._records import record


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
    notes: list[str] = field(default_factory=list, compare=False, repr=False)


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
