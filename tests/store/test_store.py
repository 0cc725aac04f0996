"""The index: idempotent adds, replacement, removal, interrupted adds, listing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index.errors import IndexStoreError, UnknownDocumentError
from index.reader import read_release
from tests.conftest import CORPUS, SAMPLE, FakeEmbedder, make_store, read


def test_add_is_idempotent(store) -> None:
    doc = read(SAMPLE.name)
    assert store.add(doc) == "added"
    assert store.add(doc) == "unchanged"
    [info] = store.catalog()
    assert info.name == doc.name and info.company == "Capstone Turbine Corporation"
    assert info.facts == len(doc.facts) and info.chunks > 40
    assert len(store.chunk_records([doc.name])) == info.chunks


def test_changed_file_replaces_old_version(store, tmp_path: Path) -> None:
    p = tmp_path / "capstone-turbine-q1-fy2008.txt"
    shutil.copy(SAMPLE, p)
    store.add(read_release(p))
    p.write_text(SAMPLE.read_text().replace("Revenue\t\\$ 5,615", "Revenue\t\\$ 5,616"))
    assert store.add(read_release(p)) == "replaced"
    assert len(store.catalog()) == 1
    doc = store.document("capstone-turbine-q1-fy2008")
    assert any(f.value == 5_616_000 for f in doc.facts)
    texts = [c.text for c in store.chunk_records([doc.name])]
    assert any("5,616" in t for t in texts) and not any("5,615" in t for t in texts)
    raw = store.chunks.get(where={"doc": doc.name})
    assert len(raw["ids"]) == store.catalog()[0].chunks  # the old generation is gone


def test_interrupted_add_leaves_index_as_before(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    good = make_store(folder)
    good.add(read(SAMPLE.name))
    before = good.catalog()
    other = read("watts-water_fy2024-q4.md")
    flaky = make_store(folder, FakeEmbedder(fail_after=1))
    with pytest.raises(KeyboardInterrupt):
        flaky.add(other)
    after = make_store(folder)
    assert after.catalog() == before
    assert after.chunk_records([other.name]) == []
    assert after.add(other) == "added"  # and a later add sweeps the half-written chunks
    raw = after.chunks.get(where={"doc": other.name})
    assert len(raw["ids"]) == {r.name: r for r in after.catalog()}[other.name].chunks


def test_remove(store) -> None:
    doc = read(SAMPLE.name)
    store.add(doc)
    store.remove(doc.name)
    assert store.catalog() == []
    assert store.chunks.get(where={"doc": doc.name})["ids"] == []
    with pytest.raises(UnknownDocumentError, match="index list"):
        store.remove(doc.name)


def test_document_roundtrip_keeps_facts(store) -> None:
    for name in ("capstone-turbine-q1-fy2008.txt", "nvidia_fy2025-q2.html"):
        doc = read(name)
        store.add(doc)
        again = store.document(doc.name)
        assert [(f.label, f.value, f.unit, f.period, f.line) for f in again.facts] == [
            (f.label, f.value, f.unit, f.period, f.line) for f in doc.facts]
        assert again.metadata == doc.metadata


def test_unwritable_index_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(IndexStoreError, match="cannot write to the index folder"):
        make_store(blocker / "index")


def test_bad_server_url(tmp_path: Path) -> None:
    with pytest.raises(IndexStoreError, match="not a URL"):
        make_store(tmp_path, url="nonsense")


def test_all_corpus_releases_index_together(store) -> None:
    for p in sorted(CORPUS.iterdir()):
        if p.suffix in (".txt", ".md", ".html") and p.name != "SOURCES.md":
            store.add(read(p.name))
    assert len(store.catalog()) == 6


def test_every_chunk_fits_the_model() -> None:
    from index.store.chunks import chunk_document, count_tokens
    from tests.conftest import RELEASES

    for name in RELEASES:
        chunks = chunk_document(read(name))
        assert chunks
        assert max(count_tokens(c.text) for c in chunks) <= 256, name
        rows = [c for c in chunks if c.kind == "row"]
        assert all(c.text.startswith(read(name).metadata.company or "") for c in rows)


def test_long_paragraph_is_split_at_sentences() -> None:
    from index.store.chunks import _fit, count_tokens

    text = " ".join(f"Sentence number {i} says revenue grew by {i}% in region {i}." for i in range(80))
    parts = _fit(text, 100)
    assert len(parts) > 3 and all(count_tokens(p) <= 100 for p in parts)
    assert all(p.endswith(".") for p in parts)
    assert " ".join(parts) == text


def test_lost_chunks_are_indexed_again(store) -> None:
    doc = read(SAMPLE.name)
    store.add(doc)
    info = store.catalog()[0]
    some = store.chunks.get(where={"doc": doc.name}, include=[])["ids"][:5]
    store.chunks.delete(ids=some)
    assert store.add(doc) == "replaced"
    assert len(store.chunks.get(where={"doc": doc.name}, include=[])["ids"]) == info.chunks


def test_writers_take_turns(tmp_path: Path) -> None:
    import threading

    folder = tmp_path / "index"
    stores = [make_store(folder) for _ in range(2)]
    doc = read("watts-water_fy2024-q4.md")
    results: list[str] = []
    threads = [threading.Thread(target=lambda s=s: results.append(s.add(doc))) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["added", "unchanged"]
    fresh = make_store(folder)
    [info] = fresh.catalog()
    assert len(fresh.chunks.get(where={"doc": doc.name}, include=[])["ids"]) == info.chunks


def test_langchain_view_of_the_chunks(sample_store) -> None:
    """The chunks collection as LangChain's Chroma vector store, with the injected embedder."""
    from langchain_core.documents import Document as LCDocument

    query = "gross loss for the quarter"
    raw = sample_store.search(sample_store.embedder.embed_query(query), ["capstone-turbine-q1-fy2008"], 3)
    docs = sample_store.vectors.similarity_search(query, k=3, filter={"doc": "capstone-turbine-q1-fy2008"})
    assert all(isinstance(d, LCDocument) for d in docs)
    assert [d.page_content for d in docs] == [c.text for c, _ in raw]


def test_add_many_reports_progress_in_chunks_across_files(store) -> None:
    from index.store.chunks import chunk_document

    docs = [read(SAMPLE.name), read("watts-water_fy2024-q4.md"), read("luvu-brands_fy2025-q2.md")]
    total = sum(len(chunk_document(d)) for d in docs)
    calls: list[tuple[int, int]] = []
    assert store.add_many(docs, lambda done, of: calls.append((done, of))) == ["added"] * 3
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert all(of == total for _, of in calls)
    counts = [done for done, _ in calls]
    assert counts == sorted(counts) and len(set(counts)) == len(counts) > 3  # grows with each batch
    assert [r.chunks for r in store.catalog()] == [len(chunk_document(d)) for d in
                                                   sorted(docs, key=lambda d: d.name)]
    calls.clear()
    assert store.add_many(docs, lambda done, of: calls.append((done, of))) == ["unchanged"] * 3
    assert calls == []  # nothing to embed


def test_each_distinct_text_is_embedded_once_in_batches_of_a_length() -> None:
    from index.store.embed import HashingEmbedder, embed_all

    class Recording(HashingEmbedder):
        batch_size = 4

        def __init__(self) -> None:
            self.batches: list[list[str]] = []

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            self.batches.append(texts)
            return super().embed_documents(texts)

    texts = [f"row {'x ' * (i % 7)}{i % 9}" for i in range(40)]
    recording = Recording()
    vectors = embed_all(recording, texts)
    assert vectors == HashingEmbedder().embed_documents(texts)  # each text gets its own vector back
    seen = [t for b in recording.batches for t in b]
    assert sorted(seen) == sorted(set(texts))  # every distinct text once
    assert all(len(b) <= 4 for b in recording.batches)
    # batches run longest, shortest, next longest...: the rate stays steady for the ETA
    widths = [max(map(len, b)) for b in recording.batches]
    assert widths[0] == max(widths) and widths[1] == min(widths)


def test_same_release_twice_in_one_add(store) -> None:
    doc = read(SAMPLE.name)
    assert store.add_many([doc, doc]) == ["added", "unchanged"]
    [info] = store.catalog()
    assert len(store.chunks.get(where={"doc": doc.name}, include=[])["ids"]) == info.chunks


def test_add_interrupted_while_writing_keeps_earlier_releases(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "index"
    store = make_store(folder)
    first, second = read(SAMPLE.name), read("watts-water_fy2024-q4.md")
    upsert = store.chunks.upsert
    calls = []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) == 2:  # the first release's chunks are written, then the second's fail
            raise KeyboardInterrupt("simulated interruption")
        return upsert(**kwargs)

    monkeypatch.setattr(store.chunks, "upsert", flaky)
    with pytest.raises(KeyboardInterrupt):
        store.add_many([first, second])
    after = make_store(folder)
    assert [r.name for r in after.catalog()] == [first.name]
    assert after.chunk_records([second.name]) == []
    assert after.add(second) == "added"


def test_processes_opening_one_index_at_once_do_not_trip_each_other(tmp_path) -> None:
    # "cannot write to the index folder (No such file or directory)": one opener removed the probe file
    # another had just written; each opener now proves the folder writable with a file of its own
    from concurrent.futures import ThreadPoolExecutor

    from index.store.store import check_writable

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: check_writable(tmp_path / "index"), range(400)))
    assert not list((tmp_path / "index").iterdir())  # no probe left behind
