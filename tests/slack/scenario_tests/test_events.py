"""Slack scenarios dispatched in-process (Bolt's ``app.dispatch``) with signed requests; the app posts to
a mock Web API on 127.0.0.1 that records every call. Threads, follow-ups, DMs, the slash command, the
safety cases and ten questions at once."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from bot.answer.pipeline import Pipeline
from bot.settings import SlackSettings
from bot.slack.app import build_app
from tests.conftest import make_store
from tests.slack.mock_web_api import (
    BOT_ID,
    BOT_USER,
    SECRET,
    TOKEN,
    MockSlack,
    blocks_text,
    event,
    replies_in,
    sign,
)


@pytest.fixture(scope="module")
def server(index_dir: Path, mock: MockSlack) -> Any:
    """The Bolt app in this process, over the index, posting to the mock Web API."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SLACK_BOT_TOKEN", TOKEN)
        mp.setenv("SLACK_SIGNING_SECRET", SECRET)
        settings = SlackSettings(channels="C1,D1", api_url=mock.url)
        yield build_app(Pipeline(make_store(index_dir)), http=True, settings=settings)


def post(app: Any, body: str, headers: dict[str, str], content_type: str = "application/json") -> int:
    from slack_bolt.request import BoltRequest

    lowered = {k.lower(): [v] for k, v in {**headers, "Content-Type": content_type}.items()}
    return int(app.dispatch(BoltRequest(body=body, headers=lowered)).status)


def send(app: Any, body: str, content_type: str = "application/json") -> int:
    return post(app, body, sign(SECRET, body), content_type)


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
    assert post(server, body, headers) == 401
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


def test_token_never_logged(server, mock, caplog) -> None:
    caplog.set_level("DEBUG")
    send(server, event("app_mention", f"<@{BOT_USER}> what was revenue?", "1700000007.000100"))
    replies_in(mock, "1700000007.000100")
    assert TOKEN not in caplog.text and SECRET not in caplog.text
    assert all(TOKEN not in json.dumps(p) for _, p in mock.calls)


def test_rate_limit_and_failure_reply(index_dir: Path, mock: MockSlack, monkeypatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    engine = Pipeline(make_store(index_dir))
    app = build_app(engine, http=True, settings=SlackSettings(rate=2, api_url=mock.url))

    def dispatch(text: str, ts: str, user: str = "UFAST") -> None:
        body = event("app_mention", f"<@{BOT_USER}> {text}", ts, channel="C5", user=user)
        assert send(app, body) == 200

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


def test_a_series_is_posted_as_a_table(mock: MockSlack, tmp_path, monkeypatch) -> None:
    """A question across quarters, dispatched in-process: the reply carries the series as a table."""
    from index.reader import read_release
    from tests.conftest import DATA

    store = make_store(tmp_path / "history")
    for name in ("nvidia_fy2024-q1", "nvidia_fy2024-q2", "nvidia_fy2024-q3"):
        store.add(read_release(DATA / "history" / "nvidia" / f"{name}.html"))
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    app = build_app(Pipeline(store), http=True, settings=SlackSettings(api_url=mock.url))
    body = event("app_mention", f"<@{BOT_USER}> What was NVIDIA's revenue in each quarter of fiscal 2024?",
                 "1700000500.000001", channel="C9")
    assert send(app, body) == 200
    [reply] = replies_in(mock, "1700000500.000001")
    table = next(b["text"]["text"] for b in reply["blocks"] if b["type"] == "section" and
                 b["text"]["text"].startswith("```"))
    assert "Q1 FY24" in table and "Q3 FY24" in table and "█" in table
