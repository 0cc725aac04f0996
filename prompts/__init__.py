"""Named prompt templates: how pressbot words its answers, editable without touching code.

Each ``*.txt`` file here is one template; its placeholders are checked when it is loaded, so a
template that names a field the composer does not fill is an error at start-up, not a broken answer.
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

from index.errors import ConfigError

FOLDER = Path(__file__).parent

# template name -> the placeholders it may use (every one is filled by the composer)
FIELDS: dict[str, set[str]] = {
    "value": {"label", "verb", "amount", "share", "period", "comparison"},
    "value_sign_note": {"asked", "reported", "label", "verb", "amount", "period", "comparison"},
    "change": {"label", "direction", "amount", "percent", "period", "base_period", "current", "base"},
    "share_of_revenue": {"label", "verb", "percent", "period", "amount", "revenue"},
    "share_of_revenue_printed": {"label", "verb", "percent", "period", "amount"},
    "ratio": {"ratio", "amount", "period", "formula"},
    "narrative": {"sentences"},
    "narrative_figure": {"period", "amount", "sentence"},
    "not_stated": {"what"},
    "period_missing": {"label", "asked", "available"},
    "no_base": {"label", "amount", "period"},
    "aggregate": {"what", "label", "amount", "parts"},
    "share_of_total": {"part", "percent", "whole", "amount", "total", "period"},
    "quote": {"sentence", "where"},
    "unknown_company": {"company"},
    "series": {"company", "label", "points"},
    "extreme": {"quarter", "which", "label", "count", "span", "amount", "others"},
    "change_across": {"label", "direction", "amount", "percent", "base", "base_quarter", "current",
                      "quarter"},
    "period_not_covered": {"company", "coverage", "asked"},
    "which_company": {"companies"},
    "rival": {"label", "amount"},
    "nearest": {"label", "amount", "period"},
    "not_a_percentage": {"label", "amount", "period"},
    "restated": {"quarter", "amount"},
    "part_missing": {"part", "period", "item", "formula"},
    "llm_system": set(),
    "llm_user": {"question", "context"},
}


@cache
def template(name: str, folder: str | None = None) -> str:
    """A template's text, its placeholders checked against what the composer fills."""
    path = Path(folder or FOLDER) / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        raise ConfigError(f"prompt template {path} is missing") from None
    used = {f for _, f, _, _ in string.Formatter().parse(text) if f}
    unknown = used - FIELDS.get(name, set())
    if unknown:
        raise ConfigError(f"prompt template {path} uses unknown placeholders: {', '.join(sorted(unknown))}")
    return text


def render(name: str, **values: object) -> str:
    """Fill a template."""
    return template(name).format(**values)


def check_all() -> None:
    """Load every template once (raises ``ConfigError`` on the first bad one)."""
    for name in FIELDS:
        template(name)
