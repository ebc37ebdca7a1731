"""Reference lists shipped in ``data/``: NTB's regencies, the product vocabulary and the
figures the department published, with the normalisation that maps what officials type
onto them."""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ikm_data.settings import DATA_DIR

_PUNCT = re.compile(r"[^0-9a-z]+")
_REGENCY_PREFIX = re.compile(r"^(kabupaten|kab)\b\.?\s*", re.I)


def norm_key(text: object) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: ``"Kab. Lombok-Barat "``
    gives ``"kab lombok barat"``."""
    s = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(_PUNCT.sub(" ", s.lower()).split())


def slug(text: object) -> str:
    """``norm_key`` joined by underscores, for codes of new products."""
    return norm_key(text).replace(" ", "_")


@dataclass(frozen=True)
class Regency:
    code: str
    name: str
    kind: str  # Kabupaten | Kota
    abbreviation: str
    seat: str
    lat: float
    lon: float
    aliases: tuple[str, ...]

    @property
    def label(self) -> str:
        """``Kota Mataram`` / ``Lombok Barat``: how officials name it in a chart."""
        return self.name if self.kind == "Kabupaten" or self.name.startswith("Kota") else f"Kota {self.name}"


@dataclass(frozen=True)
class Product:
    code: str
    name_id: str
    name_en: str
    category: str
    raw_material: str
    aliases: tuple[str, ...]

    def name(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_id


@dataclass(frozen=True)
class PublishedFigure:
    phase: int
    scope: str
    metric: str  # enterprises | workers
    commodity: str  # a product, several joined by " / ", or "(total)"
    value: int
    approximate: bool
    as_of: str
    source: str  # English, as the release file gives it
    note: str  # English, as the release file gives it
    note_id: str = ""  # the same note in Bahasa Indonesia
    source_id: str = ""  # the source in Bahasa Indonesia (names of outlets stay as they are)
    provenance: str = ""  # where the repository keeps the release's text; never shown

    @property
    def is_total(self) -> bool:
        return self.commodity == "(total)"

    def source_in(self, lang: str = "id") -> str:
        """The source as the UI shows it: Indonesian unless ``lang`` is ``"en"``."""
        return self.source if lang == "en" or not self.source_id else self.source_id

    def note_in(self, lang: str = "id") -> str:
        """The note as the UI shows it: Indonesian unless ``lang`` is ``"en"``."""
        return self.note if lang == "en" else self.note_id


DEPARTMENT_SCOPE = "Dinas Perindustrian NTB"


@dataclass
class Reference:
    """All reference lists, loaded once (see ``load_reference``)."""

    regencies: tuple[Regency, ...]
    products: tuple[Product, ...]
    published: tuple[PublishedFigure, ...]
    _regency_index: dict[str, str] = field(default_factory=dict, repr=False)
    _product_index: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for r in self.regencies:
            keys = {r.name, r.code, *r.aliases}
            if r.abbreviation:
                keys.add(r.abbreviation)
            for k in keys:
                self._regency_index[norm_key(k)] = r.code
        for p in self.products:
            for k in {p.code, p.name_id, p.name_en, *p.aliases}:
                if k:
                    self._product_index.setdefault(norm_key(k), p.code)

    # -- regencies -------------------------------------------------------------------
    def regency(self, code: str) -> Regency:
        return next(r for r in self.regencies if r.code == code)

    def regency_labels(self) -> dict[str, str]:
        """``{BPS code: the regency as people write it}`` (``"Kota Bima"``)."""
        return {r.code: r.label for r in self.regencies}

    def resolve_regency(self, text: object) -> str | None:
        """The BPS code of a regency as officials write it, or None.

        ``"Bima"`` alone is the Kabupaten (5206); ``"Kota Bima"`` is the city (5272);
        ``"Kab."``/``"Kabupaten"`` prefixes and any case or punctuation are accepted.
        """
        key = norm_key(text)
        if not key:
            return None
        if key in self._regency_index:
            return self._regency_index[key]
        stripped = norm_key(_REGENCY_PREFIX.sub("", key))
        code = self._regency_index.get(stripped)
        if code and not self.regency(code).kind == "Kota":
            return code
        if code and key.startswith("kab"):
            return None  # "Kabupaten Mataram" does not exist
        return code

    # -- products --------------------------------------------------------------------
    def product(self, code: str) -> Product | None:
        return next((p for p in self.products if p.code == code), None)

    def resolve_product(self, text: object) -> str | None:
        """The canonical code of a product name or alias, or None when unknown."""
        return self._product_index.get(norm_key(text))

    def closest_product(self, text: object) -> Product | None:
        """The known product whose name or alias is closest to ``text`` (or None)."""
        keys = list(self._product_index)
        match = difflib.get_close_matches(norm_key(text), keys, n=1, cutoff=0.6)
        return self.product(self._product_index[match[0]]) if match else None

    def product_name(self, code: str, lang: str = "id") -> str:
        p = self.product(code)
        return p.name(lang) if p else code

    def product_label(self, code: object, stored, lang: str = "id"):
        """How a stored product is named for people: its name in ``lang`` when the
        vocabulary knows ``code``, else ``stored`` (the name its file gave it)."""
        p = self.product(code) if isinstance(code, str) and code else None
        return p.name(lang) if p else stored

    # -- published figures -----------------------------------------------------------
    def published_for(self, phase: int | None = None) -> list[PublishedFigure]:
        return [f for f in self.published if phase is None or f.phase == phase]

    def members(self, commodity: str) -> tuple[str, ...]:
        """Product codes a published commodity label stands for: ``"Teh Kelor / Serbat
        Jahe / Gula Semut"`` gives the three codes; a combined product such as the two
        oils also stands for itself."""
        codes = []
        whole = self.resolve_product(commodity)
        if whole:
            codes.append(whole)
        for part in commodity.split("/"):
            code = self.resolve_product(part)
            if code and code not in codes:
                codes.append(code)
        return tuple(codes)

    def worker_groups(self, phase: int) -> list[tuple[str, tuple[str, ...]]]:
        """The product groups for which ``phase``'s department release gives one worker
        figure: ``[(label, member codes)]`` in the release's order."""
        return [
            (f.commodity, self.members(f.commodity))
            for f in self.published_for(phase)
            if f.scope == DEPARTMENT_SCOPE and f.metric == "workers" and not f.is_total
        ]


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def load_reference() -> Reference:
    """The reference lists from ``data/`` (regencies.csv, products.csv,
    published_figures.csv). Cached: they are shipped files, not user data."""
    regencies = tuple(
        Regency(
            code=r["code"], name=r["name"], kind=r["kind"], abbreviation=r["abbreviation"],
            seat=r["seat"], lat=float(r["seat_lat"]), lon=float(r["seat_lon"]),
            aliases=tuple(a for a in r["aliases"].split("|") if a),
        )
        for r in _read_csv("regencies.csv")
    )
    products = tuple(
        Product(
            code=r["code"], name_id=r["name_id"], name_en=r["name_en"], category=r["category"],
            raw_material=r["raw_material"], aliases=tuple(a for a in r["aliases"].split("|") if a),
        )
        for r in _read_csv("products.csv")
    )
    published, previous = [], ("", "")
    for r in _read_csv("published_figures.csv"):
        # the release file says "same release"/"same article" for the row above's source
        same = r["source"].lower().startswith("same ") and previous[0]
        source, source_id = previous if same else (r["source"], r.get("source_id") or r["source"])
        previous = (source, source_id)
        published.append(PublishedFigure(
            phase=int(r["phase"]), scope=r["scope"], metric=r["metric"], commodity=r["commodity"],
            value=int(r["value"]), approximate=r["approximate"] == "yes", as_of=r["as_of"],
            source=source, note=r["note"], note_id=r.get("note_id", ""), source_id=source_id,
            provenance=r.get("provenance", ""),
        ))
    return Reference(regencies, products, tuple(published))
