"""Entry point: page config, navigation over the course parts, and the sidebar."""

import streamlit as st

from courseware.i18n import t
from courseware.navigation import build_pages
from courseware.shell import sidebar, warm_up_after_first_page
from courseware.ui.database import banner
from courseware.ui.language import choose_language

lang = choose_language()
st.set_page_config(page_title=t("app.short_title"), page_icon=":material/school:", layout="wide")
page = st.navigation(build_pages(lang))
sidebar()
banner()
page.run()
warm_up_after_first_page()
