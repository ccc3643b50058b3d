"""Parse a lesson file with markdown-it-py into front matter, sections and display blocks.

A lesson is Markdown with YAML front matter (see ``lessons/README.md``). Each level-2
heading opens a section; ``::: key|tip|warn`` containers become callouts and
``::: figure NAME`` / ``::: tool NAME`` containers place a figure from ``assets/`` or an
interactive tool. Blocks keep their Markdown
source, which the UI renders with raw HTML disabled.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from pydantic import BaseModel, ConfigDict, Field

from courseware.content.frontmatter import parse_front_matter
from courseware.errors import ContentError

CALLOUT_KINDS = ("key", "tip", "warn", "notes")  # notes: speaker notes, presenter only
NAMED_KINDS = ("figure", "tool")
CONTAINER_KINDS = (*CALLOUT_KINDS, *NAMED_KINDS)
WHOLE_LESSON = "all"  # reserved: ``?section=all`` shows every section
SECTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NUMBERED_TITLE = re.compile(r"^(\d+(?:\.\d+)*)\s+(.+)$")

BlockKind = Literal["markdown", "key", "tip", "warn", "notes", "figure", "tool", "break"]
KnownNames = Mapping[str, Collection[str]]


class LessonMeta(BaseModel):
    """The validated front matter of a lesson file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    short_title: str | None = Field(default=None, min_length=1)
    part: int = Field(ge=1, le=99)
    summary: str = Field(min_length=1)
    reading_minutes: int = Field(gt=0, le=600)

    @property
    def nav_title(self) -> str:
        """The name shown in the sidebar, where space is short."""
        return self.short_title or self.title


class Block(BaseModel):
    """One displayable piece of a section: prose, a callout, a figure or a tool."""

    model_config = ConfigDict(frozen=True)

    kind: BlockKind
    text: str
    line: int
    name: str | None = None  # the figure or tool a named block shows


class Section(BaseModel):
    """A numbered section of a lesson, addressable by its stable id."""

    model_config = ConfigDict(frozen=True)

    id: str
    number: str
    title: str
    line: int
    blocks: tuple[Block, ...]

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def text(self) -> str:
        """All the section's Markdown, for searching and checking content."""
        return "\n\n".join([self.title, *(block.text for block in self.blocks)])


class Lesson(BaseModel):
    """A parsed lesson: metadata, introduction and sections in source order."""

    model_config = ConfigDict(frozen=True)

    path: str
    meta: LessonMeta
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]
    warnings: tuple[str, ...] = ()

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.use(front_matter_plugin).use(attrs_block_plugin)
    for kind in CONTAINER_KINDS:
        md.use(container_plugin, name=kind)
    return md


_MD = _markdown()


def parse_lesson(source: str, path: str, known: KnownNames | None = None) -> Lesson:
    """Parse a lesson's source; raise ContentError (``path:line: message``) if it is broken.

    ``known`` maps ``figure`` and ``tool`` to the names a lesson may use.
    """
    known = known or {}
    tokens = _MD.parse(source)
    lines = source.splitlines()
    if not tokens or tokens[0].type != "front_matter":
        raise ContentError(path, 1, "missing front matter: the file must start with a --- block")
    front = tokens[0]
    meta = parse_front_matter(
        front.content, LessonMeta, path=path, first_line=2, opening_line=front.map[0] + 1
    )
    _check_containers_closed(tokens, path)
    top_level = [t for t in tokens[1:] if t.level == 0 and t.nesting != -1]
    warnings = tuple(_raw_html_warnings(tokens, path))

    intro: list[Block] = []
    sections: list[Section] = []
    heading: Token | None = None
    title_token: Token | None = None
    body: list[Token] = []

    def close_section() -> None:
        if heading is None:
            intro.extend(_blocks(body, lines, path, known))
        else:
            sections.append(_section(heading, title_token, body, lines, path, known))

    for token in top_level:
        if token.type == "heading_open" and token.tag == "h1":
            raise ContentError(path, token.map[0] + 1, "use ## for sections; # is the page title")
        if token.type == "heading_open" and token.tag == "h2":
            close_section()
            heading, title_token, body = token, _next_inline(tokens, token), []
        else:
            body.append(token)
    close_section()

    _check_unique_ids(sections, path)
    if not sections:
        raise ContentError(path, len(lines) or 1, "the lesson has no ## sections")
    return Lesson(
        path=path, meta=meta, intro=tuple(intro), sections=tuple(sections), warnings=warnings
    )


def _next_inline(tokens: list[Token], opening: Token) -> Token:
    return tokens[tokens.index(opening) + 1]


def _section(
    heading: Token,
    title_token: Token | None,
    body: list[Token],
    lines: list[str],
    path: str,
    known: KnownNames,
) -> Section:
    line = heading.map[0] + 1
    section_id = str(heading.attrs.get("id", ""))
    title_text = title_token.content.strip() if title_token else ""
    if not section_id:
        message = f"section '{title_text}' needs an id line such as {{#smart}}"
        raise ContentError(path, line, message)
    if section_id == WHOLE_LESSON:
        raise ContentError(path, line, f"section id '{WHOLE_LESSON}' is reserved")
    if not SECTION_ID.match(section_id):
        raise ContentError(path, line, f"section id '{section_id}' must be lower-case a-z, 0-9, -")
    numbered = NUMBERED_TITLE.match(title_text)
    if not numbered:
        raise ContentError(path, line, f"section title '{title_text}' must start with its number")
    return Section(
        id=section_id,
        number=numbered.group(1),
        title=numbered.group(2).strip(),
        line=line,
        blocks=tuple(_blocks(body, lines, path, known)),
    )


def _blocks(tokens: list[Token], lines: list[str], path: str, known: KnownNames) -> Iterator[Block]:
    """Group a section's top-level tokens into prose runs, callouts, figures and tools."""
    prose: list[Token] = []

    def flush() -> Iterator[Block]:
        if prose:
            start, end = prose[0].map[0], max(t.map[1] for t in prose if t.map)
            yield Block(kind="markdown", text=_join(lines[start:end]), line=start + 1)
            prose.clear()

    for token in tokens:
        if not token.map:
            continue
        if token.type == "hr":  # `---` on its own line: a slide break in presenter mode
            yield from flush()
            yield Block(kind="break", text="", line=token.map[0] + 1)
            continue
        kind = _container_kind(token)
        if token.type.startswith("container_") and kind in CONTAINER_KINDS:
            yield from flush()
            yield _container_block(kind, token, lines, path, known)
        else:
            prose.append(token)
    yield from flush()


def _container_block(
    kind: str, token: Token, lines: list[str], path: str, known: KnownNames
) -> Block:
    start, end = token.map  # ``end`` is the closing ``:::`` line, when there is one
    line = start + 1
    if end >= len(lines) or not lines[end].strip().startswith(":::"):
        raise ContentError(path, line, f"'::: {kind}' is never closed with ':::'")
    inner = _join(lines[start + 1 : end])
    if kind not in NAMED_KINDS:
        return Block(kind=kind, text=inner, line=line)  # type: ignore[arg-type]
    name = token.info.strip().removeprefix(kind).strip()
    if not name:
        raise ContentError(path, line, f"'::: {kind}' needs a {kind} name")
    names = known.get(kind, ())
    if name not in names:
        listed = ", ".join(sorted(names)) or "none"
        raise ContentError(path, line, f"unknown {kind} '{name}' (known: {listed})")
    return Block(kind=kind, text=inner, line=line, name=name)  # type: ignore[arg-type]


def _check_containers_closed(tokens: list[Token], path: str) -> None:
    """A ``:::`` block opening inside another means the outer one lacks its closing ``:::``.

    Without this check the outer block would take the inner one's closing line as its own.
    """
    opened: list[Token] = []
    for token in tokens:
        if not token.type.startswith("container_"):
            continue
        if token.nesting == -1:
            opened.pop()
            continue
        if opened:
            outer = opened[-1]
            message = (
                f"'::: {_container_kind(outer)}' is never closed with ':::' "
                f"(line {token.map[0] + 1} opens '::: {_container_kind(token)}')"
            )
            raise ContentError(path, outer.map[0] + 1, message)
        opened.append(token)


def _container_kind(token: Token) -> str:
    return token.type.removeprefix("container_").removesuffix("_open")


def _check_unique_ids(sections: list[Section], path: str) -> None:
    seen: dict[str, int] = {}
    for section in sections:
        if section.id in seen:
            message = f"section id '{section.id}' is already used on line {seen[section.id]}"
            raise ContentError(path, section.line, message)
        seen[section.id] = section.line


def _raw_html_warnings(tokens: list[Token], path: str) -> Iterator[str]:
    """Raw HTML is never rendered; say where it stands so the author can remove it."""
    for token in tokens:
        children = token.children or []
        if token.type == "html_block" or any(c.type == "html_inline" for c in children):
            line = token.map[0] + 1 if token.map else 1
            yield f"{path}:{line}: raw HTML is not rendered; use Markdown"


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n")
