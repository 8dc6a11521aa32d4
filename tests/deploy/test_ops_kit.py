"""The operations kit (deploy/): every file checked against the schema of what reads it.

- Kubernetes manifests: the Kubernetes API's own schemas, strict (``kubernetes-validate``);
  KEDA's ScaledObject and TriggerAuthentication: KEDA's CRD schemas (``cloudcoil-models-keda``,
  generated from them), made strict the same way.
- Grafana dashboard: a fixed point of Grafana's typed dashboard model
  (``grafana-foundation-sdk``, generated from Grafana's schema): nothing it would drop.
- Prometheus config and alert rules: ``promtool check`` and ``promtool test rules``
  (Debian's prometheus package; CI installs it with .ci/install-validators.sh).
- Every PromQL expression parses (``promql-parser``) and names only metrics memq exports.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import promql_parser
import pytest
import yaml
from cloudcoil.models.keda.v1alpha1 import ScaledObject, TriggerAuthentication
from dramatiq.brokers.stub import StubBroker

from actors.metrics.install import install_worker_metrics
from actors.metrics.probes.stub import stub_probe
from domain.memory.factory import build_engines
from gateway.metrics import GatewayMetrics
from runtime.process_metrics import process_registry
from runtime.settings import Settings
from schemas.routing import QueueKind

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
PROMETHEUS = DEPLOY / "prometheus"
DASHBOARD = DEPLOY / "grafana" / "dashboards" / "memq.json"
KEDA_MODELS = {"ScaledObject": ScaledObject, "TriggerAuthentication": TriggerAuthentication}
POOLS = [kind.value for kind in QueueKind]


# --- helpers -----------------------------------------------------------------


def manifests() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        found += [(path.name, doc) for doc in yaml.safe_load_all(path.read_text()) if doc]
    return found


def of_kind(kind: str) -> dict[str, dict[str, Any]]:
    return {doc["metadata"]["name"]: doc for _, doc in manifests() if doc["kind"] == kind}


def strict(schema: Any) -> Any:
    """Refuse unknown fields wherever the schema lists the known ones (as kubectl's
    strict field validation does)."""
    if isinstance(schema, dict):
        if "properties" in schema and "additionalProperties" not in schema:
            schema["additionalProperties"] = False
        for value in schema.values():
            strict(value)
    elif isinstance(schema, list):
        for value in schema:
            strict(value)
    return schema


def keda_errors(doc: dict[str, Any]) -> list[str]:
    model = KEDA_MODELS[doc["kind"]]
    validator = jsonschema.Draft202012Validator(strict(model.model_json_schema()))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def exported_metric_names() -> set[str]:
    """Every metric and sample name a memq process exports (gateway, worker, process)."""
    registry = process_registry()
    GatewayMetrics(registry)
    broker = StubBroker()
    install_worker_metrics(
        broker,
        registry,
        engines=build_engines(Settings()),
        queue_prefix="memq",
        queue_probe=stub_probe(broker),
    )
    suffixes = {"counter": ("_total",), "histogram": ("_bucket", "_count", "_sum")}
    names = set()
    for family in registry.collect():
        # A labelled family has no samples until it is first used: name them all.
        names.add(family.name)
        names.update(family.name + suffix for suffix in suffixes.get(family.type, ()))
        names.update(sample.name for sample in family.samples)
    return names


def expressions_of_dashboard() -> list[str]:
    dashboard = json.loads(DASHBOARD.read_text())
    return [
        target["expr"]
        for panel in dashboard["panels"]
        for target in panel.get("targets") or []
        if "expr" in target
    ]


def expressions_of_rules() -> list[str]:
    rules = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text())
    return [rule["expr"] for group in rules["groups"] for rule in group["rules"]]


METRIC = re.compile(r"\b((?:memq|process|python)_[a-z_]+)\b")


def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        message = "promtool is missing: install it with `bash .ci/install-validators.sh`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


# --- Kubernetes ----------------------------------------------------------------


def test_every_kubernetes_manifest_is_valid_for_the_kubernetes_api_strictly() -> None:
    version = kubernetes_validate.latest_version()
    checked = 0
    for name, doc in manifests():
        if doc["kind"] in KEDA_MODELS:
            assert keda_errors(doc) == [], (name, doc["metadata"]["name"])
            KEDA_MODELS[doc["kind"]].model_validate(doc)
        else:
            kubernetes_validate.validate(doc, version, strict=True)
        checked += 1
    assert checked >= 12


def test_the_validators_refuse_a_misspelt_field() -> None:
    deployment = copy.deepcopy(of_kind("Deployment")["memq-gateway"])
    deployment["spec"]["template"]["spec"]["containers"][0]["enviroment"] = []
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, kubernetes_validate.latest_version(), strict=True)
    scaled = copy.deepcopy(of_kind("ScaledObject")["memq-worker-ingest"])
    scaled["spec"]["triggers"][0]["authRef"] = {"name": "x"}
    assert keda_errors(scaled)


def test_one_worker_deployment_per_pool_each_consuming_its_own_queue() -> None:
    deployments = of_kind("Deployment")
    for pool in POOLS:
        container = deployments[f"memq-worker-{pool}"]["spec"]["template"]["spec"]["containers"][0]
        assert container["args"] == ["worker", "--queues", pool]
    assert set(deployments) == {"memq-gateway", "memq-scheduler"} | {
        f"memq-worker-{pool}" for pool in POOLS
    }


def test_keda_scales_each_pool_on_its_own_queue() -> None:
    scaled = of_kind("ScaledObject")
    auth = of_kind("TriggerAuthentication")
    config = of_kind("ConfigMap")["memq-config"]["data"]
    for pool in POOLS:
        spec = scaled[f"memq-worker-{pool}"]["spec"]
        assert spec["scaleTargetRef"]["name"] == f"memq-worker-{pool}"
        assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"]
        [trigger] = spec["triggers"]
        assert trigger["type"] == "rabbitmq"
        assert trigger["metadata"]["queueName"] == f"{config['MEMQ_QUEUE_PREFIX']}.{pool}"
        assert trigger["metadata"]["mode"] == "QueueLength"
        assert int(trigger["metadata"]["value"]) > 0
        assert trigger["authenticationRef"]["name"] in auth


def test_the_gateway_gets_broker_credentials_only_and_every_secret_comes_from_the_secret() -> None:
    deployments = of_kind("Deployment")
    for name, deployment in deployments.items():
        env = deployment["spec"]["template"]["spec"]["containers"][0].get("env", [])
        for variable in env:
            if variable["name"] in ("MEMQ_AMQP_URL", "MEMQ_MONGODB_URL", "MEMQ_API_KEYS"):
                assert variable["valueFrom"]["secretKeyRef"]["name"] == "memq-secrets", name
        names = {variable["name"] for variable in env}
        if name == "memq-gateway":
            assert "MEMQ_MONGODB_URL" not in names and "ANTHROPIC_API_KEY" not in names


def test_the_grace_period_outlasts_memqs_shutdown_timeout() -> None:
    timeout = int(of_kind("ConfigMap")["memq-config"]["data"]["MEMQ_SHUTDOWN_TIMEOUT"])
    for name, deployment in of_kind("Deployment").items():
        grace = deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
        assert grace > timeout, name


def test_the_kustomization_applies_every_manifest_but_the_secret_example() -> None:
    listed = yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"]
    files = {path.name for path in K8S.glob("*.yaml")}
    assert set(listed) == files - {"kustomization.yaml", "secret.example.yaml"}


# --- Grafana -----------------------------------------------------------------------


def test_the_dashboard_is_what_grafanas_dashboard_schema_keeps() -> None:
    result = subprocess.run(
        [sys.executable, str(DEPLOY / "grafana" / "build_dashboard.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_the_dashboard_shows_what_the_issue_asks_for() -> None:
    exprs = "\n".join(expressions_of_dashboard())
    for metric in (
        "memq_ingest_messages_total",  # ingest rate
        'memq_gateway_request_seconds_bucket{actor="assemble_context"}',  # context latency
        "memq_queue_oldest_message_age_seconds",  # memory lag, queue age per pool
        "memq_queue_messages",  # queue depth, DLQ
        "memq_llm_calls_total",
        "memq_llm_tokens_total",
        'memq_worker_messages_total{outcome="error"}',  # errors
    ):
        assert metric in exprs, metric


# --- Prometheus -------------------------------------------------------------------


def test_the_alert_rules_pass_promtools_check_and_their_unit_tests() -> None:
    tool = promtool()
    for args in (["check", "rules", "alerts.yml"], ["test", "rules", "alerts.test.yml"]):
        result = subprocess.run(
            [tool, *args], cwd=PROMETHEUS, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_prometheus_config_passes_promtools_check() -> None:
    result = subprocess.run(
        [promtool(), "check", "config", "prometheus.yml"],
        cwd=PROMETHEUS,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_alerts_cover_the_issues_cases() -> None:
    rules = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text())
    names = {rule["alert"] for group in rules["groups"] for rule in group["rules"]}
    assert {
        "MemqDeadLettersGrowing",
        "MemqQueueBacklogOld",
        "MemqMemoryLagHigh",
        "MemqBrokerUnreachable",
        "MemqStoreUnreachable",
    } <= names


@pytest.mark.parametrize("source", ["dashboard", "alerts"])
def test_every_expression_parses_and_names_only_metrics_memq_exports(source: str) -> None:
    exprs = expressions_of_dashboard() if source == "dashboard" else expressions_of_rules()
    exported = exported_metric_names()
    for expr in exprs:
        promql_parser.parse(expr.replace("$__rate_interval", "5m"))
        unknown = set(METRIC.findall(expr)) - exported
        assert not unknown, (expr, unknown)


# --- compose's monitoring profile --------------------------------------------------


def test_compose_runs_prometheus_and_grafana_only_when_asked_with_these_files() -> None:
    services = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    for name in ("prometheus", "grafana"):
        assert services[name]["profiles"] == ["monitoring"]
        for volume in services[name]["volumes"]:
            source = volume.split(":")[0]
            if source.startswith("./"):
                assert (ROOT / source).exists(), source
    # the rest run by default, or in another optional profile (the cluster's extra nodes)
    assert all(
        "monitoring" not in s.get("profiles", [])
        for n, s in services.items()
        if n not in ("prometheus", "grafana")
    )
    assert "profiles" not in services["rabbitmq"] and "profiles" not in services["gateway"]
