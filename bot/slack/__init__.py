"""Slack: the Bolt app and its handlers (``app``), Block Kit rendering (``blocks``), and the HTTP
transport (``server``); Socket Mode is started from ``app``."""
