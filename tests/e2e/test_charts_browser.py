"""Every chart of the app in Chromium at phone and laptop width: each mark is labelled in full,
no label is hidden, cut or drawn over another, and money reads in 万 and 亿."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from calculators.black_holes import load_survey
from calculators.customer_value import COST_FIELDS, VALUE_FIELDS
from calculators.indicators import load_perspectives
from courseware.content.figures import chart_spec
from courseware.i18n import part_label, t
from courseware.live.screen import shares
from courseware.live.store import LiveStore
from courseware.passcode import PASSCODE_ENV
from courseware.storage import store as store_module
from courseware.storage.store import Store
from courseware.ui.quiz_scopes import quiz_items
from tests.e2e.browser import ARTIFACTS, PHONE, settle
from tests.e2e.server import on_sqlite, running_app

pytestmark = pytest.mark.e2e

PASSCODE = "charts-2026"
LAPTOP = {"width": 1280, "height": 800}
SIZES = {"phone": PHONE, "laptop": LAPTOP}
CHART = "[data-testid='stVegaLiteChart']"
POLL_ITEM = "customers-tqm-3"  # the single-choice item with the longest options
WESTERN_UNITS = re.compile(r"\d(\.\d+)?\s*[kMGB]\b")  # d3's "~s": 500k, 1M, 1.2G

# Every <text> a chart draws: its lines, its box on the page and whether it can be seen.
READ_TEXTS = """(chart) => {
  const shown = (node) => {
    for (let n = node; n && n !== chart; n = n.parentElement) {
      const style = getComputedStyle(n);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      if (Number(style.opacity) === 0 || n.getAttribute('opacity') === '0') return false;
    }
    return true;
  };
  const box = (r) => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
  const texts = [...chart.querySelectorAll('svg text')].map((node) => {
    const spans = [...node.querySelectorAll('tspan')];
    const lines = spans.length ? spans.map((s) => s.textContent) : [node.textContent];
    return {lines, shown: shown(node), box: box(node.getBoundingClientRect())};
  }).filter((text) => text.lines.join('').trim() !== '');
  return {box: box(chart.getBoundingClientRect()), texts};
}"""


@dataclass(frozen=True)
class Drawn:
    """What one chart shows: its box on the page and its visible texts."""

    box: dict[str, float]
    texts: list[dict]

    @property
    def labels(self) -> list[str]:
        return [squeeze("".join(text["lines"])) for text in self.texts if text["shown"]]


def squeeze(text: str) -> str:
    return "".join(text.split())


def read_chart(chart: Locator) -> Drawn:
    expect(chart.locator("svg").first).to_be_visible()
    found = chart.evaluate(READ_TEXTS)
    return Drawn(found["box"], found["texts"])


def assert_labelled(drawn: Drawn, expected: list[str], where: str) -> None:
    """Each expected label shows in full; no text is hidden, cut, outside the chart or overlaps."""
    hidden = [squeeze("".join(x["lines"])) for x in drawn.texts if not x["shown"]]
    assert not hidden, f"{where}: labels hidden {hidden}"
    missing = [label for label in expected if squeeze(label) not in drawn.labels]
    assert not missing, f"{where}: {missing} not among {drawn.labels}"
    cut = [label for label in drawn.labels if "…" in label]
    assert not cut, f"{where}: labels cut short {cut}"
    outside = [
        squeeze("".join(x["lines"]))
        for x in drawn.texts
        if x["box"]["left"] < drawn.box["left"] - 1
        or x["box"]["right"] > drawn.box["right"] + 1
        or x["box"]["top"] < drawn.box["top"] - 1
        or x["box"]["bottom"] > drawn.box["bottom"] + 1
    ]
    assert not outside, f"{where}: labels clipped at the chart's edge {outside}"
    texts = [x for x in drawn.texts if x["shown"]]
    overlapping = [
        (squeeze("".join(a["lines"])), squeeze("".join(b["lines"])))
        for i, a in enumerate(texts)
        for b in texts[i + 1 :]
        if overlap(a["box"], b["box"]) > 2
    ]
    assert not overlapping, f"{where}: labels drawn over each other {overlapping}"


def overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Pixels two boxes share (their glyph boxes include a little padding)."""
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(width, 0) * max(height, 0) if min(width, height) > 1 else 0


def assert_money_in_chinese_units(drawn: Drawn, where: str) -> None:
    western = [label for label in drawn.labels if WESTERN_UNITS.search(label)]
    assert not western, f"{where}: money in western units {western}"
    assert any("万" in label for label in drawn.labels), f"{where}: {drawn.labels}"


def shoot(chart: Locator, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"charts-{name}.png"
    chart.screenshot(path=str(path))
    return path


# ---- a class with history: one learner's attempts over a week, one poll with answers -----------
@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The app's URL and a learner's resume token, over a database with answers in it."""
    database = tmp_path_factory.mktemp("charts") / "charts.sqlite3"
    token = seed_answers(Store(f"sqlite:///{database}"))
    env = {PASSCODE_ENV: PASSCODE, **on_sqlite(database)}
    with running_app(env=env) as url:
        yield url, token


def seed_answers(store: Store) -> str:
    """A learner who took every topic's quiz on a different day, and a poll answered by four."""
    items, _titles, _errors = quiz_items()
    learner = store.create_learner("陈晨", "A1")
    topics = list(dict.fromkeys(item.topic for item in items.values()))
    start = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    for day, topic in enumerate(topics):
        with pytest.MonkeyPatch.context() as clock:  # the store's clock: day ``day`` of a week
            when = start + timedelta(days=day, hours=day % 3)
            clock.setattr(store_module, "now", lambda when=when: when)
            chosen = [i.id for i in items.values() if i.topic == topic][:4]
            attempt = store.start_attempt(learner.id, f"topic:{topic}", day, chosen)
            for n, item_id in enumerate(chosen):  # 1 to 4 of the 4 right, in turn
                store.record_response(attempt, item_id, "x", float(n <= day % 4))
            store.finish_attempt(attempt)
    live = LiveStore(store)
    poll = live.start_session()
    question = live.push(poll.id, POLL_ITEM)
    for name, answer in (("小王", "a"), ("小李", "a"), ("小张", "b"), ("小赵", "d")):
        player = live.join(poll.code, name)
        live.answer(question.id, player, answer, float(answer == "a"))
    return learner.token


# ---- the charts, each opened as people reach it ------------------------------------------------
def open_url(page: Page, url: str, size: dict[str, int]) -> None:
    page.set_viewport_size(size)
    page.goto(url)
    settle(page)


def tool(page: Page, name: str) -> Locator:
    found = page.locator(f".st-key-tool-{name}")
    expect(found).to_be_visible()
    return found


def unlock(page: Page) -> None:
    page.get_by_label("讲师口令").fill(PASSCODE)
    page.get_by_role("button", name="进入").click()
    settle(page)


@pytest.mark.parametrize("size", list(SIZES))
def test_customer_value_names_every_component_in_chinese_units(
    page: Page, course: tuple[str, str], size: str
):
    open_url(page, f"{course[0]}/part-1?section=customer-value", SIZES[size])
    chart = tool(page, "customer-value").locator(CHART)
    drawn = read_chart(chart)
    shoot(chart, f"customer-value-{size}")
    components = [t(f"tools.customer-value.fields.{f}") for f in (*VALUE_FIELDS, *COST_FIELDS)]
    offers = [t("tools.customer-value.ours"), t("tools.customer-value.theirs")]
    money = ["−¥50万", "¥0", "¥50万", "¥100万"]  # costs below zero, value above
    assert_labelled(drawn, offers + components + money, f"customer value, {size}")
    assert_money_in_chinese_units(drawn, f"customer value, {size}")


@pytest.mark.parametrize("size", list(SIZES))
def test_churn_chart_shows_each_year_and_the_headline_total(
    page: Page, course: tuple[str, str], size: str
):
    open_url(page, f"{course[0]}/part-1?section=churn-cost", SIZES[size])
    churn = tool(page, "churn")
    chart = churn.locator(CHART)
    drawn = read_chart(chart)
    shoot(chart, f"churn-{size}")
    years = [f"{n}年" for n in range(1, 6)]
    # 100 lost a year × ¥20,000 × 5 years: the chart's last bar is the headline figure
    assert_labelled(drawn, [*years, "¥1,000万"], f"churn, {size}")
    assert_money_in_chinese_units(drawn, f"churn, {size}")
    expect(churn.get_by_test_id("stMetricValue").nth(2)).to_have_text("¥10,000,000")


MARK_DRAWING = "(chart) => { chart.querySelector('svg').dataset.drawnBefore = 'yes'; }"
SAME_DRAWING = "(chart) => chart.querySelector('svg').dataset.drawnBefore === 'yes'"


def test_a_calculator_chart_takes_new_figures_without_being_drawn_anew(
    page: Page, course: tuple[str, str]
):
    """A new rate moves the bars and the axis, in the chart already on the page."""
    open_url(page, f"{course[0]}/part-1?section=churn-cost", LAPTOP)
    churn = tool(page, "churn")
    chart = churn.locator(CHART)
    assert "¥2,000万" not in read_chart(chart).labels
    chart.evaluate(MARK_DRAWING)
    rate = churn.get_by_label("年流失率（%）", exact=True)
    rate.fill("20")
    rate.press("Enter")
    settle(page)
    expect(churn.get_by_test_id("stMetricValue").nth(2)).to_have_text("¥20,000,000")
    drawn = read_chart(chart)
    assert_labelled(drawn, ["¥0", "¥1,000万", "¥2,000万"], "churn at 20%")
    assert chart.evaluate(SAME_DRAWING), "the chart was drawn anew instead of updated"


def test_money_axes_read_in_english_units_in_english(page: Page, course: tuple[str, str]):
    open_url(page, f"{course[0]}/part-1?section=churn-cost&lang=en", LAPTOP)
    drawn = read_chart(tool(page, "churn").locator(CHART))
    assert_labelled(drawn, ["¥0", "¥2M", "¥10M"], "churn in English")
    assert not [label for label in drawn.labels if "万" in label], drawn.labels


@pytest.mark.parametrize("size", list(SIZES))
def test_kpi_chart_names_every_indicator_and_perspective(
    page: Page, course: tuple[str, str], size: str
):
    open_url(page, f"{course[0]}/part-2?section=indicators", SIZES[size])
    chart = tool(page, "kpi-scorecard").locator(CHART)
    drawn = read_chart(chart)
    shoot(chart, f"kpi-{size}")
    names = {p.id: p.name for p in load_perspectives()}
    indicators = [
        f"{names['financial']} · 销售获利比率", f"{names['customer']} · 客户满意度",
        f"{names['customer']} · 客户抱怨", f"{names['process']} · 准时送达数据",
        f"{names['learning']} · 训练时数",
    ]  # fmt: skip
    assert_labelled(drawn, [*indicators, *names.values(), "0%", "150%"], f"KPI, {size}")


@pytest.mark.parametrize("size", list(SIZES))
def test_plan_chart_names_every_stage_and_status(page: Page, course: tuple[str, str], size: str):
    open_url(page, f"{course[0]}/part-3?section=essence", SIZES[size])
    chart = tool(page, "action-planner").locator(CHART)
    drawn = read_chart(chart)
    shoot(chart, f"action-plan-{size}")
    stages = [t(f"tools.action-planner.stages.{s}") for s in "PDCA"]
    statuses = [t(f"tools.action-planner.statuses.{s}") for s in ("todo", "doing", "done")]
    assert_labelled(drawn, stages + statuses, f"action plan, {size}")


@pytest.mark.parametrize("size", list(SIZES))
def test_black_holes_and_success_factors_are_labelled_in_full(
    page: Page, course: tuple[str, str], size: str
):
    open_url(page, f"{course[0]}/part-3?section=why-execution", SIZES[size])
    figure = page.locator(CHART).first
    drawn = read_chart(figure)
    shoot(figure, f"success-factors-{size}")
    figure_spec = chart_spec("success-factors")
    factors = [f"{p.label}{p.value:g}{figure_spec.unit}" for p in figure_spec.data]
    assert_labelled(drawn, factors, f"success factors, {size}")
    holes = tool(page, "black-holes")
    groups = holes.get_by_test_id("stButtonGroup")
    for index in range(groups.count()):  # 决而不行 always, the others sometimes
        answer = "总是" if 3 <= index < 6 else "有时"
        groups.nth(index).get_by_role("radio", name=answer).click()
        settle(page)
    chart = holes.locator(CHART)
    drawn = read_chart(chart)
    shoot(chart, f"black-holes-{size}")
    names = [f"{h.name}（{h.label}）" for h in load_survey().holes]
    assert_labelled(drawn, [*names, "0", "100"], f"black holes, {size}")


@pytest.mark.parametrize("size", list(SIZES))
def test_progress_charts_name_every_part_topic_and_attempt(
    page: Page, course: tuple[str, str], size: str
):
    url, token = course
    open_url(page, f"{url}/progress?learner={token}", SIZES[size])
    charts = page.locator(CHART)
    expect(charts).to_have_count(3)
    items, titles, _errors = quiz_items()
    parts = [part_label(n) for n in sorted({i.part for i in items.values()})]
    expected = {
        "by-part": [*parts, "0%", "100%"],
        "by-topic": [*titles.values(), "0%", "100%"],
        "history": ["0%", "100%"],
    }
    for index, (name, labels) in enumerate(expected.items()):
        drawn = read_chart(charts.nth(index))
        shoot(charts.nth(index), f"progress-{name}-{size}")
        assert_labelled(drawn, labels, f"progress {name}, {size}")
    days = [label for label in drawn.labels if re.fullmatch(r"\d{1,2}月\d{1,2}日", label)]
    assert len(days) >= 2, f"history, {size}: days not in Chinese {drawn.labels}"


@pytest.mark.parametrize("size", list(SIZES))
def test_live_poll_names_every_option_in_full(page: Page, course: tuple[str, str], size: str):
    open_url(page, f"{course[0]}/live", SIZES[size])
    unlock(page)
    page.get_by_role("button", name=t("live.resume")).first.click()
    settle(page)
    chart = page.locator(CHART)
    drawn = read_chart(chart)
    shoot(chart, f"live-distribution-{size}")
    items, _titles, _errors = quiz_items()
    options = [answer for answer, _share in shares(items[POLL_ITEM], ["a"])]
    assert_labelled(drawn, [*options, "0", "100"], f"live poll, {size}")
