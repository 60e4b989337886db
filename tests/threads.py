"""Running a call from many threads at once, as many viewers arriving together would."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


def together(n: int, call: Callable[[], Any]) -> list:
    """`call()` from n threads released at the same instant; results (or exceptions) in order."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = call()
        except Exception as error:  # noqa: BLE001 - collected for the assertions
            results[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results
