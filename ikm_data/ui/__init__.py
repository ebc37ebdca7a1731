"""The UI layer: the only part of ``ikm_data`` that imports streamlit. It wires the
library to the visitor's session; logic stays in the rest of the library. Pages use it as
``from ikm_data import ui`` and call what this module re-exports; by concern:

- ``data``: the store opened once, a dataset per state, cached queries (``query(queries.kpis, f)``)
- ``session``: language, the sidebar's filters kept in step with the URL query ("Salin
  tautan"), messages for the next rerun
- ``widgets``: page header, source captions, ``chart(...)`` with its downloads, ``downloads``
- ``share``: the open-data package's download (Tentang Data)
- ``upload``: the Unggah Data page (worker process, history actions, damage panel, repair)
- ``present``: the Presentasi page's slides (``present.css``, ``slide_keys.js``)
- ``serve``: the server (``python -m ikm_data serve``) and each run of a page
- ``bulk``: Direktori's full download of the filtered phase (built when asked, with progress)
- ``signin``: who is signed in (session or signed cookie), the sign-in form, sign-out, guards
  and the audit log (``log``, ``audit_events``); ``reveal``: one record's personal data (admin)
- ``style``: the stylesheet of every page (``page.css`` plus translated widget texts)
- ``themes``: what the theme pages share (the guard of unknown data, cards with their denominators)
"""

from ikm_data.ui.bulk import phase_downloads
from ikm_data.ui.data import (
    clear_caches,
    confirm_key,
    dataset,
    has_rows,
    phase_options,
    product_options,
    published_only_phases,
    query,
    shown_versions,
    store,
    store_damage,
)
from ikm_data.ui.present import (
    PRESENT_CHART_HEIGHT,
    PRESENT_CHART_SCALE,
    PRESENT_DESIGN_WIDTH,
    PRESENT_KEYS_KEY,
    PRESENT_SLIDE_KEY,
    deck_download,
    go_to_slide,
    phase_name,
    present_mode,
    slide_chart,
    slide_cover,
    slide_deck,
    slide_figures,
    slide_footer,
    slide_head,
    slide_index,
    slide_keys,
    slide_notes,
    slide_table,
)
from ikm_data.ui.jobs import deck_file, upload_jobs_panel
from ikm_data.ui.reveal import reveal_panel
from ikm_data.ui.serve import run, serve
from ikm_data.ui.session import (
    LANG_KEY,
    PHASE_KEY,
    PRODUCT_KEY,
    REGENCY_KEY,
    active_filters,
    copy_link,
    default_phase,
    filters,
    flash,
    lang,
    max_upload_mb,
    open_link,
    product_label,
    show_flashes,
    sidebar,
    tr,
)
from ikm_data.ui.share import datapackage_download
from ikm_data.ui.themes import flag_metric, theme_counts
from ikm_data.ui.signin import (
    Who,
    allowed,
    audit_events,
    current,
    log,
    permitted,
    role,
    sign_in_form,
    sign_in_prompt,
    signed_out_note,
    user_name,
)
from ikm_data.ui.upload import (
    AS_OF_MIN,
    DEFAULT_PROGRAMME,
    PROGRAMME_MAX,
    SHEET_KEY,
    UPLOAD_KEY,
    XLSX_MIME,
    damage_panel,
    follow_upload_mode,
    manual_mapping,
    preselect_sheet,
    remember_seen,
    remove_phase_data,
    remove_sample_data,
    repair_store,
    rollback_confirmation,
    rollback_version,
    set_manual_mapping,
    template_bytes,
    today,
    upload_check,
    upload_commit,
    upload_phase_default,
    upload_prepare,
    upload_sheets,
)
from ikm_data.ui.widgets import (
    Download,
    chart,
    downloads,
    page_header,
    selected,
    show_ikm_error,
    source_label,
)

__all__ = [
    "AS_OF_MIN", "DEFAULT_PROGRAMME", "LANG_KEY", "PHASE_KEY", "PRESENT_CHART_HEIGHT",
    "PRESENT_CHART_SCALE", "PRESENT_DESIGN_WIDTH", "PRESENT_KEYS_KEY",
    "PRESENT_SLIDE_KEY", "PRODUCT_KEY", "PROGRAMME_MAX", "REGENCY_KEY", "SHEET_KEY", "UPLOAD_KEY",
    "XLSX_MIME", "Download", "active_filters", "chart", "clear_caches", "confirm_key", "damage_panel",
    "dataset", "deck_download", "downloads", "filters", "flash", "follow_upload_mode", "go_to_slide",
    "has_rows", "lang", "manual_mapping", "max_upload_mb", "page_header", "phase_downloads",
    "phase_name", "phase_options",
    "preselect_sheet", "present_mode", "product_label", "product_options", "published_only_phases",
    "query", "remember_seen", "remove_phase_data", "remove_sample_data", "repair_store",
    "rollback_confirmation", "rollback_version", "run", "selected", "serve", "set_manual_mapping",
    "show_flashes", "show_ikm_error", "shown_versions", "sidebar", "slide_chart", "slide_cover",
    "slide_deck", "slide_figures", "slide_footer", "slide_head", "slide_index", "slide_keys",
    "slide_notes", "slide_table", "source_label", "store", "store_damage", "template_bytes", "today",
    "theme_counts", "flag_metric", "tr", "upload_check", "upload_commit", "upload_phase_default", "upload_prepare",
    "upload_sheets", "upload_jobs_panel", "deck_file",  # ui.jobs: long work
    "copy_link", "datapackage_download", "default_phase", "open_link",  # ui.session, ui.share: sharing
    "reveal_panel", "Who", "allowed", "audit_events", "current", "log", "permitted", "role",
    "sign_in_form", "sign_in_prompt", "signed_out_note", "user_name",  # ui.signin, ui.reveal: access
]
