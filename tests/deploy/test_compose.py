"""The container deployment files: compose.yaml, Dockerfile, .dockerignore.

No Docker engine is needed. The Compose file is checked twice:
- against the Compose Specification's JSON Schema (``compose-spec.json``, what
  Compose v2 validates a file with; the copy check-jsonschema vendors, a test
  dependency), after interpolating ``${VAR}`` as Compose does. (Debian 12
  packages only the end-of-life docker-compose v1, which knows nothing of v2's
  schema: profiles, ``depends_on`` conditions, ...)
- by reading the YAML ourselves and asserting the facts the deployment relies
  on (one queue per worker pool, the replica set, health-gated start-up, ...).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
import yaml

from runtime.settings import Settings
from schemas.routing import QueueKind

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "compose.yaml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"

WORKERS = {f"worker-{kind.value}": kind.value for kind in QueueKind}
MEMQ_SERVICES = {"gateway", "scheduler", *WORKERS}
REQUIRED_ENV = {"MEMQ_API_KEYS": "test-key:test-account"}


# --- helpers -----------------------------------------------------------------

_VAR = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ``${VAR}``, ``${VAR:-default}`` and ``${VAR:?error}``, enough for this file."""

    def substitute(match: re.Match[str]) -> str:
        name, op, arg = match["name"], match["op"], match["arg"]
        current = env.get(name)
        if op in (":-", "-"):
            return current if current or (op == "-" and current is not None) else arg
        if op in (":?", "?") and not current:
            raise LookupError(f"{name}: {arg}")
        return current or ""

    return _VAR.sub(substitute, value)


def compose_spec() -> dict[str, Any]:
    """The Compose Specification's JSON Schema, as vendored by check-jsonschema."""
    vendored = resources.files("check_jsonschema.builtin_schemas.vendor") / "compose-spec.json"
    spec: dict[str, Any] = json.loads(vendored.read_text(encoding="utf-8"))
    return spec


def resolved(env: dict[str, str]) -> Any:
    """compose.yaml as Compose sees it: YAML anchors merged, every ``${VAR}`` interpolated."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            return {key: walk(value) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(value) for value in node]
        return interpolate(node, env) if isinstance(node, str) else node

    return walk(yaml.safe_load(COMPOSE_FILE.read_text()))


def compose_env(**overrides: str | None) -> dict[str, str]:
    """The process environment for the validator, without stray Compose settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPOSE_")}
    env.update(REQUIRED_ENV)
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def service_env(service: dict[str, Any]) -> dict[str, str]:
    environment = service.get("environment") or {}
    assert isinstance(environment, dict), "use the mapping form of environment (anchors merge it)"
    return {key: str(value) for key, value in environment.items()}


def resolved_env(service: dict[str, Any]) -> dict[str, str]:
    """A service's environment as Compose would resolve it with only the required vars set."""
    return {key: interpolate(value, REQUIRED_ENV) for key, value in service_env(service).items()}


def command(service: dict[str, Any]) -> list[str]:
    cmd = service.get("command")
    assert isinstance(cmd, list), "commands are exec-form lists"
    return [str(part) for part in cmd]


def healthcheck_text(service: dict[str, Any]) -> str:
    test = (service.get("healthcheck") or {}).get("test")
    assert test, "service has no healthcheck test"
    return " ".join(test) if isinstance(test, list) else str(test)


def depends_on(service: dict[str, Any]) -> dict[str, Any]:
    deps = service.get("depends_on") or {}
    assert isinstance(deps, dict), "use the long form of depends_on (with conditions)"
    return deps


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with comments dropped and continuations joined."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in DOCKERFILE.read_text().splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        full = (pending + line).strip()
        pending = ""
        if full:
            keyword, _, rest = full.partition(" ")
            instructions.append((keyword.upper(), rest.strip()))
    return instructions


def final_stage(instructions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    starts = [i for i, (keyword, _) in enumerate(instructions) if keyword == "FROM"]
    assert starts, "Dockerfile has no FROM"
    return instructions[starts[-1] :]


# --- fixtures ----------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    with COMPOSE_FILE.open() as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return compose["services"]


# --- the Compose Specification accepts the file -------------------------------------


def test_compose_file_is_valid_by_the_compose_specification() -> None:
    # Given the required variables set, When Compose would load the file, Then its schema
    # accepts it.
    validator = jsonschema.validators.validator_for(compose_spec())(compose_spec())
    errors = [
        f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(resolved(compose_env(ANTHROPIC_API_KEY=None)))
    ]
    assert errors == []


def test_the_specification_refuses_what_compose_v2_would() -> None:
    validator = jsonschema.validators.validator_for(compose_spec())(compose_spec())
    document = resolved(compose_env())
    document["services"]["gateway"]["restart_policy"] = "always"  # not a service key
    document["services"]["grafana"]["profiles"] = "monitoring"  # a list, not a string
    problems = {e.message for e in validator.iter_errors(document)}
    assert any("restart_policy" in problem for problem in problems), problems
    assert any("is not of type 'array'" in problem for problem in problems), problems


def test_compose_refuses_to_start_without_api_keys() -> None:
    with pytest.raises(LookupError, match="MEMQ_API_KEYS"):
        resolved(compose_env(MEMQ_API_KEYS=None))


# --- what the deployment relies on -------------------------------------------


def test_services_are_the_ones_documented(services: dict[str, dict[str, Any]]) -> None:
    assert set(services) == {
        "rabbitmq",
        "rabbitmq-2",
        "rabbitmq-3",
        "mongo",
        *MEMQ_SERVICES,
        "prometheus",
        "grafana",
    }


def test_the_cluster_profile_adds_two_nodes_that_join_the_first(
    compose: dict[str, Any], services: dict[str, dict[str, Any]]
) -> None:
    first = services["rabbitmq"]
    assert "profiles" not in first  # the single node runs without the profile
    cluster_conf = (ROOT / compose["configs"]["rabbitmq-cluster"]["file"]).read_text()
    for name in ("rabbitmq-2", "rabbitmq-3"):
        node = services[name]
        assert node["profiles"] == ["cluster"]
        assert node["image"] == first["image"] and node["hostname"] == name
        # the same cookie, written the same way, as the first node
        assert node["command"] == first["command"]
        assert resolved_env(node) == resolved_env(first)
        assert depends_on(node)["rabbitmq"]["condition"] == "service_healthy"
        assert any(v.endswith(":/var/lib/rabbitmq") for v in node["volumes"])
        assert node["volumes"] != first["volumes"]
        assert f"rabbit@{name}" in cluster_conf
    assert "nodes.1 = rabbit@rabbitmq\n" in cluster_conf
    assert ".erlang.cookie" in " ".join(command(first))


def test_every_memq_service_gets_the_cluster_node_list(
    services: dict[str, dict[str, Any]],
) -> None:
    for name in MEMQ_SERVICES:
        assert service_env(services[name])["MEMQ_AMQP_NODES"] == "${MEMQ_AMQP_NODES:-}", name


def test_one_worker_pool_per_queue_each_consuming_exactly_one_queue(
    services: dict[str, dict[str, Any]],
) -> None:
    consumed: dict[str, str] = {}
    for name, service in services.items():
        cmd = command(service) if "command" in service else []
        if cmd[:1] != ["worker"]:
            continue
        assert cmd.count("--queues") == 1, f"{name}: {cmd}"
        queues = cmd[cmd.index("--queues") + 1]
        assert re.fullmatch(r"[a-z]+", queues), f"{name} consumes more than one queue: {queues!r}"
        consumed[name] = queues
    assert consumed == WORKERS


def test_scalable_services_have_no_container_name(services: dict[str, dict[str, Any]]) -> None:
    # A fixed container_name makes `docker compose up --scale` fail.
    for name in MEMQ_SERVICES:
        assert "container_name" not in services[name], name


def test_mongo_is_a_single_node_replica_set_initiated_by_its_healthcheck(
    services: dict[str, dict[str, Any]],
) -> None:
    mongo = services["mongo"]
    cmd = command(mongo)
    assert cmd[cmd.index("--replSet") + 1] == "rs0"
    assert "--bind_ip_all" in cmd
    check = healthcheck_text(mongo)
    assert "rs.initiate(" in check
    assert "_id: 'rs0'" in check or "_id:'rs0'" in check
    assert "host: 'mongo:27017'" in check or "host:'mongo:27017'" in check
    assert any(v.endswith(":/data/db") for v in mongo.get("volumes", [])), "mongo data volume"


def test_rabbitmq_has_a_healthcheck_and_a_volume(services: dict[str, dict[str, Any]]) -> None:
    rabbitmq = services["rabbitmq"]
    assert re.fullmatch(r"rabbitmq:[\d.]+-management", rabbitmq["image"])
    assert "rabbitmq-diagnostics -q ping" in healthcheck_text(rabbitmq)
    assert any(v.endswith(":/var/lib/rabbitmq") for v in rabbitmq.get("volumes", []))


def test_memq_services_start_only_once_broker_and_store_are_healthy(
    services: dict[str, dict[str, Any]],
) -> None:
    for name in {"gateway", *WORKERS}:
        deps = depends_on(services[name])
        for dependency in ("rabbitmq", "mongo"):
            assert deps[dependency]["condition"] == "service_healthy", (name, dependency)
    assert depends_on(services["scheduler"])["rabbitmq"]["condition"] == "service_healthy"


def test_every_memq_service_reaches_the_broker_by_service_name(
    services: dict[str, dict[str, Any]],
) -> None:
    rabbit_env = resolved_env(services["rabbitmq"])
    for name in MEMQ_SERVICES:
        url = urlsplit(resolved_env(services[name])["MEMQ_AMQP_URL"])
        assert url.scheme == "amqp", name
        assert url.hostname == "rabbitmq" and url.port == 5672, name
        assert (url.username, url.password) == (
            rabbit_env["RABBITMQ_DEFAULT_USER"],
            rabbit_env["RABBITMQ_DEFAULT_PASS"],
        ), f"{name}: AMQP credentials differ from the broker's"


def test_workers_reach_the_replica_set_by_service_name(
    services: dict[str, dict[str, Any]],
) -> None:
    for name in WORKERS:
        url = urlsplit(resolved_env(services[name])["MEMQ_MONGODB_URL"])
        assert url.scheme == "mongodb", name
        assert url.hostname == "mongo", name
        assert parse_qs(url.query).get("replicaSet") == ["rs0"], name


def test_gateway_holds_broker_credentials_only(services: dict[str, dict[str, Any]]) -> None:
    env = service_env(services["gateway"])
    assert "MEMQ_MONGODB_URL" not in env
    assert "ANTHROPIC_API_KEY" not in env


def test_gateway_serves_on_all_interfaces_and_checks_readiness(
    services: dict[str, dict[str, Any]],
) -> None:
    gateway = services["gateway"]
    assert command(gateway) == ["gateway"]
    assert gateway.get("build") in (".", {"context": "."})
    assert resolved_env(gateway)["MEMQ_HOST"] == "0.0.0.0"
    assert "8080:8080" in [str(port) for port in gateway["ports"]]
    check = healthcheck_text(gateway)
    assert "urllib.request" in check and "/readyz" in check


def test_memq_services_run_the_image_the_gateway_builds(
    services: dict[str, dict[str, Any]],
) -> None:
    image = services["gateway"]["image"]
    for name in MEMQ_SERVICES:
        assert services[name]["image"] == image, name


def test_api_keys_are_required_and_anthropic_key_optional(
    services: dict[str, dict[str, Any]],
) -> None:
    api_keys = service_env(services["gateway"])["MEMQ_API_KEYS"]
    assert re.fullmatch(r"\$\{MEMQ_API_KEYS:\?[^}]+\}", api_keys), api_keys
    with pytest.raises(LookupError):
        interpolate(api_keys, {})
    for name in WORKERS:
        value = service_env(services[name])["ANTHROPIC_API_KEY"]
        assert value == "${ANTHROPIC_API_KEY:-}", (name, value)


def test_every_memq_variable_is_a_setting(services: dict[str, dict[str, Any]]) -> None:
    # A misspelt MEMQ_* variable is silently ignored by pydantic-settings.
    known = {f"MEMQ_{field.upper()}" for field in Settings.model_fields}
    for name in MEMQ_SERVICES:
        unknown = {key for key in service_env(services[name]) if key.startswith("MEMQ_")} - known
        assert not unknown, f"{name}: {sorted(unknown)}"


def test_shared_environment_is_an_extension_field(compose: dict[str, Any]) -> None:
    assert "MEMQ_AMQP_URL" in compose["x-memq-env"]


# --- the image ---------------------------------------------------------------


def test_dockerfile_builds_on_python_slim_and_installs_the_project() -> None:
    text = DOCKERFILE.read_text()
    instructions = dockerfile_instructions()
    assert "python:3.13-slim" in text
    runs = " ".join(args for keyword, args in instructions if keyword == "RUN")
    assert re.search(r"pip install (--no-deps )?\.(\s|$)", runs), "the project itself is installed"
    assert "[test]" not in runs, "no test/dev extras in the image"


def test_dockerfile_runs_memq_as_non_root_with_no_secrets() -> None:
    stage = final_stage(dockerfile_instructions())
    users = [args for keyword, args in stage if keyword == "USER"]
    assert users and users[-1].split(":")[0] not in {"root", "0"}
    env_and_args = " ".join(args for keyword, args in stage if keyword in {"ENV", "ARG"})
    for secret in ("MEMQ_API_KEYS", "ANTHROPIC_API_KEY", "MEMQ_AMQP_URL", "MEMQ_MONGODB_URL"):
        assert secret not in env_and_args, secret


def test_dockerfile_ends_with_the_memq_entrypoint() -> None:
    stage = final_stage(dockerfile_instructions())
    keywords = [keyword for keyword, _ in stage]
    entrypoints = [args for keyword, args in stage if keyword == "ENTRYPOINT"]
    assert entrypoints and json.loads(entrypoints[-1]) == ["memq"]
    assert keywords.index("ENTRYPOINT") >= len(keywords) - 2, "ENTRYPOINT (then CMD) ends it"
    cmd = [args for keyword, args in stage if keyword == "CMD"]
    assert cmd and isinstance(json.loads(cmd[-1]), list), "CMD is exec form"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert "memq" in scripts, "the entrypoint is the project's console script"


def test_dockerignore_keeps_local_state_and_secrets_out() -> None:
    ignored = {line.strip() for line in DOCKERIGNORE.read_text().splitlines()}
    for pattern in (".git", ".env", ".memq", ".venv", "tests"):
        assert pattern in ignored, pattern
