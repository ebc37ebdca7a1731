"""Links that carry the view: the sidebar's phase, regencies, products and the language as a
URL query, ``?tahap=3&kabupaten=5203,5271&produk=susu_kedelai&lang=en`` (BPS regency codes of
``data/regencies.csv``, product codes of ``data/products.csv`` or of a product new to the
vocabulary). ``parse`` reads a query against what the dashboard can show and says which
parameters it had to ignore; ``build`` writes a view back, leaving default values out, so the
unfiltered Indonesian overview is a clean ``/``. No streamlit here: ``ui.session`` reads and
writes ``st.query_params`` with these two.

A link carries nothing personal or session-like: only these four parameters, each a code of a
reference list, a phase number or a language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

PHASE, REGENCIES, PRODUCTS, LANG = "tahap", "kabupaten", "produk", "lang"
PARAMS = (PHASE, REGENCIES, PRODUCTS, LANG)  # in the order a link writes them
MAX_ITEMS = 100  # codes read per parameter; a longer list is cut (and said to be)
MAX_TOKEN = 64  # characters of one code; anything longer is no code of ours


@dataclass(frozen=True)
class View:
    """What a link shows: ``None``/``()`` where the link says nothing."""

    phase: int | None = None
    regencies: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    lang: str | None = None


@dataclass(frozen=True)
class Choices:
    """What a link may name on this dashboard now, and the defaults a link leaves out."""

    phases: tuple[int, ...]
    regencies: tuple[str, ...]
    products: tuple[str, ...]
    langs: tuple[str, ...] = ("id", "en")
    default_phase: int | None = None
    default_lang: str = "id"


@dataclass(frozen=True)
class Parsed:
    """A query read: the ``view`` it asks for, the parameters it had (``present``), the
    parameters whose value was partly or wholly ignored (``ignored``, by name, never the
    value) and query keys that are not ours (``unknown``, dropped without a word)."""

    view: View
    present: frozenset[str]
    ignored: tuple[str, ...]
    unknown: tuple[str, ...]


def _tokens(value: str | Sequence[str] | None) -> list[str]:
    """Every comma-separated code of one parameter, repeated parameters joined, blanks dropped."""
    if value is None:
        return []
    parts = [value] if isinstance(value, str) else [str(v) for v in value]
    return [tok.strip() for part in parts for tok in part.split(",") if tok.strip()]


def _codes(tokens: list[str], allowed: Sequence[str]) -> tuple[tuple[str, ...], bool]:
    """The known codes among ``tokens`` (in order, once each) and whether any was dropped."""
    known = set(allowed)
    kept = tuple(dict.fromkeys(tok for tok in tokens[:MAX_ITEMS] if len(tok) <= MAX_TOKEN and tok in known))
    return kept, len(tokens) > MAX_ITEMS or not set(tokens) <= set(kept)


def _phase(tokens: list[str], phases: Sequence[int]) -> tuple[int | None, bool]:
    """The phase a link names when it names exactly one this dashboard has."""
    if len(tokens) == 1 and tokens[0].isascii() and tokens[0].isdigit() and len(tokens[0]) <= 6:
        number = int(tokens[0])
        if number in phases:
            return number, False
    return None, bool(tokens)


def parse(query: Mapping[str, str | Sequence[str]], choices: Choices) -> Parsed:
    """Read a URL query (``{key: value or [values]}``, as ``st.query_params`` or
    ``urllib.parse.parse_qs`` give it) against ``choices``. Unknown codes, a phase that is
    not a number or not on the dashboard, an unknown language: ignored and named in
    ``ignored``; an empty value (``?produk=``) means "no filter" and is not an error.
    Never raises for any text."""
    values = {str(k).strip().lower(): v for k, v in query.items()}
    ignored: list[str] = []
    phase, bad = _phase(_tokens(values.get(PHASE)), choices.phases)
    if bad:
        ignored.append(PHASE)
    regencies, bad = _codes(_tokens(values.get(REGENCIES)), choices.regencies)
    if bad:
        ignored.append(REGENCIES)
    products, bad = _codes(_tokens(values.get(PRODUCTS)), choices.products)
    if bad:
        ignored.append(PRODUCTS)
    langs = _tokens(values.get(LANG))
    lang = langs[0].lower() if len(langs) == 1 and langs[0].lower() in choices.langs else None
    if langs and lang is None:
        ignored.append(LANG)
    return Parsed(View(phase, regencies, products, lang), frozenset(k for k in PARAMS if k in values),
                  tuple(ignored), tuple(k for k in values if k not in PARAMS))


def build(view: View, choices: Choices, *, pin_phase: bool = False) -> dict[str, str]:
    """The query of ``view`` (``{"tahap": "3", "kabupaten": "5203,5271"}``) with default
    values left out: the default phase (unless ``pin_phase``, for a link that must show the
    same phase after a newer one is uploaded), no regency or product filter, the default
    language."""
    query = {}
    if view.phase is not None and (pin_phase or view.phase != choices.default_phase):
        query[PHASE] = str(view.phase)
    if view.regencies:
        query[REGENCIES] = ",".join(view.regencies)
    if view.products:
        query[PRODUCTS] = ",".join(view.products)
    if view.lang and view.lang != choices.default_lang:
        query[LANG] = view.lang
    return query


def query_string(query: Mapping[str, str]) -> str:
    """``query`` as the text after ``?`` of a link, commas kept readable
    (``tahap=3&kabupaten=5203,5271``); ``""`` for an empty query."""
    return urlencode(query, safe=",")
