"""Whatever is typed, the engine answers or refuses with a pressbot error; whatever text is read, the
reader reads it or refuses with an input error."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer.pipeline import Pipeline
from index.errors import PressbotError
from index.reader import read_release
from tests.conftest import SAMPLE, make_store, read

WORDS = ["what", "was", "revenue", "gross", "loss", "net", "per", "share", "cash", "at", "June", "30,",
         "2007", "a", "year", "earlier", "change", "why", "who", "%", "$", "margin", "ratio", "Q1", "FY2008",
         "total", "and", "?", "EBITDA", "fiscal", "2006", "quarter", "first", "prior", "vs", "R&D"]

_engine: Pipeline | None = None


def engine(tmp: Path) -> Pipeline:
    global _engine
    if _engine is None:
        store = make_store(tmp)
        store.add(read(SAMPLE.name))
        _engine = Pipeline(store)
    return _engine


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join) | st.text(max_size=80))
def test_any_question_gets_an_answer_or_a_clear_refusal(tmp_path_factory, question: str) -> None:
    e = engine(tmp_path_factory.mktemp("robust", numbered=True))
    try:
        answer = e.ask(question)
    except PressbotError:
        return
    assert answer.text
    assert all(f.check in ("verified", "unverifiable", "contradicted") for f in answer.figures)
    if not answer.answerable:
        assert answer.text.startswith("The release does not") and not answer.figures


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400), st.sampled_from([".txt", ".md", ".html"]))
def test_any_text_reads_or_is_refused(tmp_path_factory, text: str, suffix: str) -> None:
    p = tmp_path_factory.mktemp("texts", numbered=True) / f"release{suffix}"
    p.write_text(SAMPLE.read_text()[:1500] + "\n" + text, encoding="utf-8")
    try:
        doc = read_release(p)
    except PressbotError:
        return
    assert doc.name == "release"
