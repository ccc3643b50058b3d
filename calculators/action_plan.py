"""A 5W1H action plan with PDCA stages: items, progress, table import and CSV export."""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from calculators.spreadsheet import csv_text

DATA_DIR = Path(__file__).with_name("data")

Stage = Literal["P", "D", "C", "A"]
Status = Literal["todo", "doing", "done"]
ProblemCode = Literal["missing_what", "bad_date", "bad_stage", "bad_status", "too_long", "bad_row"]

STAGES: tuple[Stage, ...] = get_args(Stage)
STATUSES: tuple[Status, ...] = get_args(Status)
W_FIELDS = ("what", "why", "who", "when", "where", "how")
TEXT_FIELDS = ("what", "why", "who", "where", "how")
CSV_FIELDS = (*W_FIELDS, "stage", "status")
MAX_TEXT = 200

# ISO-like or Chinese dates: 2026-03-31, 2026/3/31, 2026.3.31, 2026年3月31日, with an optional time.
_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
    re.ASCII,
)
_MISSING_TYPES = frozenset({"NAType", "NaTType"})  # pandas' missing markers, without pandas


class ActionItem(BaseModel):
    """One action of a plan, described by 5W1H, with its PDCA stage and status."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    what: str = Field(min_length=1, max_length=MAX_TEXT)
    why: str = Field(default="", max_length=MAX_TEXT)
    who: str = Field(default="", max_length=MAX_TEXT)
    when: date | None = None
    where: str = Field(default="", max_length=MAX_TEXT)
    how: str = Field(default="", max_length=MAX_TEXT)
    stage: Stage = "P"
    status: Status = "todo"


class PlanProgress(BaseModel):
    """Counts for a plan on a given day."""

    model_config = ConfigDict(frozen=True)

    total: int = Field(ge=0)
    todo: int = Field(ge=0)
    doing: int = Field(ge=0)
    done: int = Field(ge=0)
    percent_done: float = Field(ge=0, le=100)
    by_stage: dict[Stage, dict[Status, int]]
    overdue: int = Field(ge=0)
    incomplete: int = Field(ge=0)


class RowProblem(BaseModel):
    """Something wrong in one row of an edited table (rows count from 1)."""

    model_config = ConfigDict(frozen=True)

    row: int = Field(ge=1)
    field: str
    message_code: ProblemCode


def missing_w(item: ActionItem) -> tuple[str, ...]:
    """The 5W1H fields the item leaves empty, in 5W1H order."""
    return tuple(name for name in W_FIELDS if getattr(item, name) in (None, ""))


def progress(items: Iterable[ActionItem], today: date) -> PlanProgress:
    """How far the plan has come: status counts, per stage, overdue and incomplete items."""
    items = tuple(items)
    by_stage: dict[Stage, dict[Status, int]] = {s: dict.fromkeys(STATUSES, 0) for s in STAGES}
    for item in items:
        by_stage[item.stage][item.status] += 1
    counts = {status: sum(by_stage[s][status] for s in STAGES) for status in STATUSES}
    total = len(items)
    return PlanProgress(
        total=total,
        **counts,
        percent_done=100 * counts["done"] / total if total else 0.0,
        by_stage=by_stage,
        overdue=sum(
            1 for i in items if i.when is not None and i.when < today and i.status != "done"
        ),
        incomplete=sum(1 for i in items if missing_w(i)),
    )


def items_from_rows(rows: Iterable[Any]) -> tuple[tuple[ActionItem, ...], list[RowProblem]]:
    """Items from an edited table's rows (dicts), with the problems found; never raises.

    Rows with no 5W1H content are skipped silently. A bad date is left empty and a bad stage
    or status takes the default; text longer than the limit is cut; a row without ``what``
    gives no item.
    """
    try:
        rows = list(rows)
    except Exception:
        return (), []
    items: list[ActionItem] = []
    problems: list[RowProblem] = []
    for number, row in enumerate(rows, 1):
        try:
            item = _item_from_row(row, number, problems)
        except Exception:  # a value whose own methods fail: report the row, keep going
            item = None
            problems.append(RowProblem(row=number, field="", message_code="bad_row"))
        if item is not None:
            items.append(item)
    return tuple(items), problems


def _item_from_row(row: Any, number: int, problems: list[RowProblem]) -> ActionItem | None:
    if _is_missing(row):
        return None
    if not isinstance(row, Mapping):
        problems.append(RowProblem(row=number, field="", message_code="bad_row"))
        return None
    cells = {key.strip().lower(): value for key, value in row.items() if isinstance(key, str)}

    def problem(field: str, code: ProblemCode) -> None:
        problems.append(RowProblem(row=number, field=field, message_code=code))

    fields: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        text = _text(cells.get(name))
        if len(text) > MAX_TEXT:
            problem(name, "too_long")
            text = text[:MAX_TEXT].strip()
        fields[name] = text
    when_cell = cells.get("when")
    when, date_ok = _parse_date(when_cell)
    if not any(fields.values()) and when is None and not _text(when_cell):
        return None
    if not date_ok:
        problem("when", "bad_date")
    stage = _choice(cells.get("stage"), STAGES, str.upper)
    if stage is None:
        problem("stage", "bad_stage")
    status = _choice(cells.get("status"), STATUSES, str.lower)
    if status is None:
        problem("status", "bad_status")
    if not fields["what"]:
        problem("what", "missing_what")
        return None
    try:
        return ActionItem(**fields, when=when, stage=stage or "P", status=status or "todo")
    except ValidationError:
        problem("", "bad_row")
        return None


def _is_missing(value: Any) -> bool:
    if value is None or type(value).__name__ in _MISSING_TYPES:
        return True
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        try:
            return math.isnan(value)
        except (TypeError, ValueError, OverflowError):
            return False
    return False


def _text(value: Any) -> str:
    """A cell as stripped text; missing cells are empty and whole floats lose their ``.0``."""
    if _is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _parse_date(value: Any) -> tuple[date | None, bool]:
    """The date in a cell and whether the cell was readable (an empty cell is)."""
    if _is_missing(value):
        return None, True
    if isinstance(value, datetime):
        return value.date(), True
    if isinstance(value, date):
        return date(value.year, value.month, value.day), True
    if not isinstance(value, str):
        return None, False
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return None, True
    for parse in (date.fromisoformat, lambda s: datetime.fromisoformat(s).date()):
        try:
            return parse(text), True
        except ValueError:
            pass
    match = _DATE.fullmatch(text)
    if match:
        try:
            return date(*(int(part) for part in match.groups())), True
        except ValueError:
            pass
    return None, False


def _choice(value: Any, allowed: tuple[str, ...], normalise: Callable[[str], str]) -> Any:
    """The allowed value a cell names; the first one when empty; None when unknown."""
    if _is_missing(value) or (isinstance(value, str) and not value.strip()):
        return allowed[0]
    if not isinstance(value, str):
        return None
    chosen = normalise(value.strip())
    return chosen if chosen in allowed else None


def to_csv(items: Iterable[ActionItem]) -> str:
    """The items as CSV text, header first, dates in ISO form."""
    return csv_text(CSV_FIELDS, ([_csv_value(item, name) for name in CSV_FIELDS] for item in items))


def _csv_value(item: ActionItem, name: str) -> str:
    value = getattr(item, name)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def example_plan(lang: str = "zh") -> tuple[ActionItem, ...]:
    """A worked example for a marketing team following up a key customer's complaint."""
    path = DATA_DIR / f"action_plan.{lang}.yaml"
    return _example_plan(path if path.exists() else DATA_DIR / "action_plan.zh.yaml")


@lru_cache(maxsize=4)
def _example_plan(path: Path) -> tuple[ActionItem, ...]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["example"]
    return tuple(ActionItem(**row) for row in rows)
