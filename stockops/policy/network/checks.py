"""Refusing bad input before any work: every check raises ValueError with a sentence that
names the record, the field and the value, so an adapter can show it to a planner as is."""

from __future__ import annotations

import datetime
import math
import numbers


def number(where: str, field: str, value: object, *, positive: bool = False) -> float:
    """``value`` as a float when it is a finite number not below 0 (above 0 with
    ``positive``); ValueError naming ``where`` and ``field`` otherwise.

    >>> number("site North", "demand per day", 2)
    2.0
    >>> number("site North", "demand per day", float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: site North: demand per day must be a finite number, not nan
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{where}: {field} must be a number, not {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{where}: {field} must be a finite number, not {value!r}")
    if value < 0 or (positive and value == 0):
        bound = "above 0" if positive else "0 or more"
        raise ValueError(f"{where}: {field} must be {bound}, not {value!r}")
    return float(value)


def share(where: str, field: str, value: object, low: float = 0.0) -> float:
    """``value`` as a float strictly between ``low`` and 1 (a service target, a share);
    ValueError naming the field otherwise."""
    p = number(where, field, value)
    if not low < p < 1.0:
        raise ValueError(f"{where}: {field} must be between {low:g} and 1 (a share), not {p!r}")
    return p


def name(where: str, field: str, value: object) -> str:
    """``value`` when it is a non-empty text; ValueError otherwise."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: {field} must be a name (text), not {value!r}")
    return value


def known(where: str, field: str, value: str, names: object) -> str:
    """``value`` when it is one of ``names``; ValueError saying it is unknown otherwise."""
    name(where, field, value)
    if value not in names:
        raise ValueError(f"{where}: {field} {value!r} is unknown")
    return value


def unique(what: str, names: list[str]) -> None:
    """ValueError when a name appears twice among ``names``."""
    seen: set[str] = set()
    for item in names:
        if item in seen:
            raise ValueError(f"{what} {item!r} is given twice")
        seen.add(item)


def date(where: str, field: str, value: object, *, optional: bool = False) -> object:
    """``value`` when it is a ``datetime.date`` (or None with ``optional``); ValueError
    otherwise."""
    if (value is None and optional) or isinstance(value, datetime.date):
        return value
    raise ValueError(f"{where}: the {field} must be a date, not {value!r}")


def record(value: object, kind: type, what: str) -> object:
    """``value`` when it is a ``kind`` record; ValueError saying what was expected."""
    if not isinstance(value, kind):
        raise ValueError(f"{what} must be a {kind.__name__}, not {value!r}")
    return value
