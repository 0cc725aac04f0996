"""A mock Slack Web API on 127.0.0.1 that records every call, and helpers to sign requests."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_USER = "UBOT"
BOT_ID = "BBOT"


class MockSlack:
    """Records calls as (method, params); answers like Slack would."""

    def __init__(self, ws_url: str = "") -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.ws_url = ws_url
        self._lock = threading.Lock()
        self._ts = 1000
        mock = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                method = self.path.rstrip("/").split("/")[-1]
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    params = json.loads(raw or "{}")
                else:
                    params = {k: v[0] for k, v in parse_qs(raw).items()}
                reply = mock.record(method, params)
                body = json.dumps(reply).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def record(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self.calls.append((method, params))
            self._ts += 1
            ts = f"1700000000.{self._ts:06d}"
        if method == "auth.test":
            return {"ok": True, "user_id": BOT_USER, "bot_id": BOT_ID, "team_id": "T1", "user": "pressbot"}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.ws_url}
        return {"ok": True, "ts": ts, "channel": params.get("channel")}

    def posts(self) -> list[dict[str, Any]]:
        with self._lock:
            return [p for m, p in self.calls if m == "chat.postMessage"]

    def wait_posts(self, n: int, timeout: float = 30.0) -> list[dict[str, Any]]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            posts = self.posts()
            if len(posts) >= n:
                return posts
            time.sleep(0.05)
        return self.posts()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def sign(secret: str, body: str, ts: int | None = None) -> dict[str, str]:
    """Slack's request signature headers for a body."""
    stamp = str(ts if ts is not None else int(time.time()))
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


def event(kind: str, text: str, ts: str, channel: str = "C1", user: str = "U1", **extra: Any) -> str:
    """An Events API callback as Slack sends it."""
    inner = {"type": kind, "user": user, "text": text, "ts": ts, "channel": channel, "event_ts": ts, **extra}
    return json.dumps({"token": "t", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                       "event_id": f"Ev{ts.replace('.', '')}{channel}", "event_time": int(time.time()),
                       "event": inner,
                       "authorizations": [{"team_id": "T1", "user_id": BOT_USER, "is_bot": True}]})


SECRET = "test-signing-secret"
TOKEN = "xoxb-test-token-never-logged"


def blocks_text(p: dict[str, Any]) -> str:
    """The blocks of a posted message as one JSON string, for ``in`` checks."""
    return json.dumps(p.get("blocks", []), ensure_ascii=False)


def replies_in(mock: MockSlack, thread: str, n: int = 1, timeout: float = 30) -> list[dict[str, Any]]:
    """The messages posted in a thread, once there are ``n`` of them (or the timeout passes)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        got = [p for p in mock.posts() if p.get("thread_ts") == thread]
        if len(got) >= n:
            return got
        time.sleep(0.05)
    return [p for p in mock.posts() if p.get("thread_ts") == thread]
