"""The outcome of a check, and how each outcome is shown (one home for the marks of every renderer)."""

from __future__ import annotations

from enum import StrEnum


class CheckStatus(StrEnum):
    """What a check found. Arithmetic checks pass or fail; figures are verified, unverifiable or
    contradicted. The values are the words shown to people and written to JSON."""

    PASSED = "passed"
    FAILED = "failed"
    VERIFIED = "verified"
    UNVERIFIABLE = "unverifiable"
    CONTRADICTED = "contradicted"

    @property
    def good(self) -> bool:
        return self in (CheckStatus.PASSED, CheckStatus.VERIFIED)

    @property
    def bad(self) -> bool:
        return self in (CheckStatus.FAILED, CheckStatus.CONTRADICTED)

    def as_figure_status(self) -> CheckStatus:
        """A check of prose seen as the status of an answer's figure: only verified and contradicted
        stand; anything else is unverifiable."""
        return self if self in (CheckStatus.VERIFIED, CheckStatus.CONTRADICTED) else CheckStatus.UNVERIFIABLE


# the symbol and the colour (rich) or emoji (Slack) of each status
SYMBOL = {CheckStatus.PASSED: "✓", CheckStatus.VERIFIED: "✓", CheckStatus.FAILED: "✗",
          CheckStatus.CONTRADICTED: "✗", CheckStatus.UNVERIFIABLE: "?"}
COLOUR = {CheckStatus.PASSED: "green", CheckStatus.VERIFIED: "green", CheckStatus.FAILED: "red",
          CheckStatus.CONTRADICTED: "red", CheckStatus.UNVERIFIABLE: "yellow"}
EMOJI = {CheckStatus.PASSED: ":white_check_mark:", CheckStatus.VERIFIED: ":white_check_mark:",
         CheckStatus.FAILED: ":x:", CheckStatus.CONTRADICTED: ":x:",
         CheckStatus.UNVERIFIABLE: ":grey_question:"}
