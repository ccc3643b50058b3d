"""Draw a lesson: header, section picker, sections and their blocks."""

from __future__ import annotations

import json

import streamlit as st

from courseware.content.figures import diagram_path, static_url
from courseware.content.lesson import WHOLE_LESSON, Block, Lesson, Section
from courseware.i18n import part_label, t

CALLOUTS = {
    "key": (st.info, ":material/lightbulb:"),
    "tip": (st.success, ":material/psychology_alt:"),
    "warn": (st.warning, ":material/warning:"),
}


def lesson_header(lesson: Lesson) -> None:
    meta = lesson.meta
    st.title(f"{part_label(meta.part)} · {meta.title}", anchor=False)
    st.caption(t("part.meta", minutes=meta.reading_minutes, sections=len(lesson.sections)))
    if lesson.intro:
        blocks(lesson.intro)
    else:
        st.markdown(meta.summary)


def section_picker(lesson: Lesson) -> Section | None:
    """Table of contents as pills, in step with ``?section=``; ``None`` means the whole lesson.

    The address names the section: a part opens on its first section, like a book's chapter;
    ``?section=all`` shows it all; the browser's back and forward show the section their address
    names. A new section opens at its top.
    """
    key = toc_key(lesson)
    requested = st.query_params.get("section")
    known = requested == WHOLE_LESSON or lesson.section(requested or "") is not None
    if requested and not known:
        st.warning(t("part.unknown_section", section=requested))
    addressed = requested if known else lesson.sections[0].id
    if st.session_state.get(key) != addressed:
        st.session_state[key] = addressed  # before the pills are drawn, so they show it
    labels = {s.id: s.label for s in lesson.sections} | {WHOLE_LESSON: t("part.show_all")}
    chosen = st.pills(
        t("part.toc"),
        options=list(labels),
        format_func=labels.__getitem__,
        key=key,
        help=t("part.toc_help"),
        on_change=_sync_query_param,
        args=(key,),
    )
    _top_on_change(key, chosen)
    if chosen == WHOLE_LESSON:
        return None
    return lesson.section(chosen or "") or lesson.sections[0]


def toc_key(lesson: Lesson) -> str:
    return f"toc-part-{lesson.meta.part}"


def _top_on_change(key: str, shown: str | None) -> None:
    """Scroll to the top when the section shown is not the one this page showed last."""
    last = f"{key}.shown"
    if st.session_state.get(last, shown) != shown:
        st.html(_SCROLL_TOP.replace("SHOWN", json.dumps(shown)), unsafe_allow_javascript=True)
    st.session_state[last] = shown


_SCROLL_TOP = """<script>
(() => {  /* SHOWN */
  const main = document.querySelector('[data-testid="stMain"]');
  if (main) main.scrollTo({top: 0});
  window.scrollTo({top: 0});
})();
</script>"""


def _sync_query_param(key: str) -> None:
    chosen = st.session_state.get(key)
    if chosen:
        st.query_params["section"] = chosen
    else:
        st.query_params.pop("section", None)


def _go_to(key: str, section_id: str) -> None:
    st.session_state[key] = section_id
    _sync_query_param(key)


def whole_lesson(lesson: Lesson) -> None:
    """Every section in order; their tools folded until opened."""
    for index, section in enumerate(lesson.sections):
        if index:
            st.divider()
        section_view(section, fold_tools=True)


def single_section(lesson: Lesson, section: Section) -> None:
    """One section with previous / all / next controls beneath it."""
    key = toc_key(lesson)
    ids = [s.id for s in lesson.sections]
    index = ids.index(section.id)
    st.caption(t("part.position", index=index + 1, total=len(ids)))
    section_view(section)
    st.divider()
    with st.container(horizontal=True, key=f"steps-{key}"):  # one row, also on a phone
        if index > 0:
            st.button(
                f"← {t('part.prev')}",
                key=f"prev-{key}",
                on_click=_go_to,
                args=(key, ids[index - 1]),
                width="stretch",
            )
        st.button(
            t("part.show_all"),
            key=f"all-{key}",
            on_click=_go_to,
            args=(key, WHOLE_LESSON),
            width="stretch",
        )
        if index + 1 < len(ids):
            st.button(
                f"{t('part.next')} →",
                key=f"next-{key}",
                on_click=_go_to,
                args=(key, ids[index + 1]),
                width="stretch",
            )


def section_view(section: Section, *, fold_tools: bool = False) -> None:
    st.header(section.label, anchor=section.id)
    blocks(section.blocks, fold_tools=fold_tools)


def blocks(items: tuple[Block, ...], *, fold_tools: bool = False) -> None:
    for block in items:
        if block.kind == "notes":
            continue  # speaker notes are for the presenter only
        if block.kind == "break":
            st.divider()
        elif block.kind == "markdown":
            st.markdown(block.text)
        elif block.kind == "figure":
            figure(block)
        elif block.kind == "tool":
            tool(block, folded=fold_tools)
        else:
            show, icon = CALLOUTS[block.kind]
            show(f"**{t(f'callout.{block.kind}')}**\n\n{block.text}", icon=icon)


def figure(block: Block) -> None:
    name = block.name or ""
    svg = diagram_path(name)
    if svg is not None:
        st.image(static_url(svg), caption=block.text or None, width="stretch")
    else:
        from courseware.content.charts import vega_lite_spec  # Altair loads with a first chart

        st.vega_lite_chart(vega_lite_spec(name), width="stretch")
        if block.text:
            st.caption(block.text)


def tool(block: Block, *, folded: bool = False) -> None:
    from courseware.ui.tools.registry import FOLDED, TOOLS  # loaded by the first page with one

    (FOLDED if folded else TOOLS)[block.name or ""]()
