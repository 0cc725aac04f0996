"""Errors pressbot raises, one hierarchy for the whole project.

    PressbotError                 base: every error a user may see; ``str()`` is one line that says what to do
    ├── InputError                a release file that cannot be read
    │   ├── EmptyInputError       empty or whitespace-only
    │   ├── BinaryInputError      binary content (NUL bytes, images, archives)
    │   ├── TooLargeError         over the size limit
    │   ├── NotAReleaseError      text, but no sign of an earnings release
    │   └── PdfError              a PDF that cannot be turned into text
    │       ├── EncryptedPdfError     it needs a password
    │       ├── ScannedPdfError       no text layer (a scan)
    │       ├── TooManyPagesError     more pages than are read
    │       └── UnreadablePdfError    not a PDF, or damaged
    ├── IndexStoreError           the index folder or Chroma server cannot be used
    │   └── UnknownDocumentError  a --doc that is not in the index
    ├── QuestionError             an empty or over-long question
    └── ConfigError               bad settings or environment

Foreign exceptions (OSError, chromadb and pdfminer errors, UnicodeDecodeError) are translated into these at
the module that calls the foreign library; the CLI prints ``str(error)`` and exits non-zero.
"""

from __future__ import annotations


class PressbotError(Exception):
    """Base class: a one-line message fit for the user."""

    exit_code = 1


class InputError(PressbotError):
    """A release file that cannot be read."""

    exit_code = 2


class EmptyInputError(InputError):
    """The file is empty."""


class BinaryInputError(InputError):
    """The file holds binary data."""


class TooLargeError(InputError):
    """The file is over the size limit."""


class NotAReleaseError(InputError):
    """The text shows no sign of an earnings release."""


class IndexStoreError(PressbotError):
    """The index cannot be opened, read or written."""

    exit_code = 3


class UnknownDocumentError(IndexStoreError):
    """A document name that is not in the index."""


class QuestionError(PressbotError):
    """An empty or over-long question."""

    exit_code = 2


class ConfigError(PressbotError):
    """Bad settings or environment."""

    exit_code = 2


class PdfError(InputError):
    """A PDF that cannot be turned into text."""


class EncryptedPdfError(PdfError):
    """The PDF needs a password."""


class ScannedPdfError(PdfError):
    """The PDF has no text layer (a scan, or text drawn as shapes)."""


class TooManyPagesError(PdfError):
    """More pages than are read."""


class UnreadablePdfError(PdfError):
    """Not a PDF, a damaged one, or one whose text cannot be decoded."""
