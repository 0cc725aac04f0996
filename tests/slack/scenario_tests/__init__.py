"""Slack scenarios: signed requests dispatched in-process to the Bolt app, a mock Web API recording
what it posts."""
