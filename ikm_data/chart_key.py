"""A key naming one drawn chart: the function that builds it and everything it is built
from, so that a chart's finished Vega-Lite spec can be kept and reused while its inputs are
the same (``ui.widgets.chart``; issue 13, a warm page view does not rebuild its charts).

Only inputs whose content can be read in full go into a key: frames (by their values,
index, columns and dtypes), text, numbers, ``None``, and tuples, lists and dicts of them.
Anything else (a function, say) gives no key, and the chart is built afresh."""

from __future__ import annotations

import hashlib
import json

import pandas as pd

_PLAIN = (str, int, float, bool, type(None))


class _NoKey(Exception):
    """An input whose content cannot be read into a key."""


def _feed(h, value) -> None:
    if isinstance(value, _PLAIN):
        h.update(f"{type(value).__name__}:{value!r};".encode())
    elif isinstance(value, pd.DataFrame):
        try:
            values = pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes()
        except TypeError as exc:  # an unhashable cell (a list)
            raise _NoKey from exc
        h.update(f"frame:{list(value.columns)!r}:{[str(d) for d in value.dtypes]!r}:{len(value)};".encode())
        h.update(values)
    elif isinstance(value, (tuple, list)):
        h.update(f"{type(value).__name__}:{len(value)}[".encode())
        for item in value:
            _feed(h, item)
        h.update(b"]")
    elif isinstance(value, dict):
        try:
            h.update(b"dict:" + json.dumps(value, sort_keys=True, allow_nan=True).encode())
        except (TypeError, ValueError) as exc:
            raise _NoKey from exc
    else:
        raise _NoKey


def chart_key(make, args: tuple, kwargs: dict) -> str | None:
    """A digest of ``make`` (by its qualified name) and its ``args``/``kwargs``; None when
    an input cannot be keyed."""
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{make.__module__}.{make.__qualname__};".encode())
    try:
        _feed(h, args)
        _feed(h, sorted(kwargs.items()))
    except _NoKey:
        return None
    return h.hexdigest()
