"""Fifty threads writing through one shared store: does every thread get its turn, and how long
does the slowest write wait? (`python bench/store_contention.py [--seconds 20] [--url URL]`)

Prints one JSON line: writes per thread (fewest, median, most), write latency (median, p99,
longest), writes refused, and writes lost (stored rows against acknowledged writes).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
from pathlib import Path

from courseware.storage.store import Store, StoreUnavailable


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--threads", type=int, default=50)
    parser.add_argument("--url", default="")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'contention.sqlite3'}"
    store = Store(url)
    learner = store.create_learner("并发")
    attempt = store.start_attempt(learner.id, "bench", 1, ["x"])
    writes: list[list[float]] = [[] for _ in range(args.threads)]
    refused = [0] * args.threads
    stop = time.monotonic() + args.seconds

    def write(n: int) -> None:
        count = 0
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                store.record_response(attempt, f"t{n}-{count}", "a", 1.0)
            except StoreUnavailable:
                refused[n] += 1
                continue
            writes[n].append(time.perf_counter() - started)
            count += 1

    threads = [threading.Thread(target=write, args=(n,)) for n in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies = sorted(x for per in writes for x in per)
    counts = sorted(len(per) for per in writes)
    stored = len(store.answers(learner.id))
    print(json.dumps({
        "database": url.split(":")[0], "threads": args.threads, "seconds": args.seconds,
        "writes_per_thread": {"fewest": counts[0], "median": statistics.median(counts),
                              "most": counts[-1]},
        "write_ms": {"median": round(statistics.median(latencies) * 1000, 1),
                     "p99": round(latencies[int(len(latencies) * 0.99)] * 1000, 1),
                     "longest": round(latencies[-1] * 1000, 1)},
        "over_5_s": sum(x > 5 for x in latencies), "refused": sum(refused),
        "lost": len(latencies) - stored,
    }, ensure_ascii=False))  # fmt: skip
    store.close()


if __name__ == "__main__":
    main()
