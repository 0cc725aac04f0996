"""One settings object, with nested sections, read from flags and environment variables
(pydantic-settings; every variable starts with ``PRESSBOT_`` but ``SLACK_API_URL``).

Secrets (an LLM provider's API key, the Slack tokens and signing secret) are never settings: they come
only from the environment, read where they are used (``bot.slack.app``). A bad value raises
``ConfigError`` naming the variable and what to set.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir
from pydantic import AliasChoices, BaseModel, Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.errors import ConfigError


class EmbedderKind(StrEnum):
    """Which embedder encodes chunks and questions."""

    MINILM = "minilm"    # the packaged all-MiniLM-L6-v2
    HASHING = "hashing"  # no model: lexical retrieval only, for tests


def _section(prefix: str = "PRESSBOT_") -> SettingsConfigDict:
    return SettingsConfigDict(env_prefix=prefix, extra="ignore", populate_by_name=True, env_ignore_empty=True,
                              str_strip_whitespace=True)


class IndexSettings(BaseSettings):
    """Where the index lives."""

    model_config = _section()
    path: Path = Field(default_factory=lambda: Path(user_data_dir("pressbot")),
                       validation_alias=AliasChoices("PRESSBOT_INDEX"),
                       description="Folder of the embedded Chroma index (PRESSBOT_INDEX, --index).")
    chroma_url: str | None = Field(None, description="http://host:port of a Chroma server "
                                   "(PRESSBOT_CHROMA_URL); when set, the folder is not used.")
    collection: str = Field("pressbot", description="Prefix of the Chroma collections.")


class ModelSettings(BaseSettings):
    """The embedding model."""

    model_config = _section()
    embedder: EmbedderKind = Field(EmbedderKind.MINILM, description="'minilm' (the packaged "
                                   "all-MiniLM-L6-v2) or 'hashing' (no model; tests) (PRESSBOT_EMBEDDER).")
    device: str = Field("cpu", description="Torch device for sentence-transformers.")
    batch_size: int = Field(16, ge=1, description="Chunks embedded per batch when indexing.")
    onnx_cache: Path = Field(default_factory=lambda: Path(user_cache_dir("pressbot")),
                             validation_alias=AliasChoices("PRESSBOT_CACHE"),
                             description="Folder for the ONNX export of the same model, used to "
                             "encode questions without importing torch (PRESSBOT_CACHE).")
    onnx: bool = Field(True, description="Encode questions with the ONNX export when present.")


class RetrievalSettings(BaseModel):
    """Hybrid retrieval: dense (Chroma) and BM25, fused by reciprocal rank."""

    k_dense: int = Field(12, ge=1, description="Chunks taken from the dense search.")
    k_bm25: int = Field(12, ge=1, description="Chunks taken from BM25.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant.")


class AnswerSettings(BaseSettings):
    """Answering."""

    model_config = _section()
    llm: str | None = Field(None, description="A LangChain chat model such as 'ollama:llama3.1' "
                            "(PRESSBOT_LLM); unset, the deterministic offline composer writes answers.")
    max_question_chars: int = Field(2000, ge=1, description="Longer questions are refused.")


class SlackSettings(BaseSettings):
    """The Slack bot (its tokens are secrets: environment only, never here)."""

    model_config = _section("PRESSBOT_SLACK_")
    channels: str = Field("", description="PRESSBOT_SLACK_CHANNELS=C1,C2: answer only in these channels "
                          "(direct messages stay open); empty: everywhere the bot is invited.")
    rate: int = Field(10, ge=1, description="PRESSBOT_SLACK_RATE: questions per user per minute.")
    api_url: str = Field("https://slack.com/api/", validation_alias=AliasChoices("SLACK_API_URL"),
                         description="SLACK_API_URL: the Web API (a mock in tests).")
    log_level: str = Field("INFO", validation_alias=AliasChoices("PRESSBOT_LOG"),
                           pattern=r"(?i)^(debug|info|warning|error|critical)$",
                           description="PRESSBOT_LOG: the bot's log level (DEBUG, INFO, WARNING).")

    @property
    def allowed_channels(self) -> set[str]:
        return {c.strip() for c in self.channels.split(",") if c.strip()}


class Settings(BaseModel):
    """All of pressbot's settings."""

    index: IndexSettings = Field(default_factory=IndexSettings)
    model: ModelSettings = Field(default_factory=ModelSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    slack: SlackSettings = Field(default_factory=SlackSettings)

    @classmethod
    def load(cls, index: str | None = None) -> Settings:
        """Defaults, then environment variables, then flags; ``ConfigError`` for a bad value."""
        sections: dict[str, BaseModel] = {}
        problems: list[str] = []
        for name, section in (("index", IndexSettings), ("model", ModelSettings),
                              ("retrieval", RetrievalSettings), ("answer", AnswerSettings),
                              ("slack", SlackSettings)):
            try:
                sections[name] = section()
            except ValidationError as exc:
                problems.append(_explain(exc))
        if problems:
            raise ConfigError("\n".join(problems))
        s = cls.model_validate(sections)
        if index:
            s.index.path = Path(index).expanduser()
        s.index.path = s.index.path.expanduser()
        s.model.onnx_cache = s.model.onnx_cache.expanduser()
        return s


def _explain(exc: ValidationError) -> str:
    """One line per bad variable: its name, its value and what to set."""
    lines = []
    for err in exc.errors():
        field = str(err["loc"][0]) if err["loc"] else "?"
        var = _variable(field)
        lines.append(f"{var}={err.get('input')!r}: {err['msg'].lower()}; set {var} to a valid value "
                     "or unset it (see the README's Configuration)")
    return "\n".join(lines)


def _variable(field: str) -> str:
    for section in (IndexSettings, ModelSettings, AnswerSettings, SlackSettings):
        info = section.model_fields.get(field)
        if info is None:
            continue
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            return next(str(a) for a in alias.choices if str(a).isupper())
        return (str(section.model_config.get("env_prefix", "")) + field).upper()
    return field
