#!/usr/bin/env bash
# Install the validators tests/deploy needs that are not Python packages: promtool
# (`promtool check rules|config`, `promtool test rules`), from Debian's prometheus
# package. The Compose file is checked against the Compose Specification's JSON
# Schema, a test dependency: no Compose CLI is needed.
# Idempotent and quiet; exits non-zero if promtool is unavailable afterwards.
set -euo pipefail

if command -v promtool >/dev/null 2>&1; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
# --no-install-recommends: promtool is what the tests need, not a node exporter.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { $sudo apt-get update -qq && \
       $sudo apt-get install -y -qq --no-install-recommends prometheus; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-validators: apt-get install prometheus failed" >&2
    exit 1
fi

if ! command -v promtool >/dev/null 2>&1; then
    echo "install-validators: promtool is still unavailable" >&2
    exit 1
fi
