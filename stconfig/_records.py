"""`record`: a dataclass whose methods are shared functions instead of code compiled per class.

`@dataclass` writes each class's `__init__`, `__repr__`, `__eq__` and, when frozen,
`__hash__`, `__setattr__` and `__delattr__` as source text and compiles it at import: about
3.6 million instructions for a frozen class (1.9 for a plain one), which over the ~60 classes a
`stconfig lint` imports was the largest single cost of a cold run (bench/cold.py). `record`
asks `dataclass` for the fields and slots only, then attaches generic methods that read the
field list, about 0.4 million instructions per class.

The result is still a dataclass (`dataclasses.fields`, `replace`, `asdict`, `is_dataclass` and
pattern matching work) with the same `__init__` signature, repr, equality, hash and frozenness.
The generic `__init__` costs a few microseconds more per call, so use `record` for classes
built hundreds or thousands of times per run, not for syntax-tree nodes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


class _Layout:
    """What the generic methods need to know about one record class, computed once."""

    __slots__ = ("compared", "frozen", "hashed", "init", "later", "post_init", "shown")

    def __init__(self, cls: type, frozen: bool) -> None:
        every = fields(cls)
        if any(f.kw_only for f in every):
            raise TypeError(f"{cls.__qualname__}: record has no keyword-only fields")
        self.init = tuple((f.name, f.default, f.default_factory) for f in every if f.init)
        self.later = tuple((f.name, f.default, f.default_factory) for f in every if not f.init)
        self.compared = tuple(f.name for f in every if f.compare)
        self.hashed = tuple(f.name for f in every if (f.compare if f.hash is None else f.hash))
        self.shown = tuple(f.name for f in every if f.repr)
        self.frozen = frozen
        self.post_init = getattr(cls, "__post_init__", None)


def _value(default: Any, factory: Any) -> Any:
    return factory() if default is MISSING else default


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    layout: _Layout = self.__record_layout__
    name = type(self).__qualname__
    if len(args) > len(layout.init):
        raise TypeError(
            f"{name}.__init__() takes {len(layout.init) + 1} positional arguments but "
            f"{len(args) + 1} were given"
        )
    assign = object.__setattr__
    for index, (field_name, default, factory) in enumerate(layout.init):
        if index < len(args):
            if field_name in kwargs:
                raise TypeError(f"{name}.__init__() got multiple values for {field_name!r}")
            assign(self, field_name, args[index])
        elif field_name in kwargs:
            assign(self, field_name, kwargs.pop(field_name))
        elif default is MISSING and factory is MISSING:
            raise TypeError(f"{name}.__init__() missing required argument: {field_name!r}")
        else:
            assign(self, field_name, _value(default, factory))
    if kwargs:
        raise TypeError(
            f"{name}.__init__() got an unexpected keyword argument {next(iter(kwargs))!r}"
        )
    for field_name, default, factory in layout.later:
        if default is not MISSING or factory is not MISSING:
            assign(self, field_name, _value(default, factory))
    if layout.post_init is not None:
        layout.post_init(self)


def _compiled_init(layout: _Layout) -> Callable[..., None]:
    """An `__init__` written for one class's fields and compiled once, as `dataclass` writes
    it: for classes built by the hundred thousand (syntax trees), where the generic one is
    too slow. It costs one compile instead of dataclass's four to six."""
    namespace: dict[str, Any] = {"_record_set_": object.__setattr__, "_record_missing_": MISSING}

    def assign(name: str, value: str) -> str:
        # A frozen class refuses `self.x = ...`, so it goes through object.__setattr__.
        if layout.frozen:
            return f"_record_set_(self, {name!r}, {value})"
        return f"self.{name} = {value}"

    parameters, body = [], []
    for index, (name, default, factory) in enumerate(layout.init):
        if default is not MISSING:
            namespace[f"_record_default_{index}"] = default
            parameters.append(f"{name}=_record_default_{index}")
            body.append(assign(name, name))
        elif factory is not MISSING:
            namespace[f"_record_factory_{index}"] = factory
            parameters.append(f"{name}=_record_missing_")
            body.append(
                assign(name, f"_record_factory_{index}() if {name} is _record_missing_ else {name}")
            )
        else:
            parameters.append(name)
            body.append(assign(name, name))
    for index, (name, default, factory) in enumerate(layout.later):
        if default is not MISSING:
            namespace[f"_record_later_{index}"] = default
            body.append(assign(name, f"_record_later_{index}"))
        elif factory is not MISSING:
            namespace[f"_record_later_factory_{index}"] = factory
            body.append(assign(name, f"_record_later_factory_{index}()"))
    if layout.post_init is not None:
        namespace["_record_post_init_"] = layout.post_init
        body.append("_record_post_init_(self)")
    lines = "\n    ".join(body or ["pass"])
    exec(f"def __init__(self, {', '.join(parameters)}):\n    {lines}", namespace)
    init: Callable[..., None] = namespace["__init__"]
    return init


def _repr(self: Any) -> str:
    layout: _Layout = self.__record_layout__
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in layout.shown)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: object) -> object:
    names: tuple[str, ...] = self.__record_layout__.compared
    if other.__class__ is not self.__class__:
        return NotImplemented
    mine = tuple(getattr(self, name) for name in names)
    return mine == tuple(getattr(other, name) for name in names)


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, name) for name in self.__record_layout__.hashed))


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, f.name) for f in fields(self)]


def _setstate(self: Any, state: list[Any]) -> None:
    for f, value in zip(fields(self), state, strict=True):
        object.__setattr__(self, f.name, value)


@dataclass_transform(eq_default=True, frozen_default=False)
def record(
    *, frozen: bool = False, eq: bool = True, compiled_init: bool = False
) -> Callable[[type[T]], type[T]]:
    """`@dataclass(slots=True, frozen=frozen, eq=eq)` with shared methods (see the module's doc).

    A class that writes its own `__init__`, `__repr__`, `__eq__` or `__hash__` keeps it.
    `compiled_init` compiles an `__init__` for the class, for classes built in bulk.
    """

    def wrap(cls: type[T]) -> type[T]:
        own = set(vars(cls))
        made: Any = dataclass(init=False, repr=False, eq=False, slots=True)(cls)
        layout = made.__record_layout__ = _Layout(made, frozen)
        init = _compiled_init(layout) if compiled_init else _init
        for name, method in (("__init__", init), ("__repr__", _repr)):
            if name not in own:
                setattr(made, name, method)
        if eq and "__eq__" not in own:
            made.__eq__ = _eq
        if eq and "__hash__" not in own:
            made.__hash__ = _hash if frozen else None
        if frozen:
            made.__setattr__ = _frozen_setattr
            made.__delattr__ = _frozen_delattr
            made.__getstate__ = _getstate
            made.__setstate__ = _setstate
        result: type[T] = made
        return result

    return wrap


__all__ = ["record"]
