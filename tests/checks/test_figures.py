"""The verifier, table-driven: a figure in prose is verified by a fact or what follows from facts,
contradicted by the row it names, or unverifiable."""

from __future__ import annotations

import pytest

from bot.checks.figures import Verifier
from bot.checks.status import CheckStatus
from index.reader.claims import find_claims
from tests.conftest import read


@pytest.mark.parametrize(("sentence", "status"), [
    ("Revenue for the first quarter was $5.6 million.", CheckStatus.VERIFIED),
    ("Revenue for the first quarter was $5.6 million, a decrease of 14% from last year.",
     CheckStatus.VERIFIED),
    ("The reported gross loss for the first quarter was $2.5 million.", CheckStatus.VERIFIED),
    ("Revenue for the first quarter was $9.9 million.", CheckStatus.CONTRADICTED),
    ("The company opened a plant that cost $3.3 million.", CheckStatus.UNVERIFIABLE),
])
def test_check_a_stated_figure(sentence: str, status: CheckStatus) -> None:
    verifier = Verifier(read("capstone-turbine-q1-fy2008.txt"))
    claims = find_claims(sentence, 1)
    assert claims
    assert verifier.check(claims[-1]).status == status


def test_status_as_a_figure_status() -> None:
    assert CheckStatus.PASSED.as_figure_status() == CheckStatus.UNVERIFIABLE
    assert CheckStatus.CONTRADICTED.as_figure_status() == CheckStatus.CONTRADICTED
    assert CheckStatus.VERIFIED.good and CheckStatus.FAILED.bad and not CheckStatus.UNVERIFIABLE.bad
