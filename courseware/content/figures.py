"""The figures lessons may show: SVG diagrams (``static/diagrams/``, served as files) and chart
data (``assets/charts/``)."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from courseware.i18n import DEFAULT_LANG, current_language
from courseware.paths import ASSETS_DIR, STATIC_DIR, STATIC_URL

DIAGRAMS_DIR = STATIC_DIR / "diagrams"
CHARTS_DIR = ASSETS_DIR / "charts"


class ChartPoint(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: str
    value: float = Field(ge=0)


class ChartSpec(BaseModel):
    """Data for a simple share chart (for example 30/50/20)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    unit: str = "%"
    data: tuple[ChartPoint, ...] = Field(min_length=1)


def known_figures() -> frozenset[str]:
    """Every figure name a lesson can use: ``diagrams/NAME.svg`` and ``charts/NAME.yaml``.

    ``NAME.en.svg`` (or ``.en.yaml``) is the same figure in English, not another figure.
    """
    diagrams = {p.stem for p in DIAGRAMS_DIR.glob("*.svg") if "." not in p.stem}
    charts = {p.stem for p in CHARTS_DIR.glob("*.yaml") if "." not in p.stem}
    return frozenset(diagrams | charts)


def in_language(folder: Path, name: str, suffix: str, lang: str) -> Path:
    """A figure's file in ``lang`` when there is one, else the reference (Chinese) file."""
    translated = folder / f"{name}.{lang}{suffix}"
    return (
        translated if lang != DEFAULT_LANG and translated.is_file() else folder / f"{name}{suffix}"
    )


def diagram_path(name: str, lang: str | None = None) -> Path | None:
    path = in_language(DIAGRAMS_DIR, name, ".svg", lang or current_language())
    return path if path.is_file() else None


def static_url(path: Path) -> str:
    """The address the app's server gives a file under ``static/``."""
    return f"{STATIC_URL}/{path.relative_to(STATIC_DIR).as_posix()}"


def chart_spec(name: str, lang: str | None = None) -> ChartSpec:
    path = in_language(CHARTS_DIR, name, ".yaml", lang or current_language())
    return ChartSpec.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
