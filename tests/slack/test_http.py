"""Slack: signed requests over real HTTP to ``pressbot slack --http`` started as a process, a mock
Web API on 127.0.0.1 recording what the app posts; Socket Mode against a local websocket server;
ten questions at once; the safety cases."""

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

from tests.conftest import SAMPLE, free_port, make_store, read, wait_for_port
from tests.slack.mock_web_api import BOT_ID, BOT_USER, MockSlack, event, sign

SECRET = "test-signing-secret"
TOKEN = "xoxb-test-token-never-logged"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("slack-index")
    make_store(folder).add(read(SAMPLE.name))
    return folder


@pytest.fixture(scope="module")
def mock() -> Any:
    m = MockSlack()
    yield m
    m.close()


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


def blocks_text(p: dict[str, Any]) -> str:
    return json.dumps(p.get("blocks", []), ensure_ascii=False)


def replies_in(mock: MockSlack, thread: str, n: int = 1, timeout: float = 30) -> list[dict[str, Any]]:
    deadline = time.time() + timeout
    while time.time() < deadline:
        got = [p for p in mock.posts() if p.get("thread_ts") == thread]
        if len(got) >= n:
            return got
        time.sleep(0.05)
    return [p for p in mock.posts() if p.get("thread_ts") == thread]


def test_mention_answered_in_thread(server, mock) -> None:
    body = event("app_mention", f"<@{BOT_USER}> what was gross loss?", "1700000001.000100")
    assert send(server, body) == 200
    [reply] = replies_in(mock, "1700000001.000100")
    assert reply["channel"] == "C1"
    text = blocks_text(reply)
    assert "$2.5 million" in text and "$2,473 thousand" in text
    assert "verified" in text and "line 102" in text and "line 21" in text
    assert "$2.5 million" in reply["text"]  # the plain-text fallback
    deadline = time.time() + 10
    while time.time() < deadline:  # the reaction is removed just after the reply is posted
        reactions = [(m, p.get("name")) for m, p in mock.calls if m.startswith("reactions.")]
        if ("reactions.remove", "hourglass_flowing_sand") in reactions:
            break
        time.sleep(0.05)
    assert ("reactions.add", "hourglass_flowing_sand") in reactions
    assert ("reactions.remove", "hourglass_flowing_sand") in reactions


def test_thread_follow_up_uses_the_thread_conversation(server, mock) -> None:
    root = "1700000002.000100"
    send(server, event("app_mention", f"<@{BOT_USER}> what was revenue?", root))
    assert "$5.6 million" in blocks_text(replies_in(mock, root)[0])
    send(server, event("message", "and a year earlier?", "1700000002.000200", thread_ts=root,
                       channel_type="channel"))
    replies = replies_in(mock, root, 2)
    assert len(replies) == 2 and "$6.6 million" in blocks_text(replies[1])


def test_direct_message_answered_in_the_dm(server, mock) -> None:
    before = len(mock.posts())
    send(server, event("message", "what was net loss per share?", "1700000003.000100", channel="D1",
                       channel_type="im"))
    posts = mock.wait_posts(before + 1)
    dm = [p for p in posts[before:] if p["channel"] == "D1"]
    assert dm and "$0.07 per share" in blocks_text(dm[0]) and not dm[0].get("thread_ts")


def test_slash_command(server, mock) -> None:
    before = len(mock.posts())
    body = ("command=%2Fpressbot&text=what+was+working+capital%3F&user_id=U7&channel_id=C1"
            "&team_id=T1&response_url=http%3A%2F%2F127.0.0.1%2Fr&trigger_id=1.2.3")
    assert send(server, body, "application/x-www-form-urlencoded") == 200
    posts = mock.wait_posts(before + 2)[before:]
    echo = next(p for p in posts if "asked: what was working capital?" in p["text"])
    assert echo["channel"] == "C1"
    answer = next(p for p in posts if p is not echo)
    assert "$62.5 million" in blocks_text(answer)


@pytest.mark.parametrize("extra", [{"bot_id": BOT_ID, "user": BOT_USER}, {"bot_id": "BOTHER"}])
def test_bots_are_ignored(server, mock, extra: dict[str, str]) -> None:
    before = len(mock.posts())
    ts = f"1700000004.{len(extra['bot_id']):06d}"
    body = event("message", "what was revenue?", ts, channel="D1", channel_type="im", **extra)
    assert send(server, body) == 200
    time.sleep(1.0)
    assert len(mock.posts()) == before


def test_channel_not_on_the_allow_list_is_ignored(server, mock) -> None:
    before = len(mock.posts())
    assert send(server, event("app_mention", f"<@{BOT_USER}> what was revenue?", "1700000005.000100",
                              channel="C999")) == 200
    time.sleep(1.0)
    assert len(mock.posts()) == before


@pytest.mark.parametrize("headers", [
    {},
    {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=deadbeef"},
    "stale",
])
def test_bad_or_stale_signature_gets_401(server, mock, headers: Any) -> None:
    body = event("app_mention", f"<@{BOT_USER}> what was revenue?", "1700000006.000100")
    if headers == "stale":
        headers = sign(SECRET, body, int(time.time()) - 600)
    before = len(mock.calls)
    assert post(server["url"], body, headers) == 401
    time.sleep(0.5)
    assert len(mock.calls) == before


def test_ten_mentions_at_once(server, mock) -> None:
    questions = {
        "what was revenue?": "$5.6 million", "what was gross loss?": "$2.5 million",
        "what was cost of goods sold?": "$8.1 million", "what was net loss?": "$10.4 million",
        "what were total assets?": "$85.9 million", "what was interest income?": "$710,000",
        "what was the accumulated deficit?": "$548 million", "what was deferred revenue?": "$1.0 million",
        "what were inventories?": "$19.4 million", "what was the loss from operations?": "$11.1 million",
    }
    threads = {f"1700000100.{i:06d}": (q, want) for i, (q, want) in enumerate(questions.items())}
    senders = [threading.Thread(target=send, args=(server, event("app_mention", f"<@{BOT_USER}> {q}", ts,
                                                                 user=f"UC{n}")))
               for n, (ts, (q, _)) in enumerate(threads.items())]
    for t in senders:
        t.start()
    for t in senders:
        t.join()
    for ts, (q, want) in threads.items():
        replies = replies_in(mock, ts)
        assert len(replies) == 1, q
        assert want in blocks_text(replies[0]), (q, replies[0]["text"])


def test_token_never_logged(server, mock) -> None:
    send(server, event("app_mention", f"<@{BOT_USER}> what was revenue?", "1700000007.000100"))
    replies_in(mock, "1700000007.000100")
    log = server["log"].read_text()
    assert TOKEN not in log and SECRET not in log
    assert all(TOKEN not in json.dumps(p) for _, p in mock.calls)


def test_missing_token_is_a_clear_error(index_dir: Path) -> None:
    env = {**os.environ, "PRESSBOT_INDEX": str(index_dir), "PRESSBOT_EMBEDDER": "hashing"}
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-m", "bot.cli", "slack", "--http"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode != 0 and "set SLACK_BOT_TOKEN" in done.stderr


def test_rate_limit_and_failure_reply(index_dir: Path, mock: MockSlack, monkeypatch) -> None:
    from slack_bolt.request import BoltRequest

    from bot.answer.pipeline import Pipeline
    from bot.slack.app import build_app

    monkeypatch.setenv("SLACK_API_URL", mock.url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    monkeypatch.setenv("PRESSBOT_SLACK_RATE", "2")
    monkeypatch.delenv("PRESSBOT_SLACK_CHANNELS", raising=False)
    engine = Pipeline(make_store(index_dir))
    app = build_app(engine, http=True)

    def dispatch(text: str, ts: str, user: str = "UFAST") -> None:
        body = event("app_mention", f"<@{BOT_USER}> {text}", ts, channel="C5", user=user)
        signed = {**sign(SECRET, body), "Content-Type": "application/json"}
        headers = {k.lower(): [v] for k, v in signed.items()}
        assert app.dispatch(BoltRequest(body=body, headers=headers)).status == 200

    for i in range(3):
        dispatch("what was revenue?", f"1700000200.00000{i}")
    limited = replies_in(mock, "1700000200.000002")
    assert limited and "please give me a moment" in limited[0]["text"]

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "ask", broken)
    dispatch("what was revenue?", "1700000300.000001", user="UOTHER")
    failed = replies_in(mock, "1700000300.000001")
    assert failed and failed[0]["text"].startswith(":warning:")


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
