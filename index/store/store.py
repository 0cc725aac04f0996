"""The index: releases, their chunks and vectors in Chroma (embedded folder or server).

One store of truth: each release's parsed document (tables, facts, narrative) is kept as a record
of the releases collection, its chunks and vectors in the chunks collection. A release's record is
written last and names the generation of its chunks, so an interrupted ``add`` leaves the index as
it was: chunks of an unfinished generation are never read, and are swept on the next write.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from index.document import Document
from index.errors import IndexStoreError, UnknownDocumentError
from index.store.chunks import Chunk, ChunkKind, chunk_document
from index.store.embed import DIM, Embedder, Progress, embed_all, langchain_embeddings
from index.store.serialize import dump_document, load_document

WINDOW = 8192       # chunks embedded in one pass (and their vectors held) at most
WRITE_BATCH = 512   # chunks written to Chroma per call
CATALOG_TTL = 1.0


@dataclass(frozen=True)
class ReleaseInfo:
    """What ``index list`` shows of a release."""

    name: str
    company: str
    period: str
    facts: int
    chunks: int
    sha256: str
    generation: str
    path: str


@contextmanager
def translated(action: str) -> Iterator[None]:
    """Turn Chroma's and the OS's exceptions into an ``IndexStoreError`` that says what to do."""
    try:
        yield
    except (IndexStoreError, KeyboardInterrupt):
        raise
    except PermissionError as exc:
        raise IndexStoreError(f"cannot {action}: permission denied ({exc.filename}); pass --index "
                              "DIR or set PRESSBOT_INDEX to a folder you can write") from None
    except Exception as exc:  # noqa: BLE001 - chromadb raises many kinds; all become one message
        name = type(exc).__name__
        raise IndexStoreError(f"cannot {action}: {name}: {str(exc).splitlines()[0][:200]}") from None


def check_writable(path: Path) -> None:
    """Create the index folder if need be and prove it writable, with a probe file of this call's own:
    two processes opening one index at once (the CLI beside the Slack bot) must not remove each other's
    probe and report the folder unwritable."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise IndexStoreError(f"cannot write to the index folder {path} ({exc.strerror}); pass "
                              "--index DIR or set PRESSBOT_INDEX to a writable folder") from None


def open_client(path: Path, url: str | None) -> Any:
    """A Chroma client: the server at ``url``, or the embedded store in ``path``."""
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if url:
        u = urlparse(url)
        if not u.hostname:
            raise IndexStoreError(f"PRESSBOT_CHROMA_URL={url!r} is not a URL like http://127.0.0.1:8000")
        with translated(f"reach the Chroma server at {url}"):
            client = chromadb.HttpClient(host=u.hostname, port=u.port or 8000,
                                         ssl=u.scheme == "https", settings=settings)
            client.heartbeat()
            return client
    check_writable(path)
    with translated(f"open the index in {path}"):
        return chromadb.PersistentClient(path=str(path), settings=settings)


class Store:
    """Releases and chunks in Chroma; the client and the embedder are injected."""

    def __init__(self, client: Any, embedder: Embedder, prefix: str = "pressbot",
                 lock: Path | None = None) -> None:
        self.lock = lock
        self.client = client
        self.embedder = embedder
        self.prefix = prefix
        with translated("open the index collections"):
            self.releases = client.get_or_create_collection(
                f"{prefix}_releases", embedding_function=None, metadata={"hnsw:space": "cosine"})
            self.chunks = client.get_or_create_collection(
                f"{prefix}_chunks", embedding_function=None, metadata={"hnsw:space": "cosine"})
        self._vectors: Any = None
        self._docs: dict[str, tuple[str, Document]] = {}
        self._catalog: tuple[float, list[ReleaseInfo]] | None = None
        self._write_batch = WRITE_BATCH

    @property
    def vectors(self) -> Any:
        """The chunks collection as a LangChain vector store, with the injected embedder."""
        if self._vectors is None:
            from langchain_chroma import Chroma

            self._vectors = Chroma(collection_name=f"{self.prefix}_chunks", client=self.client,
                                   embedding_function=langchain_embeddings(self.embedder),
                                   collection_metadata={"hnsw:space": "cosine"})
        return self._vectors

    # -- reading ---------------------------------------------------------------------------------
    def catalog(self) -> list[ReleaseInfo]:
        """Every release in the index, by name (re-read at most once a second, and after this
        store's own writes)."""
        now = time.monotonic()
        if self._catalog is not None and now - self._catalog[0] < CATALOG_TTL:
            return self._catalog[1]
        with translated("read the index"):
            got = self.releases.get(include=["metadatas"])
        out = [ReleaseInfo(name=i, company=str(m.get("company", "")), period=str(m.get("period", "")),
                           facts=int(m.get("facts", 0)), chunks=int(m.get("chunks", 0)),
                           sha256=str(m.get("sha256", "")), generation=str(m.get("gen", "")),
                           path=str(m.get("path", "")))
               for i, m in zip(got["ids"], got["metadatas"] or [], strict=False)]
        out.sort(key=lambda r: r.name)
        self._catalog = (now, out)
        return out

    def document(self, name: str) -> Document:
        """A release's parsed document (cached while its generation stands)."""
        cached = self._docs.get(name)
        if cached and cached[0] == self.generations().get(name):
            return cached[1]
        with translated("read the index"):
            got = self.releases.get(ids=[name], include=["documents", "metadatas"])
        if not got["ids"]:
            raise UnknownDocumentError(f"no release named {name!r} in the index; see 'pressbot index list'")
        gen = str((got["metadatas"] or [{}])[0].get("gen", ""))
        cached = self._docs.get(name)
        if cached and cached[0] == gen:
            return cached[1]
        doc = load_document((got["documents"] or [""])[0] or "")
        self._docs[name] = (gen, doc)
        return doc

    def generations(self) -> dict[str, str]:
        """Release name to the generation of its committed chunks."""
        return {r.name: r.generation for r in self.catalog()}

    def chunk_records(self, names: list[str]) -> list[Chunk]:
        """The committed chunks of some releases (for BM25)."""
        gens = self.generations()
        out: list[Chunk] = []
        with translated("read the index"):
            for name in names:
                got = self.chunks.get(where={"$and": [{"doc": name}, {"gen": gens.get(name, "")}]},
                                      include=["documents", "metadatas"])
                for cid, text, meta in zip(got["ids"], got["documents"] or [], got["metadatas"] or [],
                                           strict=False):
                    out.append(_chunk(cid, text or "", meta))
        return out

    def search(self, vector: list[float], names: list[str], k: int) -> list[tuple[Chunk, float]]:
        """Nearest committed chunks of the given releases to a query vector."""
        gens = self.generations()
        clauses = [{"$and": [{"doc": n}, {"gen": gens[n]}]} for n in names if n in gens]
        if not clauses:
            return []
        where: dict[str, Any] = clauses[0] if len(clauses) == 1 else {"$or": clauses}
        with translated("search the index"):
            got = self.chunks.query(query_embeddings=[vector], n_results=k, where=where,
                                    include=["documents", "metadatas", "distances"])
        ids = got["ids"][0] if got["ids"] else []
        docs = (got["documents"] or [[]])[0]
        metas = (got["metadatas"] or [[]])[0]
        dists = (got["distances"] or [[]])[0]
        rows = zip(ids, docs, metas, dists, strict=False)
        return [(_chunk(i, d or "", m), float(s)) for i, d, m, s in rows]

    # -- writing ---------------------------------------------------------------------------------
    def add(self, doc: Document, progress: Progress | None = None) -> str:
        """Index a release: 'added', 'replaced' or 'unchanged' (same content already indexed)."""
        return self.add_many([doc], progress)[0]

    def add_many(self, docs: list[Document], progress: Progress | None = None) -> list[str]:
        """Index releases, each 'added', 'replaced' or 'unchanged'. The chunks of all of them are embedded
        in one pass (each distinct text once, batched by length across files), up to ``WINDOW`` chunks
        at a time; ``progress(done, total)`` counts chunks embedded across the whole call. Each release
        is committed on its own (its record written last); writers in other processes wait for each
        other (embedded index)."""
        with writer_lock(self.lock):
            self._catalog = None
            statuses = [""] * len(docs)
            self._write_batch = min(WRITE_BATCH, self.client.get_max_batch_size())
            existing = {r.name: r for r in self.catalog()}
            todo: list[tuple[int, list[Chunk]]] = []
            planned: dict[str, str] = {}  # name -> sha256 of a release already in this call
            for n, doc in enumerate(docs):
                if doc.name in planned:
                    statuses[n] = "unchanged" if planned[doc.name] == doc.sha256 else "replaced"
                elif self._unchanged(doc, existing.get(doc.name)):
                    statuses[n] = "unchanged"
                else:
                    statuses[n] = "replaced" if doc.name in existing else "added"
                planned[doc.name] = doc.sha256
                if statuses[n] != "unchanged":
                    todo.append((n, chunk_document(doc)))
            total = sum(len(chunks) for _, chunks in todo)
            if progress and total:
                progress(0, total)
            done = 0
            while todo:
                window = [todo.pop(0)]
                while todo and sum(len(c) for _, c in window) + len(todo[0][1]) <= WINDOW:
                    window.append(todo.pop(0))
                texts = [c.text for _, chunks in window for c in chunks]
                with translated("write the index"):
                    vectors = embed_all(self.embedder, texts, progress, done, total)
                done += len(texts)
                for n, chunks in window:
                    self._write(docs[n], chunks, vectors[: len(chunks)])
                    vectors = vectors[len(chunks):]
            return statuses

    def _unchanged(self, doc: Document, old: ReleaseInfo | None) -> bool:
        """The same content is indexed with all its chunks (older generations are swept)."""
        if not old or old.sha256 != doc.sha256:
            return False
        with translated("read the index"):
            committed = self.chunks.get(where={"$and": [{"doc": doc.name}, {"gen": old.generation}]},
                                        include=[])
        if len(committed["ids"]) != old.chunks:
            return False  # chunks lost (a concurrent writer, a manual edit): index the release again
        self._sweep(doc.name, old.generation)
        return True

    def _write(self, doc: Document, chunks: list[Chunk], vectors: list[list[float]]) -> None:
        """A release's chunks under a new generation, then its record naming it, then the sweep of the
        generations before."""
        gen = uuid.uuid4().hex[:12]
        with translated("write the index"):
            size = self._write_batch
            for start in range(0, len(chunks), size):
                batch = chunks[start: start + size]
                self.chunks.upsert(
                    ids=[f"{c.id}@{gen}" for c in batch],
                    embeddings=vectors[start: start + size],  # type: ignore[arg-type]
                    documents=[c.text for c in batch],
                    metadatas=[{"doc": c.doc, "gen": gen, "kind": c.kind.value, "line": c.line,
                                "section": c.section, "table": c.table, "row": c.row} for c in batch])
            meta = doc.metadata
            period = meta.period.describe() if meta.period else ""
            marker = [1.0 / DIM ** 0.5] * DIM
            self.releases.upsert(ids=[doc.name], documents=[dump_document(doc)], embeddings=[marker],
                                 metadatas=[{"gen": gen, "sha256": doc.sha256, "company": meta.company or "",
                                             "ticker": meta.ticker or "", "period": period,
                                             "facts": len(doc.facts), "chunks": len(chunks),
                                             "path": doc.path}])
        self._catalog = None
        self._sweep(doc.name, gen)

    def remove(self, name: str) -> None:
        """Take a release out of the index completely."""
        with writer_lock(self.lock):
            self._catalog = None
            self._remove(name)

    def _remove(self, name: str) -> None:
        if name not in {r.name for r in self.catalog()}:
            raise UnknownDocumentError(f"no release named {name!r} in the index; see 'pressbot index list'")
        with translated("write the index"):
            self.releases.delete(ids=[name])
            self.chunks.delete(where={"doc": name})
        self._docs.pop(name, None)
        self._catalog = None

    def _sweep(self, name: str, keep: str) -> None:
        """Delete chunks of a release left by other generations (an interrupted or replaced add)."""
        with translated("write the index"):
            where: Any = {"$and": [{"doc": name}, {"gen": {"$ne": keep}}]}
            self.chunks.delete(where=where)


@contextmanager
def writer_lock(path: Path | None) -> Iterator[None]:
    """An exclusive lock on a file beside the embedded index, held while one process writes."""
    if path is None:
        yield
        return
    import fcntl

    try:
        handle = path.open("a")
    except OSError as exc:
        raise IndexStoreError(f"cannot lock the index ({exc.strerror}); pass --index DIR or set "
                              "PRESSBOT_INDEX to a writable folder") from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _chunk(cid: str, text: str, meta: Any) -> Chunk:
    m = dict(meta or {})
    return Chunk(id=cid, doc=str(m.get("doc", "")), kind=ChunkKind(str(m.get("kind", "row"))), text=text,
                 line=int(m.get("line", 0)), section=str(m.get("section", "")),
                 table=str(m.get("table", "")), row=int(m.get("row", -1)))
