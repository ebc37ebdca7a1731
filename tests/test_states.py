"""Every page in every data state (tests/states.py), in both languages, without a filter,
with a regency, with a product and with a chart click, for the phase a new visitor gets
and for every phase with rows: no exception, no raw catalogue key, no text of the other
language, and the figures on screen equal to a computation made here, with pandas, from
the parquet files that state.json names (not through ikm_data.queries)."""

from __future__ import annotations

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from ikm_data.ui.bench_pages import page_names
from ikm_data.i18n import CATALOGUE, t
from tests.apptest import PAGE_ROLES, sign_in
from tests.states import DAMAGED

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
DEPARTMENT = "Dinas Perindustrian NTB"
PAGES = ["ringkasan", "produk", "wilayah", "tahap", "direktori", "tentang", "unggah", "presentasi"]
TITLE_KEYS = {"ringkasan": "page.ringkasan", "produk": "page.produk", "wilayah": "page.wilayah",
              "tahap": "page.tahap", "direktori": "page.direktori", "tentang": "page.tentang",
              "unggah": "unggah.page"}  # presentasi: forum mode has no page title
CHART_PAGES = {"produk": ("chart_produk", "pilih_produk", "product_code"),
               "wilayah": ("peta_ntb", "pilih_peta", "regency_code")}
DIRECTORY_PAGE = 25


# -- the truth, computed from the stored files ----------------------------------------------
class Truth:
    """What a state's pages must show, from state.json, the parquet files it names and
    data/published_figures.csv."""

    def __init__(self, root: Path) -> None:
        state = json.loads((root / "state.json").read_text(encoding="utf-8"))
        self.rows = {int(p): pd.read_parquet(root / "versions" / v / "participants.parquet")
                     for p, v in state["phases"].items() if v}
        self.sample = {int(p) for p, v in state["phases"].items()
                       if v and json.loads((root / "versions" / v / "meta.json").read_text(encoding="utf-8"))["sample"]}
        pub = pd.read_csv(ROOT / "data" / "published_figures.csv")
        self.published = pub[pub["scope"] == DEPARTMENT]
        self.all_published_phases = set(int(p) for p in pub["phase"])
        self.products = pd.read_csv(ROOT / "data" / "products.csv").set_index("code")
        regs = pd.read_csv(ROOT / "data" / "regencies.csv", dtype={"code": str})
        self.regencies = {r.code: (r.name if r.kind == "Kabupaten" or r.name.startswith("Kota")
                                   else f"Kota {r.name}") for r in regs.itertuples()}

    @functools.cached_property
    def code_pattern(self) -> re.Pattern:
        """Product codes written as codes (``minyak_goreng``, ``dodol_rumput_laut``): a reader
        must see names instead."""
        codes = set(self.products.index) | {c for df in self.rows.values() for c in df["product_code"]}
        return re.compile(r"\b(?:" + "|".join(sorted(re.escape(c) for c in codes if "_" in c)) + r")\b")

    def phases(self) -> list[int]:
        return sorted(set(self.rows) | self.all_published_phases)

    def newest(self) -> int:
        """The phase a new visitor gets: the newest with rows, else the newest published."""
        return max(self.rows) if self.rows else max(self.all_published_phases)

    def frame(self, phase: int, regencies=(), products=()) -> pd.DataFrame:
        df = self.rows[phase]
        if regencies:
            df = df[df["regency_code"].isin(regencies)]
        if products:
            df = df[df["product_code"].isin(products)]
        return df

    def kpis(self, phase, regencies=(), products=()) -> dict:
        df = self.frame(phase, regencies, products)
        per = df.groupby("enterprise_key")["workers"].max()
        return {"enterprises": len(per), "workers": int(per.sum()), "products": df["product_code"].nunique(),
                "regencies": df["regency_code"].nunique()}

    def by_product(self, phase, regencies=(), products=()) -> dict[str, int]:
        df = self.frame(phase, regencies, products)
        return {c: int(n) for c, n in df.groupby("product_code")["enterprise_key"].nunique().items()}

    def by_regency(self, phase, regencies=(), products=()) -> dict[str, tuple[int, int]]:
        df = self.frame(phase, regencies, products)
        per = df.groupby(["regency_code", "enterprise_key"])["workers"].max().reset_index()
        out = {code: (0, 0) for code in self.regencies}
        for code, grp in per.groupby("regency_code"):
            out[code] = (len(grp), int(grp["workers"].sum()))
        return out

    def returning(self, regencies=(), products=()) -> list[dict]:
        """The enterprises in two or more uploaded (not sample) phases within the filters:
        the same NIB where both have one, else the same name (case, spacing, punctuation
        aside) and regency; a name without NIB takes the one NIB its name + regency has.
        Each: name and regency of its newest phase, {phase: workers}, matched by NIB."""
        seen = {}  # (phase, enterprise_key) -> nib, name keys, name, regency, workers
        for phase in sorted(set(self.rows) - self.sample):
            df = self.frame(phase, regencies, products)
            for r in df.sort_values("file_row" if "file_row" in df else "source_row").itertuples():
                nib = re.sub(r"[ .-]", "", r.nib if isinstance(r.nib, str) else "")
                name = " ".join(re.sub(r"[^0-9a-z]+", " ", r.name.lower()).split()) + "|" + r.regency_code
                e = seen.setdefault((phase, r.enterprise_key), {"nib": "", "names": set(), "name": r.name,
                                                                 "regency": r.regency_code, "workers": 0})
                e["nib"] = e["nib"] or nib
                e["names"].add(name)
                e["workers"] = max(e["workers"], int(r.workers))
        nibs_of = {}
        for e in seen.values():
            for n in e["names"] if e["nib"] else ():
                nibs_of.setdefault(n, set()).add(e["nib"])
        people: dict[str, dict] = {}
        for (phase, _), e in seen.items():
            (own,) = e["names"] if not e["nib"] else (min(e["names"]),)
            sole = nibs_of.get(own, set())
            who = e["nib"] or (next(iter(sole)) if len(sole) == 1 else "name:" + own)
            p = people.setdefault(who, {"workers": {}, "by_nib": True, "last": {}})
            p["workers"][phase] = max(p["workers"].get(phase, 0), e["workers"])
            p["by_nib"] &= bool(e["nib"])
            p["last"][phase] = (e["name"], e["regency"])
        return [{"name": p["last"][max(p["last"])][0], "regency": self.regencies[p["last"][max(p["last"])][1]],
                 "workers": p["workers"], "by_nib": p["by_nib"]} for p in people.values() if len(p["workers"]) > 1]

    def product_label(self, code: str, stored: str, lang: str) -> str:
        if code in self.products.index:
            return self.products.at[code, "name_en" if lang == "en" else "name_id"]
        return stored

    def release(self, phase: int, regencies=(), products=()) -> dict:
        """The department's published totals of ``phase`` (None where not published) and its
        per-product enterprise figures. Within filters only what the release itself breaks
        down: no regency figure at all; for one product, the row the release gives for
        exactly that product (by its Indonesian name), else None."""
        pub = self.published[self.published["phase"] == phase]
        total = pub[pub["commodity"] == "(total)"].set_index("metric")["value"]
        per_product = pub[(pub["commodity"] != "(total)") & (pub["metric"] == "enterprises")]
        if regencies:
            total = pd.Series(dtype="float64")
        elif products:
            (code,) = products
            total = pub[pub["commodity"] == self.products.at[code, "name_id"]].set_index("metric")["value"] \
                if code in self.products.index else pd.Series(dtype="float64")
        return {"enterprises": _opt(total.get("enterprises")), "workers": _opt(total.get("workers")),
                "products": sorted(int(v) for v in per_product["value"])}


def _opt(value):
    return None if value is None or pd.isna(value) else int(value)


def num(n) -> str:
    """id-ID as officials read it, written here independently: 2858 -> 2.858, None -> –."""
    return "–" if n is None else f"{int(n):,}".replace(",", ".")


def dec(workers: int, enterprises: int) -> str:
    """Workers per enterprise to one decimal, halves rounded up as in a spreadsheet:
    147 / 20 -> 7,4."""
    if not enterprises:
        return "–"
    tenths = (workers * 20 + enterprises) // (enterprises * 2)  # round(10 * w / e), half up
    return f"{num(tenths // 10)},{tenths % 10}"


# -- what the screen shows -------------------------------------------------------------------
class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], False

    def handle_starttag(self, tag, attrs):
        self._skip = tag == "style"

    def handle_endtag(self, tag):
        self._skip = False

    def handle_data(self, data):
        if data.strip() and not self._skip:
            self.parts.append(data.strip())


def html_texts(body: str) -> list[str]:
    parser = _Text()
    parser.feed(body)
    return parser.parts


def spec_titles(node) -> list[str]:
    """Every title in a Vega-Lite spec (chart, subtitle, axes, legends, tooltips)."""
    out = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("datasets", "data", "values"):
                continue
            if key == "title":
                if isinstance(value, dict):
                    value = [*_list(value.get("text")), *_list(value.get("subtitle"))]
                out += [v for v in _list(value) if isinstance(v, str)]
            else:
                out += spec_titles(value)
    elif isinstance(node, list):
        for item in node:
            out += spec_titles(item)
    return out


def _list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


_BADGE = re.compile(r"^:[a-z]+-badge\[(?::material/\w+: )?(.*)\]$", re.S)


def chrome(at) -> list[str]:
    """The UI's own texts: titles, captions, markdown, alerts, metric labels, widget labels,
    table headers, chart titles and axis titles, the slides' HTML texts."""
    out = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning", "success", "error"):
        out += [str(e.value) for e in at.get(kind)]
    out += [m.label for m in at.metric]
    for kind in ("button", "selectbox", "multiselect", "text_input", "number_input", "checkbox",
                 "download_button", "segmented_control"):
        out += [str(getattr(w, "label", "")) for w in at.get(kind)]
    for df in at.dataframe:
        out += [str(c) for c in df.value.columns]
    for chart in at.get("vega_lite_chart"):
        out += spec_titles(json.loads(chart.proto.spec))
    for h in at.get("html"):
        out += html_texts(h.value)
    texts = []
    for text in out:
        text = text.replace("**", "").strip()
        m = _BADGE.match(text)
        texts.append(m.group(1) if m else text)
    return [x for x in texts if x]


def _sidebar_options(at) -> list[str]:
    """Every option of the sidebar's filters as the dropdowns list them."""
    return [str(o) for w in at.get("multiselect") for o in w.options]


def cells(at) -> list[str]:
    """Every value shown in a metric or a table cell (for the raw-key check)."""
    out = [str(m.value) for m in at.metric]
    for df in at.dataframe:
        out += [v for v in df.value.astype(str).to_numpy().ravel().tolist()]
    return out


def chart_rows(chart) -> list[dict]:
    """Every data row a chart carries (Streamlit moves the spec's datasets into Arrow)."""
    rows = [row for values in json.loads(chart.proto.spec).get("datasets", {}).values() for row in values]
    for dataset in chart.proto.datasets:
        rows += pa.ipc.open_stream(dataset.data.data).read_all().to_pylist()
    return rows


def table_with(at, *headers: str) -> pd.DataFrame:
    for df in at.dataframe:
        if all(h in df.value.columns for h in headers):
            return df.value
    raise AssertionError(f"no table with {headers}")


# -- the language and key checks --------------------------------------------------------
def _pattern(template: str) -> str:
    parts = re.split(r"(\{[^{}]*\})", template)
    return "".join(".+?" if p.startswith("{") and p.endswith("}") else re.escape(p) for p in parts)


@functools.lru_cache(maxsize=None)
def _templates(lang: str) -> tuple[set, re.Pattern | None]:
    """Exact texts and one regex of the templates of ``lang`` (0: id, 1: en)."""
    i = 1 if lang == "en" else 0
    exact = {texts[i] for texts in CATALOGUE.values() if "{" not in texts[i]}
    shaped = [_pattern(texts[i]) for texts in CATALOGUE.values() if "{" in texts[i]]
    return exact, re.compile("|".join(f"(?:{p})" for p in shaped), re.S) if shaped else None


@functools.lru_cache(maxsize=None)
def _other_only(lang: str) -> tuple[set, re.Pattern | None]:
    """Texts of the other language that differ from this one's and say something (three
    letters or more outside the placeholders)."""
    other = 0 if lang == "en" else 1
    keep = [texts[other] for texts in CATALOGUE.values()
            if texts[0] != texts[1] and re.search(r"[A-Za-z]{3,}", re.sub(r"\{[^{}]*\}", "", texts[other]))]
    exact = {x for x in keep if "{" not in x}
    shaped = [_pattern(x) for x in keep if "{" in x]
    return exact, re.compile("|".join(f"(?:{p})" for p in shaped), re.S) if shaped else None


def _matches(text: str, found: tuple[set, re.Pattern | None]) -> bool:
    exact, shaped = found
    return text in exact or bool(shaped and shaped.fullmatch(text))


@functools.lru_cache(maxsize=200_000)
def wrong_language(text: str, lang: str) -> bool:
    """True when ``text`` is, whole, a catalogue text of the other language only."""
    return _matches(text, _other_only(lang)) and not _matches(text, _templates(lang))


PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}")


def check_texts(at, lang: str, where: str, truth: Truth) -> None:
    shown = chrome(at)
    raw = [x for x in shown + cells(at) if x in CATALOGUE or PLACEHOLDER.search(x)]
    assert not raw, f"{where}: raw keys or placeholders on screen: {raw}"
    codes = [x for x in shown + _sidebar_options(at) if truth.code_pattern.search(x)]
    assert not codes, f"{where}: product codes on screen instead of names: {codes}"
    wrong = [x for x in shown if wrong_language(x, lang)]
    assert not wrong, f"{where}: texts of the other language: {wrong}"


# -- the figures of each page ------------------------------------------------------------------
def _unmarked(value: str) -> str:
    return str(value).removeprefix("± ").strip()


def check_ringkasan(at, truth: Truth, phase, regencies, products, pick, lang) -> None:
    shown = {m.label: _unmarked(m.value) for m in at.metric}
    if phase in truth.rows:
        k = truth.kpis(phase, regencies, products)
        expected = {"metric.enterprises": num(k["enterprises"]), "metric.workers": num(k["workers"]),
                    "metric.products": num(k["products"]), "metric.regencies": num(k["regencies"]),
                    "metric.workers_per_enterprise": dec(k["workers"], k["enterprises"])}
    else:
        rel = truth.release(phase, regencies, products)
        expected = {"metric.enterprises": num(rel["enterprises"]), "metric.workers": num(rel["workers"])}
    assert shown == {t(key, lang): v for key, v in expected.items()}


def check_produk(at, truth: Truth, phase, regencies, products, pick, lang) -> None:
    bars = [r for r in chart_rows(at.get("vega_lite_chart")[0]) if "enterprises" in r and "product" in r]
    table = table_with(at, t("metric.product", lang), t("metric.enterprises", lang))
    listed = dict(zip(table[t("metric.product", lang)], table[t("metric.enterprises", lang)]))
    if phase not in truth.rows:
        release = truth.release(phase)["products"]
        assert sorted(int(r["enterprises"]) for r in bars) == release
        assert sorted(int(v.replace(".", "")) for v in listed.values()) == release
        return
    expected = truth.by_product(phase, regencies, products)  # a bar click filters the rest, not the bars
    assert {r["product_code"]: int(r["enterprises"]) for r in bars} == expected
    names = truth.frame(phase).groupby("product_code")["product_name"].first()
    assert listed == {truth.product_label(c, names[c], lang): num(n) for c, n in expected.items()}


def check_wilayah(at, truth: Truth, phase, regencies, products, pick, lang) -> None:
    if phase not in truth.rows:
        assert [i.value for i in at.info] == [t("wilayah.published_only", lang, n=phase)]
        return
    expected = truth.by_regency(phase, regencies, products)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 2
    drawn = [{r["regency_code"]: (int(r["enterprises"]), int(r["workers"])) for r in chart_rows(chart)
              if "regency_code" in r and "enterprises" in r} for chart in charts]
    assert drawn[0] == {c: v for c, v in expected.items() if v[0]}  # the map: a circle where there are IKM
    assert drawn[1] == expected  # the bar chart: every regency
    focus = truth.by_regency(phase, pick or regencies, products)
    cols = [t("metric.regency", lang), t("metric.enterprises", lang), t("metric.workers", lang)]
    table = table_with(at, *cols)
    assert {r[0]: (r[1], r[2]) for r in table[cols].itertuples(index=False)} == {
        truth.regencies[c]: (num(e), num(w)) for c, (e, w) in focus.items()}


def check_direktori(at, truth: Truth, phase, regencies, products, pick, lang) -> None:
    if phase not in truth.rows:
        assert [i.value for i in at.info] == [t("direktori.published_only", lang, n=phase)]
        return
    total = len(truth.frame(phase, regencies, products))
    line = t("direktori.showing", lang, first=num(min(total, 1)), last=num(min(total, DIRECTORY_PAGE)),
             total=num(total))
    assert line in [m.value for m in at.markdown]


def check_returning(at, truth: Truth, regencies, products, lang) -> None:
    """Peserta berulang: the count and the table (one page), or the empty state, against
    ``Truth.returning``."""
    compared = sorted(set(truth.rows) - truth.sample)
    words = [t("phase.label", lang, n=p) for p in compared]
    said = ", ".join(words[:-1]) + f" {t('returning.and', lang)} {words[-1]}" if len(words) > 1 else "".join(words)
    infos = [i.value for i in at.info]
    if truth.sample:  # the sample's enterprises are invented: left out, and said so
        left_out = ", ".join(t("phase.label", lang, n=p) for p in sorted(truth.sample))
        assert t("returning.sample_left_out", lang, phases=left_out) in [c.value for c in at.caption]
    if len(compared) < 2:
        key = "returning.empty.one" if compared else "returning.empty.none"
        assert t(key, lang, phase=said) in infos
        return
    back = truth.returning(regencies, products)
    if not back:
        key = "returning.none.filtered" if regencies or products else "returning.none"
        assert t(key, lang, phases=said) in infos
        return
    by_nib = sum(b["by_nib"] for b in back)
    assert t("returning.count", lang, n=num(len(back)), by_nib=num(by_nib), by_name=num(len(back) - by_nib),
             phases=said) in [m.value for m in at.markdown]
    table = table_with(at, t("returning.col.matched", lang))
    rows = {(r["name"], r["regency"], ", ".join(t("phase.label", lang, n=p) for p in sorted(r["workers"])),
             t("returning.matched.nib" if r["by_nib"] else "returning.matched.name", lang),
             *(num(r["workers"].get(p)) for p in compared)) for r in back}
    shown = {tuple(r) for r in table.itertuples(index=False)}
    assert len(shown) == min(len(back), 25) and shown <= rows, (shown, rows)


def check_tahap(at, truth: Truth, phase, regencies, products, pick, lang) -> None:
    check_returning(at, truth, regencies, products, lang)
    if regencies or products:
        return  # Perbandingan Tahap under filters belongs to the "phases" work
    cols = [t("metric.enterprises", lang), t("metric.workers", lang)]
    table = table_with(at, t("metric.phase", lang), t("tahap.col.kind", lang), *cols)
    shown = [tuple(_unmarked(v) for v in r) for r in table[cols].itertuples(index=False)]
    expected = []
    for p in truth.phases():
        if p in truth.rows:
            k = truth.kpis(p)
            expected.append((num(k["enterprises"]), num(k["workers"])))
        else:
            rel = truth.release(p)
            expected.append((num(rel["enterprises"]), num(rel["workers"])))
    assert shown == expected


_FIGURE = re.compile(r'<div class="value">(.*?)</div><div class="label">(.*?)</div>')


def check_presentasi(at, truth: Truth, phase, regencies, products, pick, lang) -> None:
    bodies = [h.value for h in at.get("html") if 'class="ikm-figures"' in h.value]
    assert len(bodies) == 1, "the headline slide is not shown"
    shown = {label: _unmarked(value) for value, label in _FIGURE.findall(bodies[0])}
    if phase in truth.rows:
        k = truth.kpis(phase, regencies, products)
        expected = {"metric.enterprises": num(k["enterprises"]), "metric.workers": num(k["workers"]),
                    "metric.products": num(k["products"]), "metric.regencies": num(k["regencies"])}
    else:
        rel = truth.release(phase)
        expected = {f"metric.{m}": num(rel[m]) for m in ("enterprises", "workers") if rel[m] is not None}
        if rel["products"]:
            expected["metric.products"] = num(len(rel["products"]))
    assert shown == {t(key, lang): v for key, v in expected.items()}


def check_nothing(*_) -> None:
    """Tentang Data and Unggah Data: no figures of their own (texts are checked for all)."""


CHECKS = {"ringkasan": check_ringkasan, "produk": check_produk, "wilayah": check_wilayah,
          "tahap": check_tahap, "direktori": check_direktori, "presentasi": check_presentasi,
          "tentang": check_nothing, "unggah": check_nothing}


# -- the matrix ------------------------------------------------------------------------------
def _choices(truth: Truth, phase: int) -> tuple[str, str]:
    """The regency and product to filter by: the most frequent in the phase's rows (a
    product new to the vocabulary first), or Lombok Timur and cooking oil."""
    if phase not in truth.rows:
        return "5203", "minyak_goreng"
    df = truth.rows[phase]
    new = sorted(set(df["product_code"]) - set(truth.products.index))
    regency = df["regency_code"].value_counts().sort_index().idxmax()
    return regency, new[0] if new else df["product_code"].value_counts().sort_index().idxmax()


def _phases(truth: Truth) -> list[int]:
    """The phase a new visitor gets, then every phase with rows; where no phase has rows,
    every published phase (phase 2 has no enterprise total, phase 1 no worker figure)."""
    return list(dict.fromkeys([truth.newest(), *sorted(truth.rows or truth.all_published_phases)]))


def _cases(page: str, phase: int, truth: Truth) -> list[str]:
    if phase not in truth.rows and phase != truth.newest():
        return ["none"]  # a release cannot be filtered: the newest phase's cases show that
    cases = ["none", "regency", "product"]
    if page in CHART_PAGES and phase in truth.rows:
        cases.append("chart")
    return cases


def _set_case(at, page: str, phase: int, case: str, truth: Truth) -> tuple[tuple, tuple, tuple]:
    regency, product = _choices(truth, phase)
    regencies = (regency,) if case == "regency" else ()
    products = (product,) if case == "product" else ()
    at.session_state["flt_phase"] = phase
    at.session_state["flt_regencies"] = list(regencies)
    at.session_state["flt_products"] = list(products)
    pick = ()
    if page in CHART_PAGES:
        key, param, field = CHART_PAGES[page]
        value = product if field == "product_code" else regency
        points = [{field: value}] if case == "chart" else []
        at.session_state[key] = {"selection": {param: points}}
        pick = (value,) if case == "chart" and field == "regency_code" else ()
    if page == "presentasi":
        at.session_state["present_slide"] = 1  # the headline figures
    return regencies, products, pick


@pytest.fixture(scope="module", autouse=True)
def _scan_components_once():
    """Each new AppTest scans every installed package for Streamlit components (0.8 s
    here); the packages do not change during this module, so scan once."""
    from streamlit.components.v2 import manifest_scanner

    original = manifest_scanner.scan_component_manifests
    found = original()
    manifest_scanner.scan_component_manifests = lambda max_workers=None: list(found)
    yield
    manifest_scanner.scan_component_manifests = original


def _open(page: str, lang: str):
    """app.py on ``page`` as a new visitor opens it (no phase chosen yet)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    if page in PAGE_ROLES:
        sign_in(at, PAGE_ROLES[page])  # an uploader: the page's controls and the repair button
    if page == "presentasi":
        at.session_state["present_slide"] = 1  # the headline figures
    at.run()
    if page != "ringkasan":
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


class _NoTruth:
    """A damaged store's truth: nothing to compare (no state to read), no codes to hunt."""

    code_pattern = re.compile(r"(?!)")


def check_damaged(at, name: str, page: str, lang: str) -> None:
    """A damaged store: the page's title, then the panel naming what is wrong, the last good
    versions and how to recover; on Unggah Data the repair button, elsewhere a link to it."""
    where = f"{name}:{lang}:{page}"
    if page in TITLE_KEYS:
        assert [x.value for x in at.title] == [t(TITLE_KEYS[page], lang)], where
    (panel,) = [e.value.replace("\\", "") for e in at.error if t("damage.title", lang) in e.value]
    names, last_good, _ = DAMAGED[name]
    how = t("damage.how.here" if page == "unggah" else "damage.how", lang)
    assert names in panel and how in panel, (where, panel)
    good = "; ".join(t("damage.last_good.phase", lang, phase=p, version=v) for p, v in sorted(last_good.items()))
    assert t("damage.last_good", lang, versions=good) in panel, (where, panel)
    buttons = [b.label for b in at.button]
    if page == "unggah":
        assert t("damage.repair.button", lang) in buttons, where
    else:
        assert t("damage.repair.button", lang) not in buttons, where
    check_texts(at, lang, where, _NoTruth())


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_is_right_in_every_state(state_store, page, lang):
    if state_store.root.name in DAMAGED:
        check_damaged(_open(page, lang), state_store.root.name, page, lang)
        return
    truth = Truth(state_store.root)
    at = _open(page, lang)
    assert at.session_state["flt_phase"] == truth.newest()  # what a new visitor gets
    first = True
    for phase in _phases(truth):
        for case in _cases(page, phase, truth):
            regencies, products, pick = _set_case(at, page, phase, case, truth)
            if not first:  # the first case is what the new visitor already sees
                at.run()
            first = False
            where = f"{state_store.root.name}:{lang}:{page}:phase {phase}:{case}"  # root: the state's name
            assert not at.exception, (where, [e.value for e in at.exception])
            if page in TITLE_KEYS:
                assert [x.value for x in at.title] == [t(TITLE_KEYS[page], lang)], where
            check_texts(at, lang, where, truth)
            try:
                CHECKS[page](at, truth, phase, regencies, products, pick, lang)
            except AssertionError as err:
                raise AssertionError(f"{where}: {err}") from err


# the pages the matrix above does not check figure by figure (their own tests do, on fewer
# stores): each still opens for a new visitor in every state, in the right language
OTHER_PAGES = [p for p in page_names() if p not in PAGES]


@pytest.mark.parametrize("page", OTHER_PAGES)
def test_every_other_page_opens_in_every_state(state_store, page):
    at = _open(page, "id")  # asserts no exception
    where = f"{state_store.root.name}:id:{page}"
    assert at.title or at.main.markdown, where  # the page drew, not an empty screen
    check_texts(at, "id", where, _NoTruth())


def test_the_checks_tell_the_languages_and_keys_apart():
    assert wrong_language("Overview", "id") and wrong_language("Showing 1–25 of 60 enterprises", "id")
    assert wrong_language("Ringkasan", "en") and wrong_language("Menampilkan 1–3 dari 3 IKM", "en")
    assert not wrong_language("Ringkasan", "id") and not wrong_language("Menampilkan 1–3 dari 3 IKM", "id")
    assert not wrong_language("UD Sinar Rinjani", "id") and not wrong_language("NIB", "en")
    assert wrong_language("IKM/UKM", "en")  # the English UI says IKM/SMEs
    assert PLACEHOLDER.search("Tahap {n}") and not PLACEHOLDER.search("Tahap 4")
    assert num(2858) == "2.858" and dec(147, 20) == "7,4" and dec(145, 20) == "7,3" and dec(5, 0) == "–"


@pytest.mark.parametrize("state_store", list(DAMAGED), indirect=True)
def test_the_repair_button_brings_back_the_last_good_version(state_store):
    """Unggah Data's "Perbaiki penyimpanan" on a damaged store: every page reads again and
    shows the figures of each phase's last good version."""
    *_, expected = DAMAGED[state_store.root.name]
    good = {p: pd.read_parquet(state_store.root / "versions" / v / "participants.parquet")
            for p, v in expected.items()}
    at = _open("unggah", "id")
    at.button(key="damage_repair").click().run()
    assert not at.exception and not [e for e in at.error if t("damage.title") in e.value]
    assert [s.value for s in at.success][0].startswith(t("damage.repair.done", actions="").strip())
    truth = Truth(state_store.root)
    assert set(truth.rows) == set(good)
    for phase, rows in good.items():
        assert truth.rows[phase].drop(columns="phase").equals(rows.drop(columns="phase")), phase
    at = _open("ringkasan", "id")
    for phase in good:
        at.session_state["flt_phase"] = phase
        at.run()
        check_ringkasan(at, truth, phase, (), (), (), "id")


@pytest.mark.parametrize("state_store", ["missing_parquet"], indirect=True)
def test_unggah_rolls_back_a_damaged_phase(state_store):
    """On a damaged store Unggah Data still lists the history and rolls back: the official
    puts phase 4 back to v2 by hand instead of pressing the repair button."""
    at = _open("unggah", "en")
    assert at.file_uploader(key="unggah_file").proto.disabled  # no upload onto a damaged store
    at.selectbox(key="unggah_rollback_version").set_value("v2").run()
    at.checkbox(key="unggah_confirm_rollback_v2_3").check().run()
    at.button(key="unggah_rollback").click().run()
    assert not at.exception and not [e for e in at.error if t("damage.title", "en") in e.value]
    truth = Truth(state_store.root)
    v2 = pd.read_parquet(state_store.root / "versions" / "v2" / "participants.parquet")
    assert truth.rows[4].drop(columns="phase").equals(v2.drop(columns="phase"))
    assert json.loads((state_store.root / "state.json").read_text())["phases"]["4"] == "v4"
