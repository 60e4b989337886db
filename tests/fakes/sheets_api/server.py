"""The fake's HTTP plumbing: the server, the routing of each request, the token and metadata endpoints.

The endpoints themselves are methods of FakeSheetsAPI, mixed in from values.py,
batch_update.py and drive.py; the state and its access rules come from spreadsheets.py, faults from faults.py.
"""
from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.fakes.sheets_api.batch_update import BatchUpdateEndpoint
from tests.fakes.sheets_api.drive import DriveEndpoints
from tests.fakes.sheets_api.errors import google_error_body, token_error_body
from tests.fakes.sheets_api.export import ExportEndpoint, RawAnswer
from tests.fakes.sheets_api.faults import Fault, FaultInjection
from tests.fakes.sheets_api.routes import KEY, ROUTES, FakeRequest, route
from tests.fakes.sheets_api.spreadsheets import FakeSpreadsheet
from tests.fakes.sheets_api.values import ValuesEndpoints

FAKE_TOKEN = "fake-token"
JWT_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer"
ENDPOINT_ENV = "OCOP_SHEETS_API_ENDPOINT"
WRITE_KINDS = frozenset({"append", "batchUpdate", "valuesBatchUpdate"})  # a 200 to these bumps modifiedTime
ANONYMOUS_KINDS = frozenset({"token", "export"})  # answered without a bearer token


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:  # quiet: clients time out on purpose
        pass


class FakeSheetsAPI(FaultInjection, ValuesEndpoints, BatchUpdateEndpoint, DriveEndpoints, ExportEndpoint):
    """The fake server. start()/stop(), or use it as a context manager."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._spreadsheets: dict[str, FakeSpreadsheet] = {}
        self._log: list[tuple[str, FakeRequest]] = []
        self._faults: list[Fault] = []
        self._token_refusals: list[dict] = []
        self._export_answers: dict[str, tuple[int, RawAnswer]] = {}
        self._released = threading.Event()  # set on stop(): ends injected hangs early
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.token_scopes: list[str] = []  # the `scope` claim of every JWT grant received

    # ----------------------------------------------------------- lifecycle
    def start(self) -> FakeSheetsAPI:
        if self._server is not None:
            return self
        fake = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "FakeSheetsAPI/1.0"

            def do_GET(self) -> None:
                fake._handle(self)

            do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._released.clear()
        self._server = _Server(("127.0.0.1", 0), Handler)
        server = self._server
        self._thread = threading.Thread(
            target=lambda: server.serve_forever(poll_interval=0.05), name="FakeSheetsAPI", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket: new connections are refused."""
        self._released.set()
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeSheetsAPI:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeSheetsAPI is not running")
        return self._server.server_address[1]

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token_uri(self) -> str:
        return f"{self.endpoint}/token"

    def service_account_info(self) -> dict:
        """Throwaway service-account credentials whose token_uri is this fake."""
        from tests.fakes.credentials import make_service_account_info

        return make_service_account_info(self.token_uri)

    # ----------------------------------------------------------- request log
    @property
    def requests(self) -> list[FakeRequest]:
        with self._lock:
            return [r for _, r in self._log]

    def requests_of(self, kind: str) -> list[FakeRequest]:
        with self._lock:
            return [r for k, r in self._log if k == kind]

    def count(self, kind: str) -> int:
        """Requests received of a kind: token, metadata, batchGet, values, append, batchUpdate,
        valuesBatchUpdate, driveList, export, unknown."""
        return len(self.requests_of(kind))

    def batch_update_requests(self) -> list[dict]:
        """Every sub-request of every spreadsheets:batchUpdate received, in order (applied or not)."""
        return [sub for r in self.requests_of("batchUpdate") for sub in (r.body or {}).get("requests", [])]

    def sheets_requests(self) -> list[FakeRequest]:
        """Every request but the token requests."""
        with self._lock:
            return [r for k, r in self._log if k != "token"]

    def clear_requests(self) -> None:
        with self._lock:
            self._log.clear()

    # ----------------------------------------------------------- HTTP plumbing
    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        method = handler.command
        parts = urlsplit(handler.path)
        raw_path = parts.path
        query = parse_qs(parts.query, keep_blank_values=True)
        length = int(handler.headers.get("Content-Length") or 0)
        raw_body = handler.rfile.read(length) if length else b""
        body = _parse_body(raw_body, handler.headers.get("Content-Type", ""))

        kind, handler_name, groups = "unknown", None, {}
        for route_method, pattern, route_kind, name in ROUTES:
            m = pattern.match(raw_path)
            if m and route_method == method:
                kind, handler_name = route_kind, name
                groups = {k: unquote(v) for k, v in m.groupdict().items()}
                break
        request = FakeRequest(method, unquote(raw_path), query, body)
        with self._lock:
            self._log.append((kind, request))

        fault = self._take_fault(kind)
        done = None
        if fault is not None and fault.after:  # applied first: only the answer is lost or late
            done = self._answer(handler, kind, handler_name, request, groups)
        if fault is not None and fault.action == "hang":
            self._released.wait(fault.seconds)
            if done is not None:
                return _send(handler, *done)  # the work was done before the wait: the (late) answer
            fault = None
        if fault is not None and fault.action == "fail":
            default = token_error_body(fault.status) if kind == "token" else google_error_body(fault.status)
            return _send(handler, fault.status, default if fault.body is None else fault.body)
        if fault is not None and fault.action == "malformed":
            return _send_raw(handler, 200, b'{"spreadsheetId": "1abc", "valueRanges": [{"range": "')

        _send(handler, *self._answer(handler, kind, handler_name, request, groups))

    def _answer(self, handler: BaseHTTPRequestHandler, kind: str, handler_name: str | None, request: FakeRequest,
                groups: dict) -> tuple[int, Any]:
        """What the endpoint does and answers (a write is applied here)."""
        if handler_name is None:
            return 404, google_error_body(404, f"FakeSheetsAPI: no route for {request.method} {request.path}")
        if kind not in ANONYMOUS_KINDS and handler.headers.get("Authorization") != f"Bearer {FAKE_TOKEN}":
            return 401, google_error_body(401)
        status, body = getattr(self, handler_name)(request, **groups)
        if kind in WRITE_KINDS and status == 200:
            self.touch(groups["key"])  # Drive's modifiedTime follows every change
        return status, body

    # ----------------------------------------------------------- endpoints
    @route("POST", r"^/token$", "token")
    def _token(self, request: FakeRequest) -> tuple[int, dict]:
        form = request.body if isinstance(request.body, dict) else {}
        if form.get("grant_type") != JWT_GRANT_TYPE or not form.get("assertion"):
            return 400, {"error": "invalid_request", "error_description": "Missing JWT bearer grant."}
        claims = _jwt_claims(form["assertion"])
        if claims is None or not claims.get("iss"):
            return 400, {"error": "invalid_grant", "error_description": "Invalid JWT."}
        with self._lock:
            self.token_scopes.append(str(claims.get("scope", "")))
            refusal = self._token_refusals.pop(0) if self._token_refusals else None
        if refusal is not None:
            return 400, refusal
        return 200, {"access_token": FAKE_TOKEN, "expires_in": 3600, "token_type": "Bearer"}

    @route("GET", rf"^/v4/spreadsheets/{KEY}$", "metadata")
    def _metadata(self, request: FakeRequest, key: str) -> tuple[int, dict]:
        sheet, error = self._open(key)
        return error or (200, sheet.metadata())


def _parse_body(raw: bytes, content_type: str) -> Any:
    if not raw:
        return None
    text = raw.decode("utf-8", errors="replace")
    if "json" in content_type:
        try:
            return json.loads(text)
        except ValueError:
            return text
    if "x-www-form-urlencoded" in content_type:
        return {k: v[-1] for k, v in parse_qs(text, keep_blank_values=True).items()}
    return text


def _jwt_claims(assertion: str) -> dict | None:
    try:
        payload = assertion.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return None


def _send(handler: BaseHTTPRequestHandler, status: int, payload: Any) -> None:
    if isinstance(payload, RawAnswer):  # the export: bytes with their own type and headers
        return _send_raw(handler, status, payload.data, payload.content_type, payload.headers, payload.length)
    _send_raw(handler, status, json.dumps(payload, ensure_ascii=False).encode("utf-8"))


def _send_raw(handler: BaseHTTPRequestHandler, status: int, data: bytes,
              content_type: str = "application/json; charset=UTF-8", headers: dict[str, str] | None = None,
              length: bool = True) -> None:
    try:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        if length:
            handler.send_header("Content-Length", str(len(data)))
        else:  # the body ends when the connection does
            handler.close_connection = True
        handler.end_headers()
        handler.wfile.write(data)
    except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
        pass
