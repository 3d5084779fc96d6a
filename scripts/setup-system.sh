#!/usr/bin/env bash
# Makes sure the system packages `npm test` needs are present (runs as npm's `pretest`).
# On Debian as root it installs what is missing; elsewhere it names what is missing and fails,
# because a missing browser or Docker engine must fail the tests, never skip them.
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(chromium fonts-noto-cjk git poppler-utils)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "setup-system: missing ${missing[*]}; install them (Debian: apt-get install -y ${missing[*]}) and rerun" >&2
    exit 1
  fi
  echo "setup-system: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  export APT_UPDATED=1
fi
# the snippet harness's own host packages (runc, tini, docker-registry, …); the Docker engine itself
# is downloaded by the harness (scripts/snippets/engine.ts), not installed into the system
bash scripts/snippets/ci-setup.sh
