"""One settings object, read from ``MEMQ_*`` environment variables at the entrypoint.

Durations are integer seconds. URLs are typed; secrets are ``SecretStr`` so they
never show up in logs or reprs.
"""

from pathlib import Path

from pydantic import AliasChoices, AmqpDsn, BaseModel, Field, MongoDsn, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from memq.memory.model import Budgets


class AccountOverrides(BaseModel):
    """Per-account settings, from MEMQ_ACCOUNT_OVERRIDES (JSON keyed by account id)."""

    budgets: dict[str, int] = Field(default_factory=dict)
    session_idle_timeout: int | None = Field(default=None, gt=0)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MEMQ_", extra="ignore")

    amqp_url: AmqpDsn | None = Field(
        default=None, description="RabbitMQ URL; unset = Dramatiq's in-process broker"
    )
    mongodb_url: MongoDsn | None = Field(
        default=None, description="MongoDB URL; unset = SQLite file in MEMQ_DATA_DIR"
    )
    mongodb_database: str = Field(default="memq", description="MongoDB database name")
    data_dir: Path = Field(default=Path(".memq"), description="where the SQLite file lives")
    api_keys: SecretStr | None = Field(
        default=None,
        description='"key1:account1,key2:account2"; in embedded mode a dev key is generated '
        "and printed when unset",
    )
    host: str = Field(default="127.0.0.1", description="gateway bind address")
    port: int = Field(default=8080, description="gateway port")
    queue_prefix: str = Field(
        default="memq",
        pattern=r"^[A-Za-z_][A-Za-z0-9_-]*$",
        description="prefix of every queue name (memq.ingest, ...)",
    )
    max_message_bytes: int = Field(
        default=32 * 1024, gt=0, description="largest message content in UTF-8 bytes (413 above)"
    )
    max_request_bytes: int = Field(
        default=256 * 1024, gt=0, description="largest HTTP request body in bytes (413 above)"
    )
    request_timeout: int = Field(
        default=5, gt=0, description="seconds the gateway waits for a read's reply"
    )
    publish_timeout: int = Field(
        default=5, gt=0, description="seconds the gateway waits for RabbitMQ's publish confirm"
    )
    worker_threads: int = Field(default=8, gt=0, description="threads per worker process")
    worker_processes: int = Field(default=1, gt=0, description="worker processes")
    ingest_max_retries: int = Field(
        default=20, ge=0, description="retries of a transient ingest failure before dead-letter"
    )
    log_level: str = Field(default="INFO", description="logging level")

    # -- memory -------------------------------------------------------------------
    memory_fold_every: int = Field(
        default=5, gt=0, description="fold messages into the summaries every N new messages"
    )
    memory_verbatim_count: int = Field(
        default=5, gt=0, description="messages kept word for word (the verbatim window)"
    )
    budget_verbatim: int = Field(default=400, gt=0, description="token budget: verbatim window")
    budget_recent: int = Field(default=200, gt=0, description="token budget: recent summary")
    budget_mid: int = Field(default=250, gt=0, description="token budget: mid summary")
    budget_old: int = Field(default=200, gt=0, description="token budget: old summary")
    budget_facts: int = Field(default=150, gt=0, description="token budget: key facts")
    account_overrides: dict[str, AccountOverrides] = Field(
        default_factory=dict,
        description='JSON: {"acct": {"budgets": {"recent": 300}, "session_idle_timeout": 600}}',
    )

    # -- LLM ----------------------------------------------------------------------
    anthropic_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("ANTHROPIC_API_KEY", "MEMQ_ANTHROPIC_API_KEY"),
        description="ANTHROPIC_API_KEY: enables the Claude engine; unset = offline engine",
    )
    anthropic_base_url: str | None = Field(
        default=None, description="Messages API base URL (a proxy or a test server)"
    )
    llm_model: str = Field(default="claude-haiku-4-5", description="Claude model for memory")
    llm_max_tokens: int = Field(default=1024, gt=0, description="max tokens per Claude reply")
    llm_temperature: float | None = Field(
        default=None, ge=0, le=1, description="sampling temperature (unset = API default)"
    )
    llm_timeout: int = Field(default=20, gt=0, description="seconds per Claude HTTP attempt")
    llm_max_retries: int = Field(
        default=2, ge=0, description="SDK retries per Claude call (the only retry layer)"
    )

    def budgets_for(self, account_id: str) -> Budgets:
        budgets = Budgets(
            verbatim=self.budget_verbatim,
            recent=self.budget_recent,
            mid=self.budget_mid,
            old=self.budget_old,
            facts=self.budget_facts,
        )
        overrides = self.account_overrides.get(account_id)
        if overrides is None or not overrides.budgets:
            return budgets
        return budgets.model_copy(update=overrides.budgets)

    @property
    def embedded_broker(self) -> bool:
        return self.amqp_url is None

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "memq.sqlite3"


def redact_url(url: object) -> str:
    """A URL fit for logs: the password replaced by ***."""
    text = str(url)
    scheme, sep, rest = text.partition("://")
    if not sep or "@" not in rest:
        return text
    creds, _, host = rest.rpartition("@")
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"
