"""Figures: every one a lesson names exists, SVGs are safe static images, charts are valid."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from courseware.content.catalog import load_course
from courseware.content.charts import share_chart
from courseware.content.figures import DIAGRAMS_DIR, chart_spec, known_figures

SVG = "{http://www.w3.org/2000/svg}"


def test_the_course_uses_each_figure_it_needs():
    used = {
        block.name
        for entry in load_course("zh")
        for section in entry.lesson.sections
        for block in section.blocks
        if block.kind == "figure"
    }
    assert used == {"customer-value", "marketing-evolution", "mbo-cycle", "success-factors"}
    assert used <= known_figures()


@pytest.mark.parametrize("svg", sorted(DIAGRAMS_DIR.glob("*.svg")), ids=lambda p: p.name)
def test_diagrams_are_static_svg(svg):
    root = ET.parse(svg).getroot()
    assert root.tag == f"{SVG}svg"
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not tags & {"script", "foreignObject", "image", "iframe"}
    assert "text" in tags


def test_success_factors_chart_is_30_50_20():
    spec = chart_spec("success-factors")
    assert [(p.label, p.value) for p in spec.data] == [("策略", 30), ("执行力", 50), ("机遇", 20)]
    vega = share_chart(spec).to_dict()
    values = vega["data"]["values"] if "data" in vega else vega["layer"][0]["data"]["values"]
    assert [v["text"] for v in values] == ["策略\n30%", "执行力\n50%", "机遇\n20%"]


def test_every_figure_of_the_english_lessons_is_drawn_in_english():
    import re

    from courseware.content.figures import CHARTS_DIR, diagram_path

    cjk = re.compile(r"[\u3400-\u9fff]")
    names = {b.name for e in load_course("en") for s in e.lesson.sections for b in s.blocks
             if b.kind == "figure"}  # fmt: skip
    assert names
    for name in names:
        svg = diagram_path(name, lang="en")
        path = svg if svg is not None else CHARTS_DIR / f"{name}.yaml"
        english = path.with_name(f"{name}.en{path.suffix}")
        assert english.is_file(), f"{name} has no English file"
        assert not cjk.search(english.read_text(encoding="utf-8")), (
            f"Chinese left in {english.name}"
        )
