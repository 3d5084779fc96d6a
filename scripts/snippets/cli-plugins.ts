/**
 * A private DOCKER_CONFIG for every page, with two CLI plugins (shell scripts, found by the
 * docker 28 CLI in <DOCKER_CONFIG>/cli-plugins):
 *
 *  - docker-compose (Python): `docker compose ...` (v2 syntax) runs Debian's docker-compose
 *    v1.29.2. Adds `-T` to `exec`/`run` when stdin is not a terminal and `--ansi never` (v2 does
 *    both by itself), turns a top-level `name:` into `-p NAME` (v1 rejects the key), answers
 *    `version`, and refuses what v1 cannot do (`ls`, `up --wait`, `watch`) with a clear message.
 *  - docker-buildx: `docker build` / `docker buildx build` use the engine's built-in BuildKit
 *    through Debian's 20.10 CLI (there is no buildx package in Debian 12). `--load` is implied,
 *    `--push` pushes the tags after the build, `docker builder prune` works.
 */
import fs from 'node:fs'
import path from 'node:path'
import { COMPOSE_V1, DOCKER_CLI_BUILDKIT } from './config'

export const COMPOSE_PLUGIN = `#!/usr/bin/python3
# docker-kb snippet sandbox: \`docker compose\` (v2 syntax) -> Debian's docker-compose v1.29.2.
# Bridges what v1 lacks where that is cheap and faithful: top-level \`name:\`, automatic -T for
# exec/run without a terminal, no colours without a terminal. Refuses what v1 cannot do.
import json, os, sys, tempfile

V1 = ${JSON.stringify(COMPOSE_V1)}
args = sys.argv[1:]
if args[:1] == ['docker-cli-plugin-metadata']:
    print(json.dumps({"SchemaVersion": "0.1.0", "Vendor": "docker-kb (docker-compose v1.29.2)",
                      "Version": "v1.29.2", "ShortDescription": "Docker Compose (v1 stand-in)"}))
    sys.exit(0)
args = args[1:]  # drop "compose"

def die(msg):
    sys.stderr.write(msg + "\\n")
    sys.exit(1)

WITH_VALUE = {"-f", "--file", "-p", "--project-name", "--project-directory", "--env-file", "--profile",
              "-c", "--context", "-H", "--host", "--ansi", "--log-level"}
V2_ONLY_GLOBAL = {"--parallel", "--progress", "--dry-run", "--all-resources", "--compatibility"}
UNSUPPORTED = {"ls", "watch", "alpha", "attach", "cp", "wait", "stats", "publish", "viz", "scale", "commit", "export"}

glob, sub, rest = [], None, []
i = 0
while i < len(args):
    a = args[i]
    if sub is None:
        key = a.split("=", 1)[0]
        if key in V2_ONLY_GLOBAL:
            die("docker compose: global option %s is not supported by the docker-kb Compose v1 stand-in" % key)
        if a in WITH_VALUE:
            glob += args[i:i + 2]; i += 2; continue
        if a.startswith("-"):
            glob.append(a); i += 1; continue
        sub = a; i += 1; continue
    rest.append(a); i += 1

if sub == "version":
    if "--short" in rest:
        print("1.29.2")
    else:
        print("Docker Compose version v1.29.2 (docker-kb: Debian docker-compose v1)")
    sys.exit(0)
if sub in UNSUPPORTED:
    die("docker compose %s: not available in the docker-kb sandbox (Compose v1.29.2 stand-in)" % sub)
for a in rest:
    if a.split("=", 1)[0] in ("--wait", "--wait-timeout", "--watch"):
        die("docker compose %s: %s is not supported by the docker-kb Compose v1 stand-in" % (sub, a))

tty = os.isatty(0)
if sub in ("exec", "run"):
    rest = [a for a in rest if a != "-T"]
    if not tty:
        rest.insert(0, "-T")

def opt_values(names):
    out, j = [], 0
    while j < len(glob):
        k = glob[j].split("=", 1)[0]
        if k in names:
            if "=" in glob[j]:
                out.append(glob[j].split("=", 1)[1]); j += 1
            else:
                out.append(glob[j + 1]); j += 2
        else:
            j += 1
    return out

# top-level "name:" (Compose v2) -> -p NAME and a copy of the file without it
if not opt_values({"-p", "--project-name"}) and not os.environ.get("COMPOSE_PROJECT_NAME"):
    files = opt_values({"-f", "--file"})
    explicit = bool(files)
    if not files and os.environ.get("COMPOSE_FILE"):
        files = os.environ["COMPOSE_FILE"].split(os.pathsep); explicit = True
    if not files:
        d = os.getcwd()
        while True:
            found = [n for n in ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml") if os.path.exists(os.path.join(d, n))]
            if found:
                files = [os.path.join(d, found[0])]
                for o in ("compose.override.yaml", "compose.override.yml", "docker-compose.override.yml", "docker-compose.override.yaml"):
                    if os.path.exists(os.path.join(d, o)):
                        files.append(os.path.join(d, o)); break
                break
            if d == "/":
                break
            d = os.path.dirname(d)
    name = None
    if files and files[0] != "-" and os.path.exists(files[0]):
        try:
            import yaml
            with open(files[0]) as fh:
                doc = yaml.safe_load(fh)
            if isinstance(doc, dict) and isinstance(doc.get("name"), str) and "$" not in doc["name"]:
                name = doc.pop("name")
        except Exception:
            name = None
    if name:
        first = os.path.abspath(files[0])
        fd, tmp = tempfile.mkstemp(prefix="compose-v1-", suffix=".yaml")
        with os.fdopen(fd, "w") as fh:
            yaml.safe_dump(doc, fh, sort_keys=False)
        # rebuild the global options: same files, the first replaced by the copy
        newglob, j = [], 0
        while j < len(glob):
            k = glob[j].split("=", 1)[0]
            if k in ("-f", "--file"):
                j += 1 if "=" in glob[j] else 2
                continue
            newglob.append(glob[j]); j += 1
        glob = newglob + ["-p", name, "-f", tmp] + sum((["-f", os.path.abspath(f)] for f in files[1:]), [])
        if not opt_values({"--project-directory"}):
            glob += ["--project-directory", os.path.dirname(first)]

if not tty and not opt_values({"--ansi"}) and "--no-ansi" not in glob:
    glob += ["--ansi", "never"]

os.environ["COMPOSE_DOCKER_CLI_BUILD"] = "1"
os.environ["DOCKER_BUILDKIT"] = "1"
argv = [V1] + glob + ([sub] if sub else []) + rest
os.execv(V1, argv)
`

export const BUILDX_PLUGIN = `#!/bin/bash
# docker-kb snippet sandbox: BuildKit builds through the engine's built-in BuildKit (20.10 CLI)
if [ "$1" = docker-cli-plugin-metadata ]; then
  echo '{"SchemaVersion":"0.1.0","Vendor":"docker-kb (engine BuildKit via the 20.10 CLI)","Version":"v0.0.0-dkb","ShortDescription":"Docker Buildx (stand-in)"}'
  exit 0
fi
shift
sub=$1; shift
case "$sub" in
  build|b)
    args=(); tags=(); push=''
    while [ $# -gt 0 ]; do
      a=$1; shift
      case "$a" in
        --load) ;;
        --push) push=1 ;;
        --builder|--cache-to|--provenance|--sbom|--attest|--metadata-file) shift ;;
        --builder=*|--cache-to=*|--provenance=*|--sbom=*|--attest=*|--metadata-file=*) ;;
        -t|--tag) tags+=("$1"); args+=("$a" "$1"); shift ;;
        -t*|--tag=*) t=\${a#--tag=}; t=\${t#-t}; tags+=("$t"); args+=("$a") ;;
        *) args+=("$a") ;;
      esac
    done
    DOCKER_BUILDKIT=1 ${DOCKER_CLI_BUILDKIT} build "\${args[@]}" || exit $?
    if [ -n "$push" ]; then for t in "\${tags[@]}"; do ${DOCKER_CLI_BUILDKIT} push "$t" || exit $?; done; fi
    exit 0 ;;
  prune) exec ${DOCKER_CLI_BUILDKIT} builder prune "$@" ;;
  version) echo "github.com/docker/buildx v0.0.0-dkb (docker-kb stand-in: Docker Engine 20.10 BuildKit)"; exit 0 ;;
  ls) echo "NAME/NODE   DRIVER/ENDPOINT   STATUS    BUILDKIT"; echo "default *   docker"; echo "  default   default           running   (engine 20.10)"; exit 0 ;;
  *) echo "docker buildx $sub: not available in the docker-kb sandbox (no buildx in Debian 12)" >&2; exit 1 ;;
esac
`

/** Create a fresh DOCKER_CONFIG directory with the plugins. */
export function writeDockerConfig(dir: string): void {
  const plugins = path.join(dir, 'cli-plugins')
  fs.mkdirSync(plugins, { recursive: true })
  fs.writeFileSync(path.join(dir, 'config.json'), '{}\n')
  fs.writeFileSync(path.join(plugins, 'docker-compose'), COMPOSE_PLUGIN, { mode: 0o755 })
  fs.writeFileSync(path.join(plugins, 'docker-buildx'), BUILDX_PLUGIN, { mode: 0o755 })
}
