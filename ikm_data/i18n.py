"""The UI's text catalogue: every string an official reads, in Bahasa Indonesia and
English. The catalogue is split by area under ``ikm_data/catalogue/`` and merged here;
a key defined twice is an error."""

from __future__ import annotations

from ikm_data.catalogue import core

LANGS = ("id", "en")
DEFAULT_LANG = "id"


def _merge(*modules) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in modules:
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise KeyError(f"text key {key!r} defined twice")
            merged[key] = texts
    return merged


def _modules():
    import importlib
    import pkgutil

    import ikm_data.catalogue as pkg

    return [importlib.import_module(f"ikm_data.catalogue.{m.name}")
            for m in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name)]


CATALOGUE = _merge(*_modules())
assert core.MESSAGES  # the core area always exists


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The text for ``key`` in ``lang`` with ``{placeholders}`` filled from ``values``.

    Raises KeyError for an unknown key, so a typo fails in tests rather than showing a key.
    """
    texts = CATALOGUE[key]
    text = texts[1] if lang == "en" else texts[0]
    return text.format(**values) if values else text
