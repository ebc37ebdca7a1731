"""Masuk: sign in with an account name and password (or the office account where OIDC is
switched on); who is signed in (signing out is in the sidebar)."""

import streamlit as st

from ikm_data import ui
from ikm_data.markup import escape

st.title(ui.tr("access.page"))
ui.show_flashes()
who = ui.current()
if who is not None:
    st.success(ui.tr("access.signed_in", user=escape(who.user), role=ui.tr(f"access.role.{who.role}")),
               icon=":material/verified_user:")
    st.stop()
ui.signed_out_note()
st.caption(ui.tr("access.page.caption.required" if not ui.allowed("view") else "access.page.caption"))
left, _ = st.columns([2, 3])
with left:
    ui.sign_in_form()
