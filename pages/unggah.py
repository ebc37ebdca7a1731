"""Unggah Data: upload a phase's file, see every error with its row and column, commit it
as a new version with its data's date and programme, and manage the history (rollback,
removing a phase or the sample, each confirmed first)."""

import streamlit as st

from ikm_data import importer, tables, ui, upload_tables
from ikm_data.formatting import fmt_datetime, fmt_int
from ikm_data.markup import escape
from ikm_data.i18n import t

ui.page_header("unggah.page", "unggah.caption")
lang = ui.lang()
ui.show_flashes()
if not ui.allowed("upload"):  # a visitor or viewer: what is needed, and where to sign in
    st.info(ui.tr("access.upload.need"), icon=":material/lock:")
    st.page_link("pages/akun.py", label=ui.tr("access.goto"), icon=":material/login:",
                 query_params={"ke": "/unggah-data"})
    st.stop()
author = ui.user_name()  # the signed-in account is the author of every change made here
ui.upload_jobs_panel()  # this account's commits: still running, or how they ended (also after leaving)
damage = ui.store_damage()  # a damaged store: what is wrong, the repair button, the history below
if damage:
    ui.damage_panel(damage, repair=True)
    if not damage.report.state_readable:
        st.stop()  # no history to show until state.json is rebuilt

with st.expander(ui.tr("unggah.template.title"), icon=":material/table_view:"):
    st.markdown(ui.tr("unggah.template.body"))
    st.download_button(ui.tr("unggah.template.download"), data=ui.template_bytes(),
                       file_name="templat_data_ikm_ntb.xlsx", mime=ui.XLSX_MIME, key="unggah_template",
                       on_click="ignore", icon=":material/download:")

# any type is accepted here: the reader explains in the official's language what is wrong
uploaded = st.file_uploader(ui.tr("unggah.file"), key=ui.UPLOAD_KEY, help=ui.tr("unggah.file.help"),
                            disabled=damage is not None)

if uploaded is not None:
    sheets = ui.upload_sheets(uploaded)
    if sheets is None:
        st.stop()
    prepared = ui.upload_prepare(uploaded, None)  # a workbook: the sheet whose header matches best
    if prepared is None:
        st.stop()
    if len(sheets) > 1:
        ui.preselect_sheet(uploaded, prepared.raw.sheet)
        sheet = st.selectbox(ui.tr("unggah.sheet"), sheets, key=ui.SHEET_KEY)
        if sheet != prepared.raw.sheet:
            prepared = ui.upload_prepare(uploaded, sheet)
            if prepared is None:
                st.stop()
        elif prepared.auto_sheet:
            auto = prepared.auto_sheet
            st.caption(ui.tr("reading.sheet.auto", sheet=escape(auto["sheet"]), found=fmt_int(auto["required"]),
                             total=fmt_int(auto["required_total"])))
    raw = prepared.raw
    st.caption(ui.tr("unggah.read", file=escape(raw.file_name), kind=raw.kind.upper(),
                     sheet=ui.tr("unggah.read.sheet", sheet=escape(raw.sheet)) if raw.sheet else "",
                     header=" + ".join(str(r) for r in prepared.layout.header_rows)))

    # -- mode, then phase (its default follows the mode)
    left, right = st.columns(2)
    with left:
        mode = st.radio(ui.tr("unggah.mode"), importer.MODES, key="unggah_mode", horizontal=True,
                        format_func=lambda m: t(f"unggah.mode.{m}", lang), help=ui.tr("unggah.mode.help"),
                        on_change=ui.follow_upload_mode, args=("unggah_mode", "unggah_phase"))
    with right:
        phase = None
        if prepared.has_phase_column:
            use_file = st.checkbox(ui.tr("unggah.phase.from_file"), value=True, key="unggah_phase_from_file")
        if not prepared.has_phase_column or not use_file:
            phase = int(st.number_input(ui.tr("unggah.phase"), min_value=1, max_value=99, step=1,
                                        value=ui.upload_phase_default(mode), key="unggah_phase"))

    # -- column mapping
    cmap = prepared.cmap
    if cmap.remembered:
        st.info(ui.tr("unggah.mapping.remembered"), icon=":material/bookmark:")
    if cmap.missing:
        st.warning(ui.tr("unggah.mapping.missing", fields=", ".join(
            upload_tables.field_label(f, lang) for f in cmap.missing)))
        with st.form("unggah_mapping"):
            choices = {}
            headers = [""] + prepared.layout.labels
            for field in upload_tables.manual_fields(cmap):
                choices[field] = st.selectbox(
                    upload_tables.field_label(field, lang), headers, key=f"unggah_map_{field}",
                    format_func=lambda h: h or t("unggah.mapping.none", lang))
            if st.form_submit_button(ui.tr("unggah.mapping.apply"), type="primary"):
                ui.set_manual_mapping(uploaded, prepared, {**cmap.manual, **choices})
                st.rerun()
    with st.expander(ui.tr("unggah.mapping.table"), expanded=bool(cmap.missing)):
        st.dataframe(upload_tables.mapping_frame(cmap, lang), hide_index=True)
        if cmap.manual and st.button(ui.tr("unggah.mapping.reset"), key="unggah_mapping_reset"):
            ui.set_manual_mapping(uploaded, prepared, {})
            st.rerun()

    # -- the check
    outcome = ui.upload_check(uploaded, prepared, phase, mode)  # under a line counting the seconds
    if outcome is None:
        st.stop()
    report = outcome.report
    cols = st.columns(3)
    cols[0].metric(ui.tr("unggah.summary.rows"), fmt_int(report.rows), border=True)
    cols[1].metric(ui.tr("unggah.summary.errors"), fmt_int(report.errors_total), border=True)
    cols[2].metric(ui.tr("unggah.summary.warnings"), fmt_int(report.warnings_total), border=True)
    st.caption(ui.tr("unggah.skipped", **{k: fmt_int(v) for k, v in report.skipped.items()}))
    if report.valid:
        st.success(ui.tr("unggah.valid"), icon=":material/check_circle:")
    else:
        st.error(ui.tr("unggah.invalid", errors=fmt_int(report.errors_total)), icon=":material/error:")

    if report.errors or report.warnings:
        dl = st.columns(2)
        dl[0].download_button(ui.tr("unggah.download.csv"), data=upload_tables.report_download(report, lang, "csv"),
                              file_name="kesalahan_unggahan.csv", mime="text/csv", key="unggah_dl_csv",
                              on_click="ignore", icon=":material/download:")
        dl[1].download_button(ui.tr("unggah.download.xlsx"), data=upload_tables.report_download(report, lang, "xlsx"),
                              file_name="kesalahan_unggahan.xlsx", mime=ui.XLSX_MIME, key="unggah_dl_xlsx",
                              on_click="ignore", icon=":material/download:")
    if report.errors:
        st.subheader(ui.tr("unggah.errors.title"))
        st.dataframe(upload_tables.issues_frame(report.errors, lang), hide_index=True, key="unggah_errors")
        if report.errors_total > len(report.errors):
            st.caption(ui.tr("unggah.issues.truncated", shown=fmt_int(len(report.errors)),
                             total=fmt_int(report.errors_total)))
    if report.warnings:
        st.subheader(ui.tr("unggah.warnings.title"))
        st.dataframe(upload_tables.issues_frame(report.warnings, lang), hide_index=True, key="unggah_warnings")
    if report.totals:
        st.subheader(ui.tr("unggah.totals.title"))
        st.dataframe(upload_tables.totals_frame(report, lang), hide_index=True)
    if report.rows:
        st.subheader(ui.tr("unggah.preview.title"))
        st.dataframe(upload_tables.preview_frame(report, lang), hide_index=True, key="unggah_preview")

    # -- effect and commit
    if report.valid:
        st.subheader(ui.tr("unggah.effect.title"))
        for effect in upload_tables.effect_lines(outcome.effect, lang):
            st.markdown(f"**{effect['title']}**")
            for col, metric in zip(st.columns(len(effect["metrics"])), effect["metrics"]):
                col.metric(metric["label"], metric["value"], metric["delta"], border=True)
            for note in effect["notes"]:
                st.info(note)
        st.subheader(ui.tr("unggah.commit.title"))
        cols = st.columns(2)
        as_of = cols[0].date_input(ui.tr("versions.unggah.as_of"), value=None, min_value=ui.AS_OF_MIN,
                                   max_value=ui.today(), format="DD/MM/YYYY", key="unggah_as_of",
                                   help=ui.tr("versions.unggah.as_of.help"))
        programme = cols[1].text_input(ui.tr("versions.unggah.programme"), value=ui.DEFAULT_PROGRAMME,
                                       max_chars=ui.PROGRAMME_MAX, key="unggah_programme",
                                       help=ui.tr("versions.unggah.programme.help"))
        st.caption(ui.tr("access.upload.author", user=escape(author)))
        if st.button(ui.tr("unggah.commit.button"), type="primary", key="unggah_commit",
                     icon=":material/save:", on_click=ui.remember_seen, args=(outcome.seen,)):
            if as_of is None:
                st.warning(ui.tr("versions.unggah.need_as_of"))
            elif ui.upload_commit(uploaded, prepared, phase, mode, as_of=as_of, programme=programme,
                                  phases=report.phases):
                st.rerun()  # the commit goes on apart from the page; the panel above follows it

# -- history: rollback, removing a phase, the sample (each confirmed before it acts)
st.divider()
st.subheader(ui.tr("unggah.history.title"))
history = ui.store().history()
if not history:
    st.info(ui.tr("unggah.history.empty"))
else:
    st.caption(ui.tr("unggah.history.caption"))
    st.dataframe(tables.history(history, lang).display(), hide_index=True, key="unggah_history")
    by_version = {m.version: m for m in history}
    target = st.selectbox(
        ui.tr("unggah.history.pick"), list(by_version), key="unggah_rollback_version",
        format_func=lambda v: t("unggah.history.option", lang, version=v, phase=by_version[v].phase,
                                mode=t(f"history.mode.{by_version[v].mode}", lang),
                                file=by_version[v].file, at=fmt_datetime(by_version[v].at, lang)))
    confirm = st.checkbox(ui.rollback_confirmation(by_version[target]),
                          key=ui.confirm_key(f"unggah_confirm_rollback_{target}"))
    if st.button(ui.tr("unggah.history.rollback"), key="unggah_rollback", icon=":material/history:",
                 disabled=not confirm) and confirm:
        meta = ui.rollback_version(target)
        ui.flash("success", ui.tr("unggah.history.done", phase=meta.phase, target=target, version=meta.version))
        st.rerun()

    if damage:
        st.stop()  # removing needs readable data: repair or roll back first
    st.subheader(ui.tr("versions.remove.title"))
    st.caption(ui.tr("versions.remove.caption"))
    shown = ui.shown_versions()
    if shown:
        gone = st.selectbox(ui.tr("versions.remove.pick"), list(shown), key="unggah_remove_phase",
                            format_func=lambda p: t("versions.remove.option", lang, phase=p,
                                                    version=shown[p].version, file=shown[p].file))
        now = shown[gone]
        confirm = st.checkbox(
            ui.tr("versions.remove.confirm", phase=gone, version=now.version, rows=fmt_int(now.rows),
                  enterprises=fmt_int(now.enterprises), workers=fmt_int(now.workers)),
            key=ui.confirm_key(f"unggah_confirm_remove_phase_{gone}"))
        if st.button(ui.tr("versions.remove.button"), key="unggah_remove_phase_button", icon=":material/delete:",
                     disabled=not confirm) and confirm:
            meta = ui.remove_phase_data(gone)
            if meta is not None:
                ui.flash("success", ui.tr("versions.remove.done", phase=gone, version=meta.version))
            st.rerun()
    else:
        st.info(ui.tr("versions.remove.none"))
    published_only = ui.published_only_phases()
    if published_only:
        st.caption(ui.tr("versions.remove.published_note", phases=", ".join(str(p) for p in published_only)))

st.subheader(ui.tr("unggah.sample.title"))
sample_phases = sorted(ui.dataset().sample_phases)
if sample_phases:
    phases_text = ", ".join(str(p) for p in sample_phases)
    st.warning(ui.tr("unggah.sample.present", phases=phases_text))
    confirm = st.checkbox(ui.tr("versions.sample.confirm", phases=phases_text),
                          key=ui.confirm_key("unggah_confirm_remove_sample"))
    if st.button(ui.tr("unggah.sample.remove"), key="unggah_remove_sample", icon=":material/delete:",
                 disabled=not confirm) and confirm:
        removed = ui.remove_sample_data()
        ui.flash("success", ui.tr("unggah.sample.removed", versions=", ".join(m.version for m in removed)))
        st.rerun()
else:
    st.success(ui.tr("unggah.sample.absent"))
