"""The figures lessons may show: SVG diagrams and chart data, both kept in ``assets/``."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from courseware.paths import ASSETS_DIR

DIAGRAMS_DIR = ASSETS_DIR / "diagrams"
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


def known_figures(assets: Path = ASSETS_DIR) -> frozenset[str]:
    """Every figure name a lesson can use: ``diagrams/NAME.svg`` and ``charts/NAME.yaml``."""
    diagrams = {p.stem for p in (assets / "diagrams").glob("*.svg")}
    charts = {p.stem for p in (assets / "charts").glob("*.yaml")}
    return frozenset(diagrams | charts)


def diagram_path(name: str, assets: Path = ASSETS_DIR) -> Path | None:
    path = assets / "diagrams" / f"{name}.svg"
    return path if path.is_file() else None


def chart_spec(name: str, assets: Path = ASSETS_DIR) -> ChartSpec:
    path = assets / "charts" / f"{name}.yaml"
    return ChartSpec.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
