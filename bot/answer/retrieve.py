"""Retrieval: dense search through the store and BM25 over the same chunks, fused by reciprocal rank."""

from __future__ import annotations

from typing import Any

from index.reader.words import stems
from index.store.chunks import Chunk


class Retriever:
    """Dense search through the store, BM25 over the same chunks, fused by reciprocal rank."""

    def __init__(self, store: Any, k_dense: int = 12, k_bm25: int = 12, rrf_k: int = 60) -> None:
        self.store = store
        self.k_dense, self.k_bm25, self.rrf_k = k_dense, k_bm25, rrf_k
        self._bm25: dict[tuple[str, ...], tuple[Any, list[Chunk]]] = {}

    def _bm25_for(self, names: list[str]) -> tuple[Any, list[Chunk]]:
        key = tuple(sorted(names)) + tuple(self.store.generations().get(n, "") for n in sorted(names))
        if key not in self._bm25:
            from rank_bm25 import BM25Okapi

            chunks = self.store.chunk_records(sorted(names))
            corpus = [sorted(stems(c.text)) or ["_"] for c in chunks]
            if len(self._bm25) >= 16:
                self._bm25.clear()
            self._bm25[key] = (BM25Okapi(corpus) if chunks else None, chunks)
        return self._bm25[key]

    def retrieve(self, question: str, names: list[str]) -> list[tuple[Chunk, float]]:
        """Chunks of the releases in scope, best first, with fused scores."""
        scores: dict[str, float] = {}
        by_id: dict[str, Chunk] = {}
        vector = self.store.embedder.embed_query(question)
        for rank, (chunk, _) in enumerate(self.store.search(vector, names, self.k_dense)):
            scores[chunk.id] = scores.get(chunk.id, 0.0) + 1.0 / (self.rrf_k + rank)
            by_id[chunk.id] = chunk
        bm25, chunks = self._bm25_for(names)
        if bm25 is not None:
            raw = bm25.get_scores(sorted(stems(question)))
            top = sorted(range(len(chunks)), key=lambda i: -raw[i])[: self.k_bm25]
            for rank, i in enumerate(top):
                if raw[i] <= 0:
                    break
                c = chunks[i]
                scores[c.id] = scores.get(c.id, 0.0) + 1.0 / (self.rrf_k + rank)
                by_id[c.id] = c
        return sorted(((by_id[i], s) for i, s in scores.items()), key=lambda x: -x[1])
