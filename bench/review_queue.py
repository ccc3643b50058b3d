"""How long the progress page takes to build a learner's review queue after months of reviews.
(`python bench/review_queue.py [--reviews 10000] [--items 129] [--url URL]`)

Builds one learner with ``--reviews`` review logs over ``--items`` items (through
``Store.record_review``, the clock moving on to each card's due time), then times what the page
does: read the cards, view them, and build the due queue, the forecast and recall by part.
Prints one JSON line: ``review_queue_ms`` (median of 20) and, beside it, ``read_rows_ms``, the
floor of reading the rows alone in the same run; then, on SQLite, ``progress_rerun_ms`` — a rerun
of that learner's whole progress page, run as ``bench/bench_pages.py`` runs pages — with the bare
Streamlit page's rerun in the same run, and their ``progress_rerun_ratio`` (goal: at most 10).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench/ and tests/ beside the app

from courseware.assessment.spacing import card_view, due_queue, forecast, recall_by_part  # noqa: E402
from courseware.content.banks import items_by_id  # noqa: E402
from courseware.content.quiz import Item  # noqa: E402
from courseware.storage.store import Store  # noqa: E402

RUNS = 20


def bank(count: int) -> dict[str, Item]:
    """The first ``count`` items of the course, in bank order (the progress page shows them)."""
    return dict(list(items_by_id("zh").items())[:count])


def progress_rerun(path: Path, token: str) -> dict[str, float]:
    """The progress page of the learner with ``token``, rerun in AppTest, against a bare page."""
    import os

    from streamlit.testing.v1 import AppTest

    from bench.bench_pages import bare_page, median_rerun_ms
    from courseware.ui import session
    from tests.app.harness import open_page

    os.environ.pop("COURSEWARE_DATABASE_URL", None)
    os.environ["COURSEWARE_SQLITE_PATH"] = str(path)
    session.kept_token = lambda: token  # the browser's learner cookie
    bare = median_rerun_ms(AppTest.from_function(bare_page), RUNS)
    page = median_rerun_ms(open_page("progress"), RUNS)
    return {"progress_rerun_ms": round(page, 1), "bare_rerun_ms": round(bare, 1),
            "progress_rerun_ratio": round(page / bare, 2)}  # fmt: skip


def fill(store: Store, learner_id: int, items: list[str], reviews: int) -> datetime:
    """``reviews`` reviews, each of the item due first, at its due time; the clock at the end."""
    chooser = random.Random(7)
    start = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)
    due = {item_id: start + timedelta(minutes=n) for n, item_id in enumerate(items)}
    now = start
    for _ in range(reviews):
        item_id = min(due, key=due.__getitem__)
        now = max(now, due[item_id])
        rating = chooser.choices((1, 2, 3, 4), weights=(1, 1, 6, 2))[0]
        due[item_id] = store.record_review(learner_id, item_id, rating, now)
    return now


def median_ms(work: object) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reviews", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=129)
    parser.add_argument("--url", default="")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'reviews.sqlite3'}"
    store = Store(url)
    items = bank(args.items)
    learner = store.create_learner("复习")
    started = time.perf_counter()
    now = fill(store, learner.id, list(items), args.reviews)
    filled = time.perf_counter() - started

    def read_rows() -> None:
        store.review_cards(learner.id)

    def page() -> None:
        cards = [card_view(i, card, now) for i, card in store.review_cards(learner.id)]
        due_queue(cards, items, {1, 2, 3, 4}, now, None)
        forecast(cards, items, now)
        recall_by_part(cards, items, now)

    page()  # warm: the first read opens a connection
    figures = {
        "database": url.split(":")[0], "reviews": len(store.review_logs(learner.id)),
        "items": args.items, "cards": len(store.review_cards(learner.id)),
        "review_queue_ms": median_ms(page), "read_rows_ms": median_ms(read_rows),
        "fill_s": round(filled, 1),
    }  # fmt: skip
    store.close()
    if url.startswith("sqlite:///"):
        figures |= progress_rerun(Path(url.removeprefix("sqlite:///")), learner.token)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
