/**
 * A private DOCKER_CONFIG for every page, with two CLI plugins (shell scripts, found by the
 * docker 28 CLI in <DOCKER_CONFIG>/cli-plugins):
 *
 *  - docker-compose: `docker compose ...` (v2 syntax) runs Debian's docker-compose v1.29.2.
 *    Adds `-T` to `exec`/`run` when stdin is not a terminal (v2 does that by itself), answers
 *    `version`, and refuses what v1 cannot do (`ls`, `up --wait`, `watch`) with a clear message.
 *  - docker-buildx: `docker build` / `docker buildx build` use the engine's built-in BuildKit
 *    through Debian's 20.10 CLI (there is no buildx package in Debian 12). `--load` is implied,
 *    `--push` pushes the tags after the build, `docker builder prune` works.
 */
import fs from 'node:fs'
import path from 'node:path'
import { COMPOSE_V1, DOCKER_CLI_BUILDKIT } from './config'

export const COMPOSE_PLUGIN = `#!/bin/bash
# docker-kb snippet sandbox: \`docker compose\` (v2 syntax) -> Debian's docker-compose v1.29.2
if [ "$1" = docker-cli-plugin-metadata ]; then
  echo '{"SchemaVersion":"0.1.0","Vendor":"docker-kb (docker-compose v1.29.2)","Version":"v1.29.2","ShortDescription":"Docker Compose (v1 stand-in)"}'
  exit 0
fi
shift
args=()
sub=''
while [ $# -gt 0 ]; do
  a=$1; shift
  if [ -z "$sub" ]; then
    case "$a" in
      -f|--file|-p|--project-name|--project-directory|--env-file|--profile|-c|--context|-H|--host|--ansi|--log-level)
        args+=("$a" "$1"); shift; continue ;;
      --parallel|--progress|--dry-run|--all-resources)
        echo "docker compose: global option $a is not supported by the docker-kb Compose v1 stand-in" >&2; exit 1 ;;
      -*) args+=("$a"); continue ;;
      *) sub=$a; args+=("$a")
         case "$sub" in
           version)
             if [ "$1" = --short ]; then echo 1.29.2; else echo "Docker Compose version v1.29.2 (docker-kb: Debian docker-compose v1)"; fi
             exit 0 ;;
           ls|watch|alpha|attach|cp|wait|stats|publish|viz)
             echo "docker compose $sub: not available in the docker-kb sandbox (Compose v1.29.2 stand-in)" >&2; exit 1 ;;
           exec|run)
             [ -t 0 ] || args+=("-T") ;;
         esac
         continue ;;
    esac
  fi
  case "$a" in
    --wait|--wait-timeout|--wait-timeout=*)
      echo "docker compose $sub: $a is not supported by the docker-kb Compose v1 stand-in" >&2; exit 1 ;;
    -T) [ -t 0 ] && args+=("$a") ;;
    *) args+=("$a") ;;
  esac
done
export COMPOSE_DOCKER_CLI_BUILD=1 DOCKER_BUILDKIT=1
exec ${COMPOSE_V1} "\${args[@]}"
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
