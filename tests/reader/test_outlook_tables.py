"""Guidance printed as a table is read into the sentences the release would have printed in prose:
ranges with both ends and the caption's scale, the column's period, an earlier outlook left out,
"no change" carried over, and a results table under another heading never taken for guidance."""

from __future__ import annotations

from index.reader.outlook import outlook_blocks


def sentences(text: str) -> list[str]:
    lines = text.splitlines()
    return [b.text for b in outlook_blocks(lines, ["text"] * len(lines))]


def test_ranges_take_the_captions_scale_and_the_columns_period() -> None:
    got = sentences("""Business Outlook

Zenith is providing the following guidance for Q3 2025.

 In millions, except per share data                     Q3 2025 Guidance
 Revenue                                                    $810 - $830
 Diluted EPS                                              $1.10 - $1.15
 Organic growth                                               2% - 4%
""")
    assert got == [
        "Q3 2025 guidance: Revenue is expected to be $810 million to $830 million.",
        "Q3 2025 guidance: Diluted EPS is expected to be $1.10 to $1.15 per share.",
        "Q3 2025 guidance: Organic growth is expected to be 2% to 4%.",
    ]


def test_an_earlier_outlook_is_left_out_and_no_change_carries_it_over() -> None:
    got = sentences("""Fiscal 2026 Outlook

                            Prior FY26 Outlook        Updated FY26 Outlook
Net sales                   $4.1 billion to $4.2 billion   $4.2 billion to $4.3 billion
Operating margin                 11.0% to 11.5%              no change
Capital expenditures                                   approximately $150 million
""")
    assert got == [
        "FY26 guidance: Net sales is expected to be $4.2 billion to $4.3 billion.",
        "FY26 guidance: Operating margin is expected to be 11.0% to 11.5%.",
        "FY26 guidance: Capital expenditures is expected to be approximately $150 million.",
    ]


def test_stacked_headings_name_each_column_and_a_negative_is_kept() -> None:
    got = sentences("""Business Outlook

Q4 2025                                   GAAP             Non-GAAP
                                      Approximately      Approximately
Gross margin                              41.0%              45.5%
Tax rate                                  (12)%               14%
Earnings (loss) per share                $(0.20)             $0.30
""")
    assert "Q4 2025 GAAP guidance: Tax rate is expected to be -12%." in got
    assert "Q4 2025 Non-GAAP guidance: Gross margin is expected to be 45.5%." in got
    assert "Q4 2025 GAAP guidance: Earnings (loss) per share is expected to be $(0.20) per share." in got


def test_a_results_table_under_another_heading_is_not_guidance() -> None:
    assert sentences("""Acme Reports 2025 Results; Provides 2026 Outlook
Reported 2025 Results

                                        Fourth Quarter        Full-Year
  Net revenue growth                         10.9%               8.7%
  Earnings per share                         $0.37               $6.42
""") == []
