"""The curated slide sequence for a forum: what the Presentasi page shows and what the
PowerPoint/PDF deck holds, as plain data (no streamlit, no layout).

``build(ds, filters, lang)`` returns a list of ``Slide``: title, headline figures,
enterprises by product, workforce by product group (the groups the department published,
never an invented split), regions (the offline map), standardisation and the tourism
market (where the phase's data has them), phase comparison, sources. A phase
that has only published figures gets the slides its release can fill. Every slide carries
its source footer and, where the phase's data is the synthetic sample, the sample flag.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from ikm_data import charts, queries, schema
from ikm_data.formatting import fmt_date, fmt_int, fmt_num, fmt_pct
from ikm_data.geo import load_coastline
from ikm_data.house import PALETTE, SLIDE_SCALE
from ikm_data.i18n import t
from ikm_data.queries import Dataset, Filters
from ikm_data.reference import DEPARTMENT_SCOPE

# Type size of charts on slides: 1.6x the dashboard's, read from the back of a room.
# Characters per line of a bar's label on a slide: a long group name ("Moringa tea / Ginger
# drink / Palm sugar crystals") goes onto two lines instead of being cut off.
LABEL_WRAP = 36
KINDS = ("title", "figures", "chart", "sources")


@dataclass(frozen=True)
class Figure:
    """One big number on the headline slide: its label, the value already in id-ID
    (``2.858``, ``± 900``) and an optional note under it."""

    label: str
    value: str
    note: str = ""


@dataclass
class Slide:
    """One idea on one slide.

    ``key`` names the slide (title, figures, products, workforce, regions, phases,
    sources); ``kind`` says how to lay it out (title, figures, chart, sources). ``charts``
    holds Altair charts drawn at the slide scale, without their own title (the slide has
    it); ``table`` a frame of texts already formatted; ``notes`` short lines under the
    content; ``footer`` the source; ``sample`` whether the figures come from the synthetic
    sample (shown with the "data contoh (sintetis)" badge).
    """

    key: str
    kind: str
    title: str
    subtitle: str = ""
    lines: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    charts: list[alt.TopLevelMixin] = field(default_factory=list)
    data: list[pd.DataFrame] = field(default_factory=list)
    table: pd.DataFrame | None = None
    notes: list[str] = field(default_factory=list)
    footer: str = ""
    sample: bool = False
    sample_label: str = ""

    @property
    def texts(self) -> list[str]:
        """Every text of the slide, in reading order (for tests and search)."""
        out = [self.title, self.subtitle, *self.lines]
        for f in self.figures:
            out += [f.value, f.label, f.note]
        if self.table is not None:
            out += list(self.table.columns) + [str(v) for v in self.table.to_numpy().ravel()]
        out += [*self.notes, self.footer]
        return [x for x in out if x]


# -- helpers -------------------------------------------------------------------------------
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """``3`` gives ``"III"``, ``44`` ``"XLIV"``, ``99`` ``"XCIX"`` (how the department numbers
    the phases; the store holds phases 1-99). Zero and negative numbers stay digits."""
    out, n = "", int(n)
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out or str(n)


def phase_name(phase: int, lang: str) -> str:
    """``Tahap III`` / ``Phase III``."""
    return t("present.phase", lang, roman=roman(phase))


def _published_as_of(ds: Dataset, phase: int) -> str:
    """The date of the department's own release for ``phase`` (``2020-07``), or ''."""
    dates = [p.as_of for p in ds.ref.published_for(phase) if p.scope == DEPARTMENT_SCOPE and p.as_of]
    return min(dates) if dates else ""


def as_of(ds: Dataset, phase: int, lang: str = "id") -> str:
    """What date the phase's figures are as of (``13 Juli 2020``): the date recorded with
    the uploaded version; the release for published figures and the sample (which equals
    the release). An upload recorded without a date gives its upload day, worded as such
    (``diunggah 14 November 2026``), never as the data's date."""
    meta = ds.state.current(phase)
    if meta is not None and not meta.sample:
        if meta.as_of:
            return fmt_date(meta.as_of, lang)
        return t("versions.when.uploaded", lang, date=fmt_date(meta.upload_day, lang))
    published = _published_as_of(ds, phase)
    return fmt_date(published, lang) if published else "–"


def footer(ds: Dataset, phase: int, lang: str) -> str:
    """The source line of a slide: ``Sumber: Dinas Perindustrian NTB, Tahap III`` and what
    the figures are (sample, upload or release)."""
    head = t("present.footer", lang, phase=phase_name(phase, lang))
    meta = ds.state.current(phase)
    if meta is not None and meta.sample:
        what = t("present.footer.sample", lang, version=meta.version, as_of=as_of(ds, phase, lang))
    elif meta is not None:
        when = (t("versions.when.as_of", lang, date=as_of(ds, phase, lang)) if meta.as_of
                else as_of(ds, phase, lang))
        what = t("present.footer.upload", lang, file=meta.file, version=meta.version, when=when)
    else:
        figures = [p for p in ds.ref.published_for(phase) if p.scope == DEPARTMENT_SCOPE]
        source = figures[0].source_in(lang) if figures else "–"
        what = t("present.footer.published", lang, as_of=as_of(ds, phase, lang), source=_short(source))
    return f"{head} · {what}"


def _short(text: str, limit: int = 90) -> str:
    text = str(text).split(";")[0].strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _bare(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The chart without its own title and source (the slide shows both)."""
    chart.title = alt.Undefined
    return chart


def _scope_text(ds: Dataset, f: Filters, lang: str) -> str:
    return " · ".join(ds.describe(f, lang))


# -- the sequence --------------------------------------------------------------------------
def build(ds: Dataset, f: Filters, lang: str = "id", *, scale: float = SLIDE_SCALE,
          today: dt.date | None = None) -> list[Slide]:
    """The slides for ``f.phase`` (and its regency/product filters) in ``lang``.

    Charts are drawn at ``scale`` (type size) without interaction. Returns an empty list
    when the phase has neither participant rows nor published figures. Raises ValueError
    when ``f.phase`` is None.
    """
    if f.phase is None:
        raise ValueError("a presentation is about one phase")
    phase = int(f.phase)
    has_rows = phase in ds.data_phases()
    summary = queries.phase_summaries(ds)
    row = summary[summary["phase"] == phase]
    if not has_rows and row.empty:
        return []
    sample = phase in ds.sample_phases
    foot = footer(ds, phase, lang)
    badge = t("sample.badge", lang) if sample else ""

    def slide(key: str, kind: str, title: str, **kw) -> Slide:
        kw.setdefault("footer", foot)
        return Slide(key=key, kind=kind, title=title, sample=sample, sample_label=badge, **kw)

    out = [_title_slide(ds, f, lang, today, slide)]
    if has_rows:
        out += _data_slides(ds, f, lang, scale, slide)
        out += _theme_slides(ds, f, lang, scale, slide)
    else:
        out += _published_slides(ds, phase, row.iloc[0], lang, scale, slide)
    out.append(_phases_slide(ds, f, lang, scale, slide))
    out.append(_sources_slide(ds, phase, summary, lang, slide))
    return out


def _title_slide(ds, f, lang, today, slide) -> Slide:
    phase = int(f.phase)
    today = today or dt.date.today()
    meta = ds.state.current(phase)
    dated = meta is None or meta.sample or bool(meta.as_of)
    lines = [t("present.title.as_of" if dated else "versions.title.uploaded", lang, as_of=as_of(ds, phase, lang))]
    scope = _scope_text(ds, f, lang)
    if scope:
        lines.append(t("present.title.scope", lang, what=scope))
    lines.append(t("present.title.date", lang, date=fmt_date(today, lang)))
    # the long line describes JPS Gemilang only: another programme's slide names just itself
    programme = meta.programme if meta is not None else t("present.programme", lang)
    jps = programme == t("present.programme", lang)
    return slide("title", "title", f"{programme} — {phase_name(phase, lang)}",
                 subtitle=t("present.programme.long", lang) if jps else "", lines=lines,
                 notes=[t("present.department", lang)])


def _data_slides(ds, f, lang, scale, slide) -> list[Slide]:
    phase = int(f.phase)
    k = queries.kpis(ds, f)
    figures = [
        Figure(t("metric.enterprises", lang), fmt_int(k["enterprises"])),
        Figure(t("metric.workers", lang), fmt_int(k["workers"]),
               t("present.figures.per_enterprise", lang, n=fmt_num(k["workers_per_enterprise"]))
               if k["workers_per_enterprise"] else ""),
        Figure(t("metric.products", lang), fmt_int(k["products"])),
        Figure(t("metric.regencies", lang), fmt_int(k["regencies"])),
    ]
    notes = []
    if k["product_enterprises"] != k["enterprises"]:
        notes.append(t("present.figures.multi", lang, pairs=fmt_int(k["product_enterprises"]),
                       enterprises=fmt_int(k["enterprises"])))
    out = [slide("figures", "figures", f"{t('present.figures.title', lang)} — {phase_name(phase, lang)}",
                 figures=figures, notes=notes)]

    products = queries.by_product(ds, f, lang)
    out.append(slide(
        "products", "chart", t("present.products.title", lang),
        charts=[_bare(charts.by_product(products, lang=lang, source="", interactive=False, scale=scale,
                                        label_wrap=LABEL_WRAP))],
        data=[products], notes=[t("present.products.note", lang, total=fmt_int(k["enterprises"]))]))

    groups = queries.worker_groups(ds, f, lang)
    title, note = workforce_texts(ds, phase, lang)
    out.append(slide(
        "workforce", "chart", title,
        charts=[_bare(charts.by_worker_group(groups, lang=lang, source="", scale=scale, label_wrap=LABEL_WRAP))],
        data=[groups], notes=[note]))

    regions = queries.by_regency(ds, f)
    present = regions[regions["enterprises"] > 0]
    notes = []
    if not present.empty:
        top = present.iloc[0]
        notes.append(t("present.regions.note", lang, n=len(present), total=len(ds.ref.regencies),
                       top=top["regency"], count=fmt_int(top["enterprises"])))
    out.append(slide(
        "regions", "chart", t("present.regions.title", lang),
        charts=[_bare(charts.ntb_map(regions, load_coastline(), lang=lang, source="", interactive=False,
                                     scale=scale))],
        data=[regions.drop(columns=["lat", "lon"])], notes=notes))
    return out


def workforce_texts(ds: Dataset, phase: int, lang: str) -> tuple[str, str]:
    """The workforce chart's title and note (slide and Produk page) for a phase with rows,
    true to its source: the
    sample equals the release (the release's wording); an upload's workers come from its
    rows, grouped like the release where the phase has one, else per product."""
    meta = ds.state.current(phase)
    grouped = bool(ds.ref.worker_groups(phase))
    title = t("present.workforce.title" if grouped else "present.fix.workforce.title.products", lang)
    if meta is None or meta.sample:
        return title, t("produk.groups_note", lang)
    return title, t("present.fix.workforce.upload_grouped" if grouped else "present.fix.workforce.upload", lang)


def _theme_slides(ds, f, lang, scale, slide) -> list[Slide]:
    """Standardisation (enterprises holding each certification) and the tourism market
    (suppliers by product, the main partners), each only where the phase's data gives it;
    every count said of how many enterprises with data it is."""
    from ikm_data import theme_charts, themes

    c, out = themes.counts(ds, f), []
    kinds = [k for k in (*schema.CERTIFICATIONS, "certified") if c[f"{k}_known"]]
    if kinds:
        frame = pd.DataFrame({"label": [t(f"themes.cert.{k}", lang) for k in kinds],
                              "held": [c[k] for k in kinds], "held_known": [c[f"{k}_known"] for k in kinds],
                              "enterprises": c["enterprises"]})
        cells = ", ".join(f"{label} {t('themes.cell', lang, held=fmt_int(h), known=fmt_int(k))}"
                          for label, h, k in zip(frame["label"], frame["held"], frame["held_known"]))
        out.append(slide("standardisation", "chart", t("present.standard.title", lang), charts=[_bare(
            theme_charts.flag_bars(frame, flag="held", title="", source="", lang=lang, scale=scale,
                                   label_wrap=LABEL_WRAP))], data=[_counted(frame, "held")],
            notes=[t("present.standard.note", lang, list=cells),
                   t("present.standard.none", lang, none=fmt_int(c["none"]))]))
    if c["tourism_market"]:
        frame = themes.counts_by(ds, f, "product", lang)
        frame = frame[frame["tourism_market"] > 0].reset_index(drop=True)
        n, known = c["tourism_market"], c["tourism_market_known"]
        notes = [t("present.tourism.note", lang, n=fmt_int(n), known=fmt_int(known), share=fmt_pct(n / known))]
        partners = themes.partners(ds, f, lang).head(3)
        if not partners.empty:
            notes.append(t("present.tourism.partners", lang, list=", ".join(
                t("present.tourism.partner", lang, partner=p, n=fmt_int(n))
                for p, n in zip(partners["partner"], partners["enterprises"]))))
        out.append(slide("tourism", "chart", t("present.tourism.title", lang), charts=[_bare(
            theme_charts.flag_bars(frame, flag="tourism_market", title="", source="", lang=lang, scale=scale,
                                   color=PALETTE[0], label_wrap=LABEL_WRAP))],
            data=[_counted(frame, "tourism_market")], notes=notes))
    return out


def _counted(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """A theme slide's data: each group (``label``) and its enterprises holding the flag."""
    return pd.DataFrame({"label": frame["label"], "enterprises": frame[column].astype(int)})


def _published_slides(ds, phase, row, lang, scale, slide) -> list[Slide]:
    # "±" only on the figure the release itself gives as approximate (per metric)
    approximate = {p.metric for p in ds.ref.published_for(phase)
                   if p.scope == DEPARTMENT_SCOPE and p.is_total and p.approximate}
    approx = bool(approximate)
    figures = []
    for metric in ("enterprises", "workers"):
        value = row[metric]
        if value is not None and not pd.isna(value):
            mark = "± " if metric in approximate else ""
            figures.append(Figure(t(f"metric.{metric}", lang), mark + fmt_int(value)))
    products = queries.published_products(ds, phase, lang)
    if not products.empty:
        figures.append(Figure(t("metric.products", lang), fmt_int(len(products))))
    notes = [t("present.figures.published_only", lang)]
    if approx:
        notes.append(t("present.figures.approx", lang))
    out = [slide("figures", "figures", f"{t('present.figures.title', lang)} — {phase_name(phase, lang)}",
                 figures=figures, notes=notes)]
    if not products.empty:
        out.append(slide(
            "products", "chart", t("present.products.title", lang),
            charts=[_bare(charts.by_product(products, lang=lang, source="", interactive=False, scale=scale,
                                            label_wrap=LABEL_WRAP))],
            data=[products]))
        frame = _published_groups(ds, phase, lang)
        if not frame.empty:
            out.append(slide(
                "workforce", "chart", t("present.workforce.title", lang),
                charts=[_bare(charts.by_worker_group(frame, lang=lang, source="", scale=scale,
                                                     label_wrap=LABEL_WRAP))],
                data=[frame], notes=[t("produk.groups_note", lang)]))
    return out


def _published_groups(ds: Dataset, phase: int, lang: str) -> pd.DataFrame:
    """Workers per group exactly as the release gives them (one figure for several
    products stays one figure), with the enterprises the release gives for its members."""
    figures = [p for p in ds.ref.published_for(phase) if p.scope == DEPARTMENT_SCOPE and not p.is_total]
    enterprises = {p.commodity: p.value for p in figures if p.metric == "enterprises"}
    by_code = {c: v for label, v in enterprises.items() for c in ds.ref.members(label)[:1]}
    rows = []
    for p in (p for p in figures if p.metric == "workers"):
        members = ds.ref.members(p.commodity)
        whole = ds.ref.resolve_product(p.commodity)  # one product (or one combined product)
        if whole:
            label = ds.ref.product_name(whole, lang)
        else:  # the release's own words; in English each member's English name
            label = p.commodity if lang != "en" else " / ".join(ds.ref.product_name(c, lang) for c in members)
        count = enterprises.get(p.commodity)
        if count is None:
            count = sum(by_code.get(c, 0) for c in members) or None
        rows.append({"group": label, "products": ", ".join(ds.ref.product_name(c, lang) for c in members),
                     "enterprises": count, "workers": p.value})
    frame = pd.DataFrame(rows, columns=["group", "products", "enterprises", "workers"])
    return frame.sort_values("workers", ascending=False, ignore_index=True)


def _phases_slide(ds, f, lang, scale, slide) -> Slide:
    """Every phase side by side within the regency/product filters, like with like
    (``queries.phase_summaries``); each phase named in Roman numerals."""
    phases = queries.phase_summaries(ds, f)
    name = lambda p: phase_name(p, lang)  # noqa: E731
    # a metric no phase has a comparable figure for gets no chart (one stays: the layouts need one)
    metrics = [m for m in ("enterprises", "workers") if phases[m].notna().any()] or ["enterprises"]
    built = [_bare(charts.by_phase(phases, metric=m, lang=lang, source="", scale=scale, phase_label=name))
             for m in metrics]
    notes = []
    if phases["approx_enterprises"].any() or phases["approx_workers"].any():
        notes.append(t("phases.approx_note", lang))
    # what the release says of its own exact figures ("counted on launch day")
    notes += [f"{phase_name(int(r['phase']), lang)}: {r['note' if lang == 'en' else 'note_id']}"
              for r in phases.to_dict("records") if r["source_kind"] == "published" and not r["approximate"]
              and r["note_id"] and (pd.notna(r["enterprises"]) or pd.notna(r["workers"]))]
    if f.regencies or f.products:
        notes.append(t("phases.filtered.short", lang, what=_scope_text(ds, f, lang)))
        notes += _gap_notes(phases, lang)
    # the comparison mixes phases: sample flag only if the sample is among them
    slide_ = slide("phases", "chart", t("present.phases.title", lang), charts=built,
                   data=[phases.drop(columns=["scope"])], notes=notes,
                   footer=t("present.footer.phases", lang))
    _mark_sample(slide_, ds, lang)
    return slide_


def _gap_notes(phases: pd.DataFrame, lang: str) -> list[str]:
    """Which phases the filters leave without a comparable figure, and why:
    ``Tahap I, Tahap II: rilis tidak merinci per kabupaten/kota`` (a phase missing one
    metric only names it: ``Tahap III (Tenaga kerja)``). Figures never published at all
    are not repeated here."""
    reasons: dict[str, dict[int, list[str]]] = {}
    for row in phases.to_dict("records"):
        for metric in ("enterprises", "workers"):
            why = row[f"why_{metric}"]
            if why and why != "unpublished":
                reasons.setdefault(why, {}).setdefault(int(row["phase"]), []).append(metric)
    out = []
    for why, by_phase in reasons.items():
        names = [phase_name(p, lang) + ("" if len(ms) == 2 else f" ({t(f'metric.{ms[0]}', lang)})")
                 for p, ms in by_phase.items()]
        out.append(f"{', '.join(names)}: {t(f'phases.why.{why}', lang)}")
    return out


def _mark_sample(slide_: Slide, ds: Dataset, lang: str) -> None:
    """Badge a slide that shows every phase when any phase's data is the sample."""
    slide_.sample = bool(ds.sample_phases)
    slide_.sample_label = t("sample.badge", lang) if slide_.sample else ""


def _sources_slide(ds, phase, summary, lang, slide) -> Slide:
    rows = []
    for r in summary.itertuples():
        rows.append({
            t("present.sources.col.phase", lang): phase_name(int(r.phase), lang),
            t("metric.enterprises", lang): ("± " if r.approx_enterprises else "") + fmt_int(r.enterprises),
            t("metric.workers", lang): ("± " if r.approx_workers else "") + fmt_int(r.workers),
            t("present.sources.col.kind", lang): t(f"source.kind.{r.source_kind}", lang),
            t("present.sources.col.source", lang): _short(r.source_id if lang == "id" else r.source, 70),
        })
    notes = [t("present.sources.counting", lang)]
    if ds.sample_phases:
        notes += [t("present.sources.sample", lang, roman=roman(p)) for p in sorted(ds.sample_phases)]
    slide_ = slide("sources", "sources", t("present.sources.title", lang), table=pd.DataFrame(rows),
                   notes=notes, footer=t("present.footer.sources", lang))
    _mark_sample(slide_, ds, lang)
    return slide_
