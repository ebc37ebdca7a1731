"""Log Audit (admin only): who did what and when, filtered by date, event and user,
newest first, a page at a time, times in WITA."""

import streamlit as st

from ikm_data import audit, ui
from ikm_data.formatting import fmt_int
from ikm_data.i18n import t

st.title(ui.tr("audit.page"))
if not ui.allowed("audit"):
    st.error(ui.tr("access.audit.need"), icon=":material/lock:")
    st.stop()
st.caption(ui.tr("audit.caption"))
lang = ui.lang()
events = ui.audit_events()
cols = st.columns(4)
since = cols[0].date_input(ui.tr("audit.filter.since"), value=None, format="DD/MM/YYYY", key="audit_since")
until = cols[1].date_input(ui.tr("audit.filter.until"), value=None, format="DD/MM/YYYY", key="audit_until")
event = cols[2].selectbox(ui.tr("audit.filter.event"), [""] + list(audit.EVENTS), key="audit_event",
                          format_func=lambda e: audit.event_label(e, lang) if e else t("audit.filter.all", lang))
users = sorted({e.get("user", "-") for e in events})
user = cols[3].selectbox(ui.tr("audit.filter.user"), [""] + users, key="audit_user",
                         format_func=lambda u: u or t("audit.filter.all", lang))
chosen = audit.select(events, since=since, until=until, event=event or None, user=user or None)
if not chosen:
    st.info(ui.tr("audit.empty"))
    st.stop()
pages = max(1, -(-len(chosen) // audit.AUDIT_PAGE_SIZE))
page = st.number_input(ui.tr("audit.page_no", pages=fmt_int(pages)), min_value=1, max_value=pages, value=1,
                       step=1, key="audit_page")
shown = audit.page_of(chosen, int(page))
first = (int(page) - 1) * audit.AUDIT_PAGE_SIZE + 1
st.caption(ui.tr("audit.showing", first=fmt_int(first), last=fmt_int(first + len(shown) - 1),
                 total=fmt_int(len(chosen))))
st.dataframe(audit.frame(shown, lang), hide_index=True, key="audit_table")
