"""A small fault-injecting, request-counting HTTP proxy in front of the real sandbox wiki (loopback only).

It forwards every request to the wiki unchanged, except when a rule matches: then it
answers HTTP 500/503, a MediaWiki ``maxlag`` error, or holds the request longer than the
client's timeout and then drops it unanswered (the wiki never sees it, so what the wiki holds
afterwards is certain). It fakes only faults a real server cannot be made to show.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


@dataclass
class Fault:
    """Answer requests whose parameters contain all of ``match`` with ``kind`` (``500``, ``503``,
    ``maxlag`` or ``slow``: no answer for ``delay`` seconds, then the connection closed without
    forwarding), ``times`` times (None: always)."""

    match: dict
    kind: str
    times: int | None = None
    seen: int = 0
    delay: float = 0.0


@dataclass
class FaultProxy:
    upstream_port: int
    faults: list[Fault] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    #: every request that reached the proxy, as its flat parameters (query string and form body),
    #: in order: the request counter of the budget tests
    requests: list[dict] = field(default_factory=list)

    def start(self) -> int:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output quiet
                pass

            def _forward(self, body: bytes | None):
                params = parse_qs(self.path.partition("?")[2])
                if body:
                    params.update(parse_qs(body.decode("utf-8", "replace")))
                flat = {k: v[0] for k, v in params.items()}
                proxy.requests.append(flat)
                fault = proxy.match(flat)
                if fault is not None:
                    proxy.log.append(f"{fault.kind} {flat.get('action')} {flat.get('title', '')}")
                    if fault.kind in ("500", "503"):
                        return self._send(int(fault.kind), b"injected fault", "text/plain")
                    if fault.kind == "maxlag":
                        payload = json.dumps({"error": {"code": "maxlag", "info": "Waiting for db: 7 seconds lagged",
                                                        "host": "db", "lag": 7}}).encode()
                        return self._send(200, payload, "application/json", {"Retry-After": "0",
                                                                              "X-Database-Lag": "7"})
                    if fault.kind == "slow":  # the client gives up first; the wiki never sees it
                        time.sleep(fault.delay)
                        self.close_connection = True
                        return None
                conn = http.client.HTTPConnection("127.0.0.1", proxy.upstream_port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                extra = {k: v for k, v in resp.getheaders()
                         if k.lower() not in ("transfer-encoding", "connection", "content-length")}
                conn.close()
                self._send(resp.status, data, None, extra)

            def _send(self, status, data, ctype, headers=None):
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self):
                self._forward(None)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                self._forward(self.rfile.read(length) if length else b"")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.server.server_address[1]

    def match(self, params: dict) -> Fault | None:
        for fault in self.faults:
            if all(params.get(k) == v for k, v in fault.match.items()):
                if fault.times is None or fault.seen < fault.times:
                    fault.seen += 1
                    return fault
        return None

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
