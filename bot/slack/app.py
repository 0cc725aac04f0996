"""pressbot in Slack: mentions answered in their thread, direct messages in the DM, ``/pressbot``;
each thread keeps its own conversation. Built from settings and the environment, never at import time.

Environment: ``SLACK_BOT_TOKEN`` always; ``SLACK_APP_TOKEN`` for Socket Mode; ``SLACK_SIGNING_SECRET``
for HTTP mode; ``SLACK_API_URL`` to point at another Web API (tests); ``PRESSBOT_SLACK_CHANNELS`` a
comma-separated allow-list of channel IDs; ``PRESSBOT_SLACK_RATE`` questions per user per minute.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections import OrderedDict, deque
from typing import Any

from bot.answer.pipeline import Conversation
from bot.settings import Settings, SlackSettings
from bot.slack.blocks import answer_blocks, fallback_text
from index.errors import ConfigError, PressbotError

log = logging.getLogger("pressbot.slack")
WORKING = "hourglass_flowing_sand"
MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


class Threads:
    """Conversations by thread, the oldest forgotten past a bound."""

    def __init__(self, limit: int = 2000) -> None:
        self.limit = limit
        self._items: OrderedDict[tuple[str, str], Conversation] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str], create: bool = True) -> Conversation | None:
        with self._lock:
            conv = self._items.get(key)
            if conv is None and create:
                conv = self._items[key] = Conversation()
                while len(self._items) > self.limit:
                    self._items.popitem(last=False)
            if conv is not None:
                self._items.move_to_end(key)
            return conv


class RateLimit:
    """At most ``per_minute`` questions per user in any sixty seconds."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, user: str) -> bool:
        now = time.monotonic()
        with self._lock:
            q = self._seen.setdefault(user, deque())
            while q and now - q[0] > 60:
                q.popleft()
            if len(q) >= self.per_minute:
                return False
            q.append(now)
            return True


def _env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ConfigError(f"set {name} in the environment (see the README's Slack section)")
    return value


def build_app(engine: Any, http: bool, settings: SlackSettings | None = None) -> Any:
    """The Bolt app, answering with the engine; ``settings`` default to the environment's."""
    from slack_bolt import App
    from slack_sdk import WebClient

    settings = settings or Settings.load().slack
    token = _env("SLACK_BOT_TOKEN")
    secret = _env("SLACK_SIGNING_SECRET") if http else os.environ.get("SLACK_SIGNING_SECRET", "unused")
    base = settings.api_url
    client = WebClient(token=token, base_url=base if base.endswith("/") else base + "/")
    try:
        app = App(client=client, signing_secret=secret, process_before_response=False)
    except Exception as exc:  # noqa: BLE001 - bolt raises its own errors for a bad token
        raise ConfigError(f"could not verify SLACK_BOT_TOKEN with Slack ({type(exc).__name__}); "
                          "check the token and SLACK_API_URL") from None
    allowed = settings.allowed_channels
    limit = RateLimit(settings.rate)
    threads = Threads()

    def permitted(channel: str, channel_type: str | None) -> bool:
        return not allowed or channel in allowed or channel_type == "im"

    def answer(client: Any, channel: str, thread_ts: str | None, user: str, text: str,
               react_ts: str | None) -> None:
        question = MENTION.sub(" ", text or "").strip()
        if not limit.allow(user):
            client.chat_postMessage(channel=channel, thread_ts=thread_ts,
                                    text=f"You have asked {limit.per_minute} questions in the last minute; "
                                         "please give me a moment before the next one.")
            return
        if react_ts:
            _safe(client.reactions_add, channel=channel, timestamp=react_ts, name=WORKING)
        try:
            conv = threads.get((channel, thread_ts or "dm:" + user))
            result = engine.ask(question, conversation=conv)
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=fallback_text(result),
                                    blocks=answer_blocks(result), unfurl_links=False)
        except PressbotError as exc:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=f":warning: {exc}")
        except Exception:  # noqa: BLE001 - every failure gets a reply and a logged stack trace
            log.exception("answering %r failed", question[:200])
            client.chat_postMessage(channel=channel, thread_ts=thread_ts,
                                    text=":warning: Sorry, something went wrong answering that; "
                                         "the error has been logged.")
        finally:
            if react_ts:
                _safe(client.reactions_remove, channel=channel, timestamp=react_ts, name=WORKING)

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], client: Any) -> None:
        if event.get("bot_id") or not permitted(event.get("channel", ""), event.get("channel_type")):
            return
        thread = event.get("thread_ts") or event["ts"]
        answer(client, event["channel"], thread, event.get("user", "?"), event.get("text", ""), event["ts"])

    @app.event("message")
    def on_message(event: dict[str, Any], client: Any) -> None:
        if event.get("bot_id") or event.get("subtype"):
            return
        channel, kind = event.get("channel", ""), event.get("channel_type")
        text = event.get("text", "")
        if kind == "im":
            answer(client, channel, event.get("thread_ts"), event.get("user", "?"), text, event["ts"])
            return
        thread = event.get("thread_ts")
        # a plain reply in a thread the bot already answers in is a follow-up; mentions come as app_mention
        if thread and not MENTION.search(text) and permitted(channel, kind) and \
                threads.get((channel, thread), create=False) is not None:
            answer(client, channel, thread, event.get("user", "?"), text, event["ts"])

    @app.command("/pressbot")
    def on_command(ack: Any, command: dict[str, Any], client: Any) -> None:
        ack()
        channel = command.get("channel_id", "")
        if not permitted(channel, "im" if channel.startswith("D") else None):
            return
        question = command.get("text", "")
        user = command.get("user_id", "?")
        posted = client.chat_postMessage(channel=channel, text=f"<@{user}> asked: {question}"[:3000])
        answer(client, channel, posted.get("ts"), user, question, None)

    return app


def _safe(call: Any, **kwargs: Any) -> None:
    """Reactions are a courtesy: their failure is logged, never raised."""
    try:
        call(**kwargs)
    except Exception as exc:  # noqa: BLE001
        log.warning("Slack reaction failed: %s", type(exc).__name__)
