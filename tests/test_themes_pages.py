"""The theme pages (Standardisasi, Pasar Pariwisata, Pendampingan) in the stores real use
makes (tests/states.py: the sample, published figures only, many phases (files without the
theme columns, published-only phases), and the themes state), in both languages: no exception, no raw key or
text of the other language, and every figure equal to a count made here with pandas from the
Parquet files state.json names (not through ikm_data.themes)."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from ikm_data.i18n import t
from tests import states
from tests.test_states import (  # noqa: F401 (a fixture)
    Truth,
    _open,
    _scan_components_once,
    chart_rows,
    check_texts,
    num,
    table_with,
)

CERTS = ("pirt", "halal", "bpom", "sni")
PAGES = {"sertifikasi": "page.standardisasi", "pariwisata": "page.pariwisata", "dampingan": "page.pendampingan"}
# many_phases holds published-only phases and files without the theme columns (phases 4, 5, 44)
STATES = ["sample", "published_only", "many_phases", "themes"]


def _flag(df: pd.DataFrame, column: str) -> pd.Series:
    """An enterprise's flag from its rows: yes where one says yes, no where they say no,
    unknown (None) where none says."""
    values = df[column].astype("boolean")
    held = values.fillna(False).groupby(df["enterprise_key"]).any()
    known = values.notna().groupby(df["enterprise_key"]).any()
    return pd.Series([bool(h) if k else None for h, k in zip(held, known)], index=held.index, dtype=object)


def enterprises(df: pd.DataFrame) -> pd.DataFrame:
    """One row per enterprise with its flags, written here independently of the SQL."""
    if df.empty:
        return pd.DataFrame()
    key = df["enterprise_key"]
    e = pd.DataFrame({c: _flag(df, c) for c in (*CERTS, "tourism", "mentoring")})
    named = df["tourism_partner"].fillna("").str.strip().ne("").groupby(key).any()
    certs = e[list(CERTS)]
    e["certified"] = [True if any(v is True for v in r) else (False if any(v is not None for v in r) else None)
                      for r in certs.itertuples(index=False)]
    e["tourism_market"] = [True if (t_ is True or n) else t_ for t_, n in zip(e["tourism"], named[e.index])]
    e["workers"] = df.groupby(key)["workers"].max()
    e["products"] = df.groupby(key)["product_code"].agg(set)
    return e.reset_index(drop=True)


def held_known(e: pd.DataFrame, flag: str) -> tuple[int, int]:
    if e.empty:
        return 0, 0
    values = [v for v in e[flag] if v is not None and not pd.isna(v)]
    return sum(bool(v) for v in values), len(values)


def _guard(at, truth: Truth, phase, regencies, products, flag: str, prefix: str, lang: str):
    """The page's explanation where nothing can be counted; else the enterprises."""
    infos = [i.value for i in at.info]
    if phase not in truth.rows:
        assert infos == [t(f"{prefix}.published_only", lang, n=phase)]
        return None
    e = enterprises(truth.frame(phase, regencies, products))
    if e.empty:
        assert infos == [t("direktori.none", lang)]
        return None
    held, known = held_known(e, flag)
    if not known:
        assert infos == [t(f"{prefix}.no_column", lang, n=phase)]
        assert not at.get("vega_lite_chart")
        return None
    partial = t("themes.partial", lang, known=num(known), total=num(len(e)), unknown=num(len(e) - known))
    assert (partial in infos) == (known < len(e))
    return e


def _card(at, label: str) -> str:
    return {m.label: m.value for m in at.metric}[label]


def check_sertifikasi(at, truth, phase, regencies, products, lang):
    e = _guard(at, truth, phase, regencies, products, "certified", "standar", lang)
    if e is None:
        return
    for c in (*CERTS, "certified"):
        held, known = held_known(e, c)
        assert _card(at, t(f"themes.cert.{c}", lang)) == (num(held) if known else "–"), c
    held, known = held_known(e, "certified")
    assert _card(at, t("themes.cert.none", lang)) == num(known - held)
    cells = {(r["key"], r["cert"]): (r["held"], r["known"]) for r in chart_rows(at.get("vega_lite_chart")[0])
             if "cert" in r}
    codes = sorted({c for p in e["products"] for c in p})
    expected = {}
    for code in codes:
        group = e[[code in p for p in e["products"]]]
        rows = truth.frame(phase, regencies, products)
        per_product = enterprises(rows[rows["product_code"] == code])
        assert len(per_product) == len(group)
        for c in (*CERTS, "certified"):
            expected[(code, c)] = held_known(per_product, c)
    assert cells == expected
    if known - held:
        shown = [m.value for m in at.markdown if m.value.startswith(t("direktori.showing", lang, first="1",
                                                                        last="", total="").split("–")[0])]
        assert shown and shown[0].endswith(t("direktori.showing", lang, first="", last="",
                                             total=num(known - held)).split("–")[-1])


def check_pariwisata(at, truth, phase, regencies, products, lang):
    e = _guard(at, truth, phase, regencies, products, "tourism_market", "pariwisata", lang)
    if e is None:
        return
    held, known = held_known(e, "tourism_market")
    assert _card(at, t("pariwisata.metric.suppliers", lang)) == num(held)
    df = truth.frame(phase, regencies, products)
    partners: dict[str, set] = {}
    for key, cell in zip(df["enterprise_key"], df["tourism_partner"]):
        for name in ("" if pd.isna(cell) else str(cell)).replace(",", ";").replace("\n", ";").split(";"):
            if " ".join(name.split()):
                partners.setdefault(" ".join(name.split()).lower(), set()).add(key)
    assert _card(at, t("pariwisata.metric.partners", lang)) == num(len(partners))
    if not held:
        return
    bars = {r["key"]: r["held"] for r in chart_rows(at.get("vega_lite_chart")[1]) if "held" in r}
    by_regency = {}
    for code, grp in df.groupby("regency_code"):
        by_regency[code] = held_known(enterprises(grp), "tourism_market")[0]
    assert bars == by_regency
    if partners:
        table = table_with(at, t("pariwisata.col.partner", lang))
        shown = {p.lower(): n for p, n in zip(table[t("pariwisata.col.partner", lang)],
                                             table[t("metric.enterprises", lang)])}
        assert shown == {p: num(len(keys)) for p, keys in partners.items()}


def check_dampingan(at, truth, phase, regencies, products, lang):
    e = _guard(at, truth, phase, regencies, products, "mentoring", "pendampingan", lang)
    if e is None:
        return
    held, known = held_known(e, "mentoring")
    assert _card(at, t("pendampingan.metric.mentored", lang)) == num(held)
    material = truth.products["raw_material"].fillna("")
    counts: dict = {}
    for row in e.itertuples():
        found = {m for c in row.products for m in (material.get(c) or "").split("|") if m} or {None}
        if row.mentoring:
            for m in (found if all(material.get(c) for c in row.products) else found | {None}):
                counts[m] = counts.get(m, 0) + 1
    bars = {r["key"]: r["held"] for r in chart_rows(at.get("vega_lite_chart")[0]) if "held" in r and r["held"]}
    assert {(None if pd.isna(k) else k): v for k, v in bars.items()} == counts
    table = table_with(at, t("pendampingan.col.group", lang))
    groups = {True: e[e["mentoring"] == True], False: e[e["mentoring"] == False]}  # noqa: E712
    expected = [[t(f"themes.mentoring.group.{str(k).lower()}", lang), num(len(g))] for k, g in groups.items()
                if len(g)]
    assert table.iloc[:, :2].values.tolist() == expected


CHECKS = {"sertifikasi": check_sertifikasi, "pariwisata": check_pariwisata, "dampingan": check_dampingan}


@pytest.fixture(scope="module")
def _themes_template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("themes-state") / "themes"
    states.themes(folder)
    return folder


@pytest.fixture(params=STATES)
def store_root(request, state_templates, _themes_template, tmp_path, monkeypatch):
    """A copy of one store of tests/states.py (``themes`` built here: it is not in STATES)."""
    source = _themes_template if request.param == "themes" else state_templates(request.param)
    folder = tmp_path / request.param
    shutil.copytree(source, folder)
    monkeypatch.setenv("IKM_DATA_DIR", str(folder))
    return folder


def _cases(truth: Truth, lang: str) -> list[tuple[int, tuple, tuple]]:
    """The newest phase (a new visitor's) unfiltered, then filtered by its most frequent
    regency and product (Indonesian only), then every other phase with rows, then a phase
    with only published figures (Indonesian only)."""
    newest = truth.newest()
    cases = [(newest, (), ())]
    if lang == "id" and newest in truth.rows:
        df = truth.rows[newest]
        cases += [(newest, (df["regency_code"].value_counts().sort_index().idxmax(),), ()),
                  (newest, (), (df["product_code"].value_counts().sort_index().idxmax(),))]
    cases += [(p, (), ()) for p in sorted(truth.rows) if p != newest]
    published = sorted(truth.all_published_phases - set(truth.rows) - {newest})
    return cases + [(published[-1], (), ())] if published and lang == "id" else cases


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", list(PAGES))
def test_theme_pages_are_right_in_every_state(store_root, page, lang):
    truth = Truth(store_root)
    at = _open(page, lang)
    for i, (phase, regencies, products) in enumerate(_cases(truth, lang)):
        if i:
            at.session_state["flt_phase"] = phase
            at.session_state["flt_regencies"] = list(regencies)
            at.session_state["flt_products"] = list(products)
            at.run()
        where = f"{store_root.name}:{lang}:{page}:phase {phase}:{regencies}{products}"
        assert not at.exception, (where, [e.value for e in at.exception])
        assert [x.value for x in at.title] == [t(PAGES[page], lang)], where
        if phase in states_sample_phases(truth):
            assert t("sample.badge", lang) in " ".join(str(m.value) for m in at.markdown), where
        check_texts(at, lang, where, truth)
        try:
            CHECKS[page](at, truth, phase, regencies, products, lang)
        except AssertionError as err:
            raise AssertionError(f"{where}: {err}") from err


def states_sample_phases(truth: Truth) -> set[int]:
    """Phases whose rows are the synthetic sample (its enterprise keys say so)."""
    return {p for p, df in truth.rows.items() if df["enterprise_key"].str.startswith("sampel-").all()}
