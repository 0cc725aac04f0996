"""Slack over real transports: ``pressbot slack --http`` started as a process and sent signed requests
over HTTP (a smoke test; the scenarios run in-process in ``scenario_tests``), and Socket Mode against a
local websocket server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import free_port, make_store, wait_for_port
from tests.slack.mock_web_api import BOT_USER, SECRET, TOKEN, MockSlack, blocks_text, event, replies_in, sign


@pytest.fixture(scope="module")
def server(index_dir: Path, mock: MockSlack, tmp_path_factory) -> Any:
    port = free_port()
    log = tmp_path_factory.mktemp("log") / "slack.log"
    env = {**os.environ, "PRESSBOT_INDEX": str(index_dir), "PRESSBOT_EMBEDDER": "hashing",
           "SLACK_API_URL": mock.url, "SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
           "PRESSBOT_SLACK_CHANNELS": "C1,D1", "PRESSBOT_LOG": "DEBUG"}
    env.pop("PRESSBOT_CHROMA_URL", None)
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "slack", "--http", "--port", str(port)],
                                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    wait_for_port(port, proc, "pressbot slack")
    yield {"url": f"http://127.0.0.1:{port}/slack/events", "log": log}
    proc.terminate()
    proc.wait(timeout=20)


def post(url: str, body: str, headers: dict[str, str], content_type: str = "application/json") -> int:
    req = urllib.request.Request(url, data=body.encode(), method="POST",
                                 headers={"Content-Type": content_type, **headers})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def send(server: dict[str, Any], body: str, content_type: str = "application/json") -> int:
    return post(server["url"], body, sign(SECRET, body), content_type)


def test_http_smoke(server, mock) -> None:
    body = event("app_mention", f"<@{BOT_USER}> what was gross loss?", "1700000001.000100")
    assert send(server, body) == 200
    [reply] = replies_in(mock, "1700000001.000100")
    assert reply["channel"] == "C1"
    assert "$2.5 million" in blocks_text(reply) and "verified" in blocks_text(reply)
    stale = sign(SECRET, body, int(time.time()) - 600)
    assert post(server["url"], body, stale) == 401
    log = server["log"].read_text()
    assert TOKEN not in log and SECRET not in log


def test_missing_token_is_a_clear_error(index_dir: Path) -> None:
    env = {**os.environ, "PRESSBOT_INDEX": str(index_dir), "PRESSBOT_EMBEDDER": "hashing"}
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-m", "bot.cli", "slack", "--http"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode != 0 and "set SLACK_BOT_TOKEN" in done.stderr


def test_socket_mode(index_dir: Path, monkeypatch) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler
    from websockets.sync.server import serve

    from bot.answer.pipeline import Pipeline
    from bot.slack.app import build_app

    acks: list[str] = []
    envelope = {"envelope_id": "env-1", "type": "events_api", "accepts_response_payload": False,
                "payload": json.loads(event("app_mention", f"<@{BOT_USER}> what was gross loss?",
                                            "1700000400.000001"))}

    def handler(ws: Any) -> None:
        ws.send(json.dumps({"type": "hello", "num_connections": 1}))
        ws.send(json.dumps(envelope))
        try:
            for message in ws:
                acks.append(str(message))
        except Exception:  # noqa: BLE001 - the client closing ends the test's server side
            pass

    ws_server = serve(handler, "127.0.0.1", 0)
    threading.Thread(target=ws_server.serve_forever, daemon=True).start()
    ws_port = ws_server.socket.getsockname()[1]
    socket_mock = MockSlack(ws_url=f"ws://127.0.0.1:{ws_port}/link")
    monkeypatch.setenv("SLACK_API_URL", socket_mock.url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.delenv("PRESSBOT_SLACK_CHANNELS", raising=False)
    app = build_app(Pipeline(make_store(index_dir)), http=False)
    handler_ = SocketModeHandler(app, "xapp-test-token")
    handler_.connect()
    try:
        replies = replies_in(socket_mock, "1700000400.000001")
        assert replies and "$2.5 million" in blocks_text(replies[0])
        deadline = time.time() + 10
        while time.time() < deadline and not any("env-1" in a for a in acks):
            time.sleep(0.05)
        assert any(json.loads(a).get("envelope_id") == "env-1" for a in acks)
        assert any(m == "apps.connections.open" for m, _ in socket_mock.calls)
    finally:
        handler_.close()
        ws_server.shutdown()
        socket_mock.close()
