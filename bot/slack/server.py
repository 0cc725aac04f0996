"""Running the Slack app: Socket Mode, or the Events API over HTTP with a threading server."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

log = logging.getLogger("pressbot.slack")


def serve_http(app: Any, port: int, host: str = "127.0.0.1") -> None:
    """Serve ``POST /slack/events`` (events, commands): Bolt verifies each request's signature and
    timestamp, acknowledges at once and answers in its worker threads."""
    from slack_bolt.request import BoltRequest

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            if self.path.split("?")[0] != "/slack/events":
                self.send_error(404)
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8") if length else ""
            headers: dict[str, str | Sequence[str]] = {k.lower(): [v] for k, v in self.headers.items()}
            response = app.dispatch(BoltRequest(body=body, headers=headers))
            self.send_response(response.status)
            for name, values in response.headers.items():
                for value in values:
                    self.send_header(name, value)
            payload = (response.body or "").encode("utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            log.debug("%s %s", self.address_string(), format % args)

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    log.info("pressbot Slack app listening on http://%s:%d/slack/events", host, port)
    try:
        server.serve_forever()
    finally:
        server.server_close()


def serve_socket_mode(app: Any, app_token: str) -> None:
    """Connect to Slack over Socket Mode (no public address needed) and serve until stopped."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(app, app_token).start()
