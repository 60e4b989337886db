"""Fault injection: the next requests fail, hang or answer a truncated body, first in first out."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any


@dataclass
class Fault:
    action: str  # "fail", "hang", "malformed"
    times: int
    include_token: bool
    kind: str | None = None  # only requests of this kind ("metadata", "batchGet", ...)
    status: int = 500
    body: Any = None
    seconds: float = 0.0
    after: bool = False  # the request is applied first (Google did the work), then the fault hits the answer


class FaultInjection:
    """FakeSheetsAPI's fault methods. Faults apply, first in first out, to the next Sheets requests
    (the token endpoint too if include_token=True; only requests of `kind` if given)."""

    _lock: threading.Lock
    _faults: list[Fault]
    _token_refusals: list[dict]


    def fail_next(self, status: int = 500, times: int = 1, body: Any = None, *, include_token: bool = False,
                  kind: str | None = None, after: bool = False) -> None:
        """The next `times` requests answer `status` (body: Google's error shape by default); with
        after=True each is applied first (a write is stored) and only the answer is the error."""
        self._add_fault(Fault("fail", times, include_token, kind, status=status, body=body, after=after))

    def hang_next(self, seconds: float, times: int = 1, *, include_token: bool = False,
                  kind: str | None = None, after: bool = False) -> None:
        """The next `times` requests wait `seconds` (or until stop()) before being answered normally;
        with after=True each is applied first, then the answer waits (Google did it, the client timed out)."""
        self._add_fault(Fault("hang", times, include_token, kind, seconds=seconds, after=after))

    def malformed_next(self, times: int = 1, *, include_token: bool = False, kind: str | None = None) -> None:
        """The next `times` requests answer 200 with a truncated JSON body."""
        self._add_fault(Fault("malformed", times, include_token, kind))

    def refuse_token(self, times: int = 1, error: str = "invalid_grant",
                     description: str = "Invalid JWT Signature.") -> None:
        """The token endpoint refuses the next `times` grants (400, OAuth error body)."""
        with self._lock:
            self._token_refusals.extend({"error": error, "error_description": description} for _ in range(times))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()
            self._token_refusals.clear()

    def _add_fault(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def _take_fault(self, kind: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.kind is not None and fault.kind != kind:
                    continue
                if fault.times > 0 and (kind != "token" or fault.include_token or fault.kind == "token"):
                    fault.times -= 1
                    if fault.times == 0:
                        self._faults.remove(fault)
                    return fault
        return None
