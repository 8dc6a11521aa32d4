"""One settings object, read from ``MEMQ_*`` environment variables at the entrypoint.

Durations are integer seconds. URLs are typed; secrets are ``SecretStr`` so they
never show up in logs or reprs.
"""

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, AmqpDsn, BaseModel, Field, MongoDsn, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from schemas.memory_model import Budgets
from schemas.queues import QueueType


class AccountOverrides(BaseModel):
    """Per-account settings, from MEMQ_ACCOUNT_OVERRIDES (JSON keyed by account id)."""

    budgets: dict[str, int] = Field(default_factory=dict)
    session_idle_timeout: int | None = Field(default=None, gt=0)
    rate_limit_per_second: float | None = Field(
        default=None, ge=0, description="this account's MEMQ_RATE_LIMIT_PER_SECOND (0 = none)"
    )
    rate_limit_burst: int | None = Field(
        default=None, gt=0, description="this account's MEMQ_RATE_LIMIT_BURST"
    )
    llm_daily_tokens: int | None = Field(
        default=None,
        gt=0,
        description="input + output tokens the memory's LLM calls may spend per UTC day; "
        "past it, the offline engine until the next UTC day (none: unbounded)",
    )


class Settings(BaseSettings):
    # An empty variable (compose's ${VAR:-}) means unset, not an invalid URL.
    model_config = SettingsConfigDict(env_prefix="MEMQ_", extra="ignore", env_ignore_empty=True)

    amqp_url: AmqpDsn | None = Field(
        default=None, description="RabbitMQ URL; unset = Dramatiq's in-process broker"
    )
    amqp_nodes: str | None = Field(
        default=None,
        pattern=r"^\s*[A-Za-z0-9_.\[\]:-]+(\s*,\s*[A-Za-z0-9_.\[\]:-]+)*\s*$",
        description='other RabbitMQ cluster nodes as "host:port,host:port": gateways, '
        "workers and the scheduler connect to MEMQ_AMQP_URL's node or, when it is down, the "
        "next of these (same credentials and vhost)",
    )
    queue_type: QueueType | None = Field(
        default=None,
        description='"quorum" (replicated over the cluster; the default when MEMQ_AMQP_URL is '
        'set) or "classic" (one node: a development broker); see docs/deploy.md to change it',
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
    url: str | None = Field(
        default=None,
        description="the gateway the CLI (`memq export`, `memq import`) talks to; "
        "unset = http://MEMQ_HOST:MEMQ_PORT",
    )
    api_key: SecretStr | None = Field(
        default=None,
        description="the API key the CLI sends; unset = the dev key `memq serve` keeps in "
        "MEMQ_DATA_DIR/dev-api-key",
    )
    console_readonly_keys: SecretStr | None = Field(
        default=None,
        description='read-only keys for the web console at /console, "key1:account1,..." like '
        "MEMQ_API_KEYS: they see everything of their account and every action is refused (403); "
        "they are not API keys",
    )
    console_session_minutes: int = Field(
        default=480,
        gt=0,
        description="how long a console sign-in lasts (it lives in the gateway process: a "
        "restart signs everybody out)",
    )
    console_signin_failures: int = Field(
        default=10,
        gt=0,
        description="failed console sign-ins one client address may make within "
        "MEMQ_CONSOLE_SIGNIN_WINDOW before its sign-ins are refused (429)",
    )
    console_signin_failures_overall: int = Field(
        default=100,
        gt=0,
        description="failed console sign-ins from all addresses together within "
        "MEMQ_CONSOLE_SIGNIN_WINDOW before every sign-in is refused (429) until the window "
        "frees up (signed-in browsers keep working)",
    )
    console_signin_window: int = Field(
        default=300, gt=0, description="seconds over which failed console sign-ins are counted"
    )
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
    client_timeout: int = Field(
        default=15,
        gt=0,
        description="seconds a client may take to send a request's headers, and again its "
        "body; a slower one gets 408 and its connection is closed",
    )
    request_timeout: int = Field(
        default=5, gt=0, description="seconds the gateway waits for a read's reply"
    )
    context_timeout: int = Field(
        default=2,
        gt=0,
        description="seconds the gateway waits for a context reply (then retries once)",
    )
    publish_timeout: int = Field(
        default=5, gt=0, description="seconds the gateway waits for RabbitMQ's publish confirm"
    )
    worker_threads: int = Field(default=8, gt=0, description="threads per worker process")
    worker_processes: int = Field(default=1, gt=0, description="worker processes")
    worker_nice: int = Field(
        default=0,
        ge=0,
        le=19,
        description="CPU niceness of memq worker processes: e.g. 10 for a memory pool "
        "sharing a host with ingest, so the CPU goes to ingest first",
    )
    ingest_max_retries: int = Field(
        default=20, ge=0, description="retries of a transient ingest failure before dead-letter"
    )
    log_level: str = Field(default="INFO", description="logging level")
    shutdown_timeout: int = Field(
        default=25,
        gt=0,
        description="seconds a process stopping on SIGTERM gives in-flight work to finish "
        "(unfinished messages go back to RabbitMQ); keep it below the orchestrator's grace "
        "period (Kubernetes: terminationGracePeriodSeconds, 30 by default)",
    )

    # -- limits and observability -----------------------------------------------
    rate_limit_per_second: float = Field(
        default=200,
        ge=0,
        description="requests per second per account, per gateway process (token bucket "
        "refill rate; 0 = no rate limit); over it the gateway answers 429 with Retry-After",
    )
    rate_limit_burst: int = Field(
        default=400,
        gt=0,
        description="token bucket size: requests an idle account may send at once",
    )
    rate_limit_max_wait: int = Field(
        default=1,
        ge=0,
        description="seconds a request over the rate may wait for its token before the "
        "gateway answers 429 instead (0 = answer 429 at once)",
    )
    max_messages_per_session: int = Field(
        default=100_000,
        gt=0,
        description="messages a session may hold; the ingest worker dead-letters the newest "
        "messages over it, never one older than a stored message (the gateway holds no "
        "database, so it cannot reject early)",
    )
    log_format: Literal["text", "json"] = Field(
        default="text",
        description='"text" (one line per record) or "json" (one JSON object per line); '
        "records carry account_id and session_id, never message content",
    )
    worker_metrics_port: int = Field(
        default=9191,
        ge=0,
        le=65535,
        description="Prometheus /metrics port of `memq worker` (0 = off); with --processes N "
        "the processes listen on PORT, PORT+1, ... PORT+N-1",
    )
    worker_metrics_host: str = Field(
        default="127.0.0.1",
        description="bind address of the worker metrics server (0.0.0.0 in a container)",
    )

    # -- memory -------------------------------------------------------------------
    memory_fold_every: int = Field(
        default=5, gt=0, description="fold messages into the summaries every N new messages"
    )
    memory_verbatim_count: int = Field(
        default=5, gt=0, description="messages kept word for word (the verbatim window)"
    )
    memory_republish_after: int = Field(
        default=300,
        gt=0,
        description="seconds a session may wait for its pending memory job before the "
        "scheduler publishes it again (the job was lost, or the memory queue is that far "
        "behind); checked every MEMQ_MAINTENANCE_INTERVAL",
    )
    budget_verbatim: int = Field(default=400, gt=0, description="token budget: verbatim window")
    budget_recent: int = Field(default=200, gt=0, description="token budget: recent summary")
    budget_mid: int = Field(default=250, gt=0, description="token budget: mid summary")
    budget_old: int = Field(default=200, gt=0, description="token budget: old summary")
    budget_facts: int = Field(default=150, gt=0, description="token budget: key facts")
    budget_user: int = Field(
        default=250,
        gt=0,
        description="token budget: the user's memory from earlier conversations, taken from "
        "a context's budget only when the session has a user memory to show",
    )
    user_memory_every: int = Field(
        default=25,
        gt=0,
        description="merge a long session into its user's memory every N messages "
        "(and always when it ends)",
    )
    account_overrides: dict[str, AccountOverrides] = Field(
        default_factory=dict,
        description='JSON: {"acct": {"budgets": {"recent": 300}, "session_idle_timeout": 600, '
        '"llm_daily_tokens": 200000}}',
    )

    # -- session lifecycle ----------------------------------------------------------
    session_idle_timeout: int = Field(
        default=1800,
        gt=0,
        description="seconds without a message before a session is ended (reason idle); "
        "per account: account_overrides",
    )
    analytics_flush_interval: int = Field(
        default=60,
        gt=0,
        description="seconds between flushes of a long session's buffered analytics "
        "(a session is always flushed when it ends)",
    )
    analytics_flush_batch: int = Field(
        default=500, gt=0, description="messages aggregated per flush step (one atomic write)"
    )
    low_confidence_threshold: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="an answer whose metadata confidence is below this is a low-confidence query",
    )
    retention_days: int = Field(
        default=30,
        gt=0,
        description="days after its end that a session is deleted with its messages, memory "
        "and analytics (hidden from every read from then on), and after its deletion that a "
        "deleted session's tombstone is removed (its id is free again)",
    )
    maintenance_interval: int = Field(
        default=60,
        gt=0,
        description="seconds between the scheduler's expiry, retention and memory re-publish ticks",
    )
    maintenance_batch: int = Field(
        default=100, gt=0, description="sessions one maintenance tick reads per page"
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
            user=self.budget_user,
        )
        overrides = self.account_overrides.get(account_id)
        if overrides is None or not overrides.budgets:
            return budgets
        return budgets.model_copy(update=overrides.budgets)

    def llm_daily_tokens_for(self, account_id: str) -> int | None:
        """The account's daily token budget for the memory's LLM calls (None: unbounded)."""
        overrides = self.account_overrides.get(account_id)
        return None if overrides is None else overrides.llm_daily_tokens

    def idle_timeout_for(self, account_id: str) -> int:
        """Seconds of silence before ``account_id``'s sessions are ended as idle."""
        overrides = self.account_overrides.get(account_id)
        if overrides is None or overrides.session_idle_timeout is None:
            return self.session_idle_timeout
        return overrides.session_idle_timeout

    def accounts_with_own_idle_timeout(self) -> list[str]:
        """Accounts whose idle timeout is their own: each is scanned on its own."""
        return sorted(
            account
            for account, overrides in self.account_overrides.items()
            if overrides.session_idle_timeout is not None
        )

    @property
    def effective_queue_type(self) -> QueueType:
        return self.queue_type or QueueType.QUORUM

    def amqp_urls(self) -> list[str]:
        """MEMQ_AMQP_URL, then the same URL on each of MEMQ_AMQP_NODES: the failover order."""
        if self.amqp_url is None:
            return []
        first = str(self.amqp_url)
        if not self.amqp_nodes:
            return [first]
        scheme, _, rest = first.partition("://")
        userinfo, at, hostpath = rest.rpartition("@")
        _, slash, path = hostpath.partition("/")
        nodes = [node.strip() for node in self.amqp_nodes.split(",") if node.strip()]
        return [first] + [f"{scheme}://{userinfo}{at}{node}{slash}{path}" for node in nodes]

    @property
    def embedded_broker(self) -> bool:
        return self.amqp_url is None

    @property
    def gateway_url(self) -> str:
        """Where a client on this host finds the gateway: MEMQ_URL, else MEMQ_HOST:MEMQ_PORT."""
        if self.url:
            return self.url.rstrip("/")
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://{host}:{self.port}"

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
