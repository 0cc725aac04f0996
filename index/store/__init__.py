"""The store: a read ``Document`` is chunked (``chunks``), embedded (``embed``) and kept with its
parsed form (``serialize``) in Chroma (``store``). Nothing heavy is imported here: chromadb and the
embedding model load when a store is opened."""
