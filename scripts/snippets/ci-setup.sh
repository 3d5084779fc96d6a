#!/bin/sh
# Install the Debian packages the snippet runner (npm run test:snippets) needs. Idempotent: does
# nothing when everything is installed. Needs root and Debian 12 (bookworm). Installs only;
# does not start, stop or configure any service (a temporary policy-rc.d keeps the docker.io
# package from starting the system's dockerd).
#
#   runc, tini       the OCI runtime (1.1.5) and docker-init (tini-static) of the sandbox engines;
#                    the engine itself (dockerd, CLI, containerd, buildx, Compose v2) is NOT a system
#                    package: scripts/snippets/engine.ts downloads the versions pinned in
#                    scripts/snippets/engine.json with a private apt configuration and unpacks them
#                    into the harness cache (the system's apt state and any host Docker stay untouched)
#   iptables         dockerd programs NAT/forwarding rules inside each sandbox network namespace
#   docker-registry  the local registry serving stand-in images as a docker.io mirror
#   busybox-static   the busybox / alpine / hello-world stand-ins are built from it
#   mmdebstrap       the Debian root filesystem of the debian / nginx / redis / python stand-ins
#   iproute2         ip netns
#   util-linux       nsenter, unshare, setpriv, mount
#   curl             used by many snippets (curl localhost:8080)
set -eu

PACKAGES="runc tini iptables docker-registry busybox-static mmdebstrap iproute2 util-linux mount curl ca-certificates xz-utils"

if [ "$(id -u)" != 0 ]; then
  echo "ci-setup.sh: run as root (sudo $0)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ci-setup.sh: needs a Debian system with apt-get" >&2
  exit 1
fi

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $p"
  fi
done
if [ -z "$missing" ]; then
  echo "ci-setup.sh: all packages present ($PACKAGES)"
  exit 0
fi

echo "ci-setup.sh: installing:$missing"
cleanup_policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  cleanup_policy=1
fi
trap 'if [ -n "$cleanup_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi' EXIT

export DEBIAN_FRONTEND=noninteractive
# other apt users (parallel CI steps) may hold the lock: wait for it instead of failing.
# scripts/setup-system.sh exports APT_UPDATED=1 when it already ran `apt-get update` (once per run)
if [ "${APT_UPDATED:-}" != 1 ]; then
  apt-get -o DPkg::Lock::Timeout=300 update -q
fi
# shellcheck disable=SC2086
apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends $missing
echo "ci-setup.sh: done"
