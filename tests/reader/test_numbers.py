"""The number reader: printed forms read back to the same value."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.reader.claims import find_claims
from index.reader.numbers import format_money, is_nil, read_number

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2)


def printed(value: Decimal, places: int) -> str:
    return f"{value:,.{places}f}"


@given(amounts, st.sampled_from([0, 1, 2]), st.booleans(), st.booleans())
def test_parentheses_dollars_and_commas(value: Decimal, places: int, negative: bool,
                                        dollar: bool) -> None:
    q = round(value, places)
    body = printed(q, places)
    text = f"({body})" if negative else body
    if dollar:
        text = "$ " + text
    r = read_number(text)
    assert r is not None
    assert r.value == pytest.approx(float(-q if negative else q))
    assert r.decimals == places
    assert r.currency == ("USD" if dollar else None)


@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999.9"), places=1),
       st.sampled_from(["thousand", "million", "billion"]))
def test_scale_words(value: Decimal, word: str) -> None:
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[word]
    r = read_number(f"{value} {word}")
    assert r is not None and r.value == pytest.approx(float(value) * factor)


@given(st.integers(min_value=-300, max_value=300))
def test_percent_with_parentheses(n: int) -> None:
    text = f"({abs(n)})%" if n < 0 else f"{n}%"
    r = read_number(text)
    assert r is not None and r.percent and r.value == n


@pytest.mark.parametrize(("text", "value", "currency", "percent"), [
    ("$ (1,234.5)", -1234.5, "USD", False),
    ("(0.07)", -0.07, None, False),
    ("1.2 billion", 1.2e9, None, False),
    ("NT$2.15", 2.15, "TWD", False),
    ("US$0.134", 0.134, "USD", False),
    ("14%", 14, None, True),
    ("(1)%", -1, None, True),
    ("\\$ 5,615", 5615, "USD", False),
    ("Up 15%", 15, None, True),
    ("Down 3.3 pts", -3.3, None, True),
    ("53 %", 53, None, True),
    ("$(12.9)", -12.9, "USD", False),
])
def test_printed_forms(text: str, value: float, currency: str | None, percent: bool) -> None:
    r = read_number(text)
    assert r is not None
    assert r.value == pytest.approx(value)
    assert r.currency == currency
    assert r.percent is percent


@pytest.mark.parametrize("text", ["--", "-", "—", "$ -", "--%"])
def test_dashes_are_nil(text: str) -> None:
    assert read_number(text) is None
    assert is_nil(text)


@pytest.mark.parametrize("text", ["Dec. 31", "31,", "abc", "(12", "12)", ""])
def test_not_numbers(text: str) -> None:
    assert read_number(text) is None


def test_format_money() -> None:
    assert format_money(2_473_000) == "$2.5 million"
    assert format_money(-10_407_000) == "-$10.4 million"
    assert format_money(30_040_000_000) == "$30.0 billion"
    assert format_money(789_000) == "$789,000"
    assert format_money(595_410_000_000, "TWD") == "NT$595 billion"


@pytest.mark.parametrize(("text", "values"), [
    ("Operating income increased 10% (14% in constant currencies).", [10, 14]),
    ("Revenue decreased (8.1)% and margin fell (2.5) percentage points.", [-8.1, -2.5]),
    ("a net loss of $(1.3) million", [-1_300_000]),
])
def test_prose_figures_and_their_sign(text: str, values: list[float]) -> None:
    # a figure opening an aside in parentheses is not negative; one closed in parentheses is
    assert [c.value for c in find_claims(text)] == pytest.approx(values)


@pytest.mark.parametrize(("text", "values"), [
    ("Revenue $8.51 - $8.53 Billion", [8.51e9, 8.53e9]),
    ("Revenue of $10.5-11.5 billion", [10.5e9, 11.5e9]),
    ("Revenue of $43.8 billion to $44.5 billion", [43.8e9, 44.5e9]),
    ("EPS of $0.79 - $0.80", [0.79, 0.80]),
])
def test_both_ends_of_a_range_read_with_one_scale(text: str, values: list[float]) -> None:
    claims = find_claims(text)
    assert [c.value for c in claims] == pytest.approx(values)
    assert all(c.kind == "money" for c in claims)


@pytest.mark.parametrize(("text", "value"), [
    ("Restructuring impacted first quarter GAAP diluted earnings per share by (72) cents.", -0.72),
    ("Adjusted EPS rose 5 cents from a year earlier.", 0.05),
    ("The board declared a dividend of 22.5\u00a2 per share.", 0.225),
])
def test_cents_are_dollars(text: str, value: float) -> None:
    money = [c for c in find_claims(text) if c.kind == "money"]
    assert [c.value for c in money] == pytest.approx([value])
    assert money[0].tolerance == pytest.approx(0.005 if value != 0.225 else 0.0005, rel=1e-3)


def test_bullets_run_together_are_items_of_their_own() -> None:
    from index.reader.claims import sentences

    text = "Guidance \u2022  Revenue of $1.6 billion \uf0b7   Capital expenditures of ~$85 million"
    assert sentences(text) == ["Guidance", "Revenue of $1.6 billion", "Capital expenditures of ~$85 million"]
    assert find_claims(text)[-1].approximate  # "~" hedges like "approximately"
