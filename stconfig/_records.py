"""`record`: a dataclass built without `dataclasses.dataclass`, with shared methods.

`@dataclass` writes each class's `__init__`, `__repr__`, `__eq__` and, when frozen,
`__hash__`, `__setattr__` and `__delattr__` as source text and compiles it at import; with
`slots=True` it also inspects every annotation and builds the class a second time. Over the
~60 classes a `stconfig lint` imports that was about 18 ms of a cold run on the bench machine
(bench/cold.py). `record` reads the annotations itself, builds the slotted class once, and
attaches generic methods that read the field list.

The module does not import `dataclasses` either: that import pulls in `inspect` (and with it
`ast`, `dis`, `tokenize`), about 25M instructions of a 420M cold lint. Class bodies use this
module's `field` and hot paths its `replace`; `__dataclass_fields__` is a lazy attribute that
imports `dataclasses` and makes the real `Field` objects the first time anything reads it.

So the result is still a dataclass (`dataclasses.fields`, `replace`, `asdict`, `is_dataclass`
and pattern matching work) with the same `__init__` signature, repr, equality, hash and
frozenness. The generic `__init__` costs a few microseconds more per call, so use
`compiled_init` for classes built hundreds of thousands of times per run (syntax trees).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, dataclass_transform, get_origin, overload

if TYPE_CHECKING:
    from dataclasses import Field

T = TypeVar("T")


class _Missing:
    """The "no default" sentinel, as `dataclasses.MISSING` (which would import dataclasses)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class RecordField:
    """What `field(...)` says about one field; `record` fills in its name and type."""

    __slots__ = ("compare", "default", "default_factory", "hash", "init", "name", "repr", "type")

    def __init__(
        self,
        default: Any,
        default_factory: Any,
        init: bool,
        repr: bool,
        hash: bool | None,
        compare: bool,
    ) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name = ""
        self.type: Any = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare

    def as_dataclass_field(self) -> Field[Any]:
        """The `dataclasses.Field` that `@dataclass` would have made for this field.

        Sets `Field._field_type`, a private attribute `dataclasses.fields` filters on; the
        test of this module checks `fields`, `replace` and `asdict` on each Python version CI
        runs.
        """
        import dataclasses

        made: Field[Any] = dataclasses.field(
            default=dataclasses.MISSING if self.default is MISSING else self.default,
            default_factory=(
                dataclasses.MISSING if self.default_factory is MISSING else self.default_factory
            ),
            init=self.init,
            repr=self.repr,
            hash=self.hash,
            compare=self.compare,
            kw_only=False,
        )
        made.name = self.name
        made.type = self.type
        made._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
        return made


@overload
def field(
    *,
    default: T,
    init: bool = True,
    repr: bool = True,
    hash: bool | None = None,
    compare: bool = True,
) -> T: ...


@overload
def field(
    *,
    default_factory: Callable[[], T],
    init: bool = True,
    repr: bool = True,
    hash: bool | None = None,
    compare: bool = True,
) -> T: ...


@overload
def field(
    *,
    init: bool = True,
    repr: bool = True,
    hash: bool | None = None,
    compare: bool = True,
) -> Any: ...


def field(
    *,
    default: Any = MISSING,
    default_factory: Any = MISSING,
    init: bool = True,
    repr: bool = True,
    hash: bool | None = None,
    compare: bool = True,
) -> Any:
    """`dataclasses.field` for a record (the keyword arguments stconfig uses)."""
    return RecordField(default, default_factory, init, repr, hash, compare)


class _DataclassFields:
    """The class's `__dataclass_fields__`, made on first read: only the `dataclasses` helpers
    (`fields`, `replace`, `asdict`, `is_dataclass`) read it, and they import dataclasses."""

    __slots__ = ("every",)

    def __init__(self, every: tuple[RecordField, ...]) -> None:
        self.every = every

    def __get__(self, instance: object, owner: type) -> dict[str, Field[Any]]:
        made = {f.name: f.as_dataclass_field() for f in self.every}
        type.__setattr__(owner, "__dataclass_fields__", made)  # later reads find the dict
        return made


class _Layout:
    """What the generic methods need to know about one record class, computed once."""

    __slots__ = (
        "compared",
        "frozen",
        "hashed",
        "init",
        "init_names",
        "later",
        "names",
        "not_init",
        "post_init",
        "shown",
    )

    def __init__(self, cls: type, every: list[RecordField], frozen: bool) -> None:
        self.init = tuple((f.name, f.default, f.default_factory) for f in every if f.init)
        self.later = tuple((f.name, f.default, f.default_factory) for f in every if not f.init)
        self.names = tuple(f.name for f in every)
        self.init_names = tuple(name for name, _, _ in self.init)
        self.not_init = frozenset(name for name, _, _ in self.later)
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


def _compiled_init(layout: _Layout, cls: type) -> Callable[..., None]:
    """An `__init__` written for one class's fields and compiled once, as `dataclass` writes
    it: for classes built by the hundred thousand (syntax trees), where the generic one is
    too slow. It costs one compile instead of dataclass's four to six."""
    namespace: dict[str, Any] = {"_record_missing_": MISSING}

    def assign(name: str, value: str) -> str:
        # A frozen class refuses `self.x = ...`: its init stores through the slot's own
        # descriptor, half the cost of `object.__setattr__`, which looks the name up first.
        if layout.frozen:
            namespace[f"_record_set_{name}"] = vars(cls)[name].__set__
            return f"_record_set_{name}(self, {value})"
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


def _frozen_instance_error(message: str) -> Exception:
    from dataclasses import FrozenInstanceError

    return FrozenInstanceError(message)


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise _frozen_instance_error(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise _frozen_instance_error(f"cannot delete field {name!r}")


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, name) for name in self.__record_layout__.names]


def _setstate(self: Any, state: list[Any]) -> None:
    for name, value in zip(self.__record_layout__.names, state, strict=True):
        object.__setattr__(self, name, value)


# Entries of the first class's namespace that the rebuilt, slotted class must not inherit.
_REBUILT = frozenset({"__dict__", "__weakref__"})


def _is_class_var(annotation: Any) -> bool:
    if isinstance(annotation, str):  # `from __future__ import annotations`
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return annotation is ClassVar or get_origin(annotation) is ClassVar


def _is_dataclass_field(value: object) -> bool:
    """A `dataclasses.field(...)` in the class body (only possible once dataclasses is
    imported): refused, since the record would take the `Field` itself as the default."""
    dataclasses = sys.modules.get("dataclasses")
    return dataclasses is not None and isinstance(value, dataclasses.Field)


def _fields(cls: type) -> list[RecordField]:
    """The class's fields in annotation order, checked as `dataclass` checks them."""
    if any("__dataclass_fields__" in vars(base) for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__qualname__}: a record does not inherit fields")
    made: list[RecordField] = []
    defaulted: str | None = None
    # `inspect.get_annotations` reads the same dict, but importing inspect is the cost this
    # module avoids.
    annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
    for name, annotation in annotations.items():
        if _is_class_var(annotation):
            continue
        value = cls.__dict__.get(name, MISSING)
        if _is_dataclass_field(value):
            raise TypeError(
                f"{cls.__qualname__}.{name}: use stconfig._records.field, not dataclasses.field"
            )
        made_field = value if isinstance(value, RecordField) else field(default=value)
        if "InitVar" in str(annotation):
            raise TypeError(f"{cls.__qualname__}.{name}: record has no InitVar")
        default = made_field.default
        if default is not MISSING and type(default).__hash__ is None:
            raise ValueError(
                f"mutable default {type(default)} for field {name} is not allowed: "
                "use default_factory"
            )
        has_default = default is not MISSING or made_field.default_factory is not MISSING
        if made_field.init and has_default:
            defaulted = defaulted or name
        elif made_field.init and defaulted is not None:
            raise TypeError(f"non-default argument {name!r} follows default argument")
        made_field.name = name
        made_field.type = annotation
        made.append(made_field)
    return made


def replace(obj: T, /, **changes: Any) -> T:
    """`dataclasses.replace` without importing dataclasses: a record built from `obj`'s
    init fields, with `changes` in place of some (fields with `init=False` are remade by
    `__init__`, and naming one is a ValueError, as there). Other dataclasses go to
    `dataclasses.replace`."""
    layout: _Layout | None = getattr(type(obj), "__record_layout__", None)
    if layout is None:
        import dataclasses

        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    for name in changes:
        if name in layout.not_init:
            raise ValueError(
                f"field {name} is declared with init=False, it cannot be specified with replace()"
            )
    for name in layout.init_names:
        if name not in changes:
            changes[name] = getattr(obj, name)
    made: T = type(obj)(**changes)
    return made


@dataclass_transform(eq_default=True, frozen_default=False, field_specifiers=(field,))
def record(
    *, frozen: bool = False, eq: bool = True, compiled_init: bool = False
) -> Callable[[type[T]], type[T]]:
    """`@dataclass(slots=True, frozen=frozen, eq=eq)` with shared methods (see the module's doc).

    A class that writes its own `__init__`, `__repr__`, `__eq__` or `__hash__` keeps it.
    `compiled_init` compiles an `__init__` for the class, for classes built in bulk.
    """

    def wrap(cls: type[T]) -> type[T]:
        own = cls.__dict__
        every = _fields(cls)
        layout = _Layout(cls, every, frozen)
        namespace = {name: value for name, value in own.items() if name not in _REBUILT}
        for f in every:
            namespace.pop(f.name, None)  # the default lives in the layout, the slot holds values
        namespace["__slots__"] = tuple(f.name for f in every)
        namespace["__dataclass_fields__"] = _DataclassFields(tuple(every))
        namespace["__match_args__"] = tuple(f.name for f in every if f.init)
        namespace["__record_layout__"] = layout
        for name, method in (("__init__", _init), ("__repr__", _repr)):
            if name not in own:
                namespace[name] = method
        if eq and "__eq__" not in own:
            namespace["__eq__"] = _eq
        if eq and "__hash__" not in own:
            namespace["__hash__"] = _hash if frozen else None
        if frozen:
            namespace["__setattr__"] = _frozen_setattr
            namespace["__delattr__"] = _frozen_delattr
            namespace["__getstate__"] = _getstate
            namespace["__setstate__"] = _setstate
        metaclass: type = type(cls)
        made: type[T] = metaclass(cls.__name__, cls.__bases__, namespace)
        made.__qualname__ = cls.__qualname__
        if compiled_init and "__init__" not in own:
            # Compiled once the class exists: a frozen one's init uses its slots' descriptors.
            type.__setattr__(made, "__init__", _compiled_init(layout, made))
        return made

    return wrap


__all__ = ["field", "record", "replace"]
