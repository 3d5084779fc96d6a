/**
 * Chinese typography checks that reviewers would otherwise do by hand. Pure functions over one
 * Markdown file: each problem names its line, and `fix` returns corrected text where the fix is
 * mechanical and safe. Code (fences, inline code), frontmatter, HTML tags, link targets and
 * glossary ids are never touched.
 */
export interface CjkProblem { line: number; rule: string; message: string }

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff'
const CJK_RE = new RegExp(`[${CJK}]`)
/** full-width punctuation used in Chinese text */
const CJK_PUNCT = '，。、；：！？（）《》「」『』“”‘’【】…—'
const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' }

/** Replace spans we must not inspect with a neutral character, keeping positions. */
function mask(line: string): string {
  const blank = (m: string) => '\u0000'.repeat(m.length)
  return line
    .replace(/`+[^`]*`+/g, blank) // inline code
    .replace(/\]\([^)]*\)/g, (m) => ']' + blank(m.slice(1))) // link targets
    .replace(/<[^>]+>/g, blank) // HTML tags and autolinks
    .replace(/\[\[[^\]|]*/g, (m) => '[[' + blank(m.slice(2))) // glossary ids
    .replace(/https?:\/\/\S+/g, blank)
    .replace(/\{#[^}]*\}/g, blank)
}

type LineVisitor = (masked: string, raw: string, lineNo: number) => string | void

/** Visit prose lines (outside frontmatter and fences); a visitor may return a replacement line. */
function eachProseLine(text: string, visit: LineVisitor): string {
  const lines = text.split('\n')
  let i = 0
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1)
    if (end > 0) i = end + 1
  }
  let fence: string | null = null
  for (; i < lines.length; i++) {
    const l = lines[i]
    const f = /^\s*(`{3,}|~{3,})/.exec(l)
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && !l.trim().slice(f[1].length).trim()) fence = null
      continue
    }
    if (f) { fence = f[1]; continue }
    if (/^\s{4,}\S/.test(l) && (i === 0 || !lines[i - 1].trim())) continue // indented code
    const out = visit(mask(l), l, i + 1)
    if (typeof out === 'string') lines[i] = out
  }
  return lines.join('\n')
}

const isPunct = (c: string | undefined) => !!c && (CJK_PUNCT.includes(c) || /[\p{P}]/u.test(c))
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c)

/**
 * The site's term table (docs/contribute/writing.md, "术语对照"): variants that must be written
 * the one way. Matched on prose with code, link targets and glossary ids masked. Every rule is
 * part of the lint (`checkCjk`); `enforced: false` is for a rule being introduced while pages
 * still use the variant (`checkTerms` lists them all, enforced or not).
 */
export interface TermRule { id: string; pattern: RegExp; message: string; enforced: boolean }
export const TERM_RULES: TermRule[] = [
  { id: 'volume', pattern: /具名数据卷|具名卷|命名数据卷/g, message: 'write 命名卷 (named volume)', enforced: true },
  { id: 'volume', pattern: /匿名数据卷/g, message: 'write 匿名卷 (anonymous volume)', enforced: true },
  { id: 'stack', pattern: /堆栈|服务栈/g, message: 'write 应用栈 for a Swarm stack', enforced: true },
  { id: 'label', pattern: /标签[（(]\s*labels?\s*[）)]|labels?[（(]\s*标签\s*[）)]/gi, message: 'a label is 标记; 标签 means an image tag', enforced: true },
  { id: 'context', pattern: /(?<!连接)上下文[（(]\s*context\s*[）)]/gi, message: 'say 连接上下文 for docker context, 构建上下文 for the build context', enforced: true },
  // 镜像仓库（registry）is left alone: the glossary tells registry from repository in English on purpose
  { id: 'gloss', pattern: /(镜像|容器|数据卷|守护进程|服务|节点)[（(](images?|containers?|volumes?|daemon|services?|nodes?)[）)]/g, message: 'do not re-gloss: write [[image|镜像]] / [[container|容器]] (etc.); the popover shows the English name', enforced: true },
  { id: 'gloss', pattern: /\]\][（(][A-Za-z][A-Za-z0-9 .-]*[）)]/g, message: 'a glossary reference already shows the English name in its popover: drop the (English) after it', enforced: true },
  { id: 'exit-code', pattern: /退出状态码/g, message: 'write 退出码 (exit code)', enforced: true },
  // 分离模式 stays a search alias of the term (aliases/keywords are not checked), never the page's word
  { id: 'detached', pattern: /分离模式/g, message: 'write 后台模式 for detached mode (docker run -d), 后台运行 for the action', enforced: true },
  { id: 'secret', pattern: /密钥[（(]\s*secrets?\s*[）)]|secrets?[（(]\s*密钥\s*[）)]/gi, message: 'a secret is 机密; 密钥 is only a cryptographic key', enforced: true },
  { id: 'subnet', pattern: /(?<!“)(?:创建(?:一个)?子网|同一个子网的容器)/g, message: 'docker network create makes a 网络; 子网 is only its IP address range', enforced: true },
  // [[id|service]]: an English-only label in Chinese prose (product names start upper-case; a few lower-case ones are allowed)
  { id: 'english-label', pattern: new RegExp(`\\[\\[\u0000+\\|(?!(?:containerd|runc|dockerd|overlay2|docker0)\\]\\])[a-z][a-z ]*\\]\\](?=.*[${CJK}])|(?<=[${CJK}].*)\\[\\[\u0000+\\|(?!(?:containerd|runc|dockerd|overlay2|docker0)\\]\\])[a-z][a-z ]*\\]\\]`, 'g'), message: 'English-only label for a glossary term in Chinese prose: use the Chinese name ([[id]] or [[id|中文]])', enforced: true },
]

/** All term-table problems of one Markdown file, enforced or not. */
export function checkTerms(text: string, rules: TermRule[] = TERM_RULES): CjkProblem[] {
  const problems: CjkProblem[] = []
  eachProseLine(text, (m, raw, line) => {
    // the command reference's keyword line shows the search keywords, which are not checked in the
    // data either (checkDataTerms): 分离模式 is a keyword of `docker run -d`, not the page's word
    if (raw.startsWith('<p class="cli-keywords">')) return
    if (/^#{1,6}\s/.test(m)) m = m.replace(/\[\[\u0000+\|/g, '') // headings hold no glossary references
    for (const r of rules) {
      for (const hit of m.matchAll(r.pattern)) problems.push({ line, rule: `term-${r.id}`, message: `"${hit[0].replace(/\u0000+/g, 'id')}": ${r.message}` })
    }
  })
  return problems.sort((a, b) => a.line - b.line)
}

/**
 * Term-table problems in the prose of a YAML data file (docs/data/corrections/*.yaml, docs/data/commands/*.yaml;
 * the glossary terms are Markdown files, linted like pages).
 * Input: the YAML text. Output: problems with the file's own line numbers. The values of `skipKeys`
 * (search aliases and keywords, English names, quotes of the source articles) and their block
 * continuation lines are not prose of this site and are not checked. Line-based on purpose: the
 * data files are flat `key: value` / `key: |` YAML, and a YAML parser would lose the line numbers
 * of text inside block scalars.
 */
export function checkDataTerms(yamlText: string, skipKeys = ['aliases', 'keywords', 'en', 'original', 'code']): CjkProblem[] {
  const keyRe = new RegExp(`^(\\s*(?:-\\s+)?)(${skipKeys.join('|')}):`)
  let skipIndent = -1
  const lines = yamlText.split('\n').map((l) => {
    const indent = l.length - l.trimStart().length
    if (skipIndent >= 0 && (!l.trim() || indent > skipIndent)) return ''
    skipIndent = -1
    const k = keyRe.exec(l)
    if (k) { skipIndent = k[1].length; return '' }
    return l
  })
  return checkTerms(lines.join('\n'), TERM_RULES.filter((r) => r.enforced))
}

export function checkCjk(text: string): CjkProblem[] {
  const problems: CjkProblem[] = []
  problems.push(...checkTerms(text, TERM_RULES.filter((r) => r.enforced)))
  eachProseLine(text, (m, _raw, line) => {
    // 1. emphasis that CommonMark will not open/close next to Chinese punctuation: delimiters
    //    alternate open/close on a line; an opener must be left-flanking, a closer right-flanking
    let n = 0
    for (const d of m.matchAll(/\*\*|__/g)) {
      const before = m[d.index! - 1]
      const after = m[d.index! + 2]
      const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before))
      const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after))
      const closing = n++ % 2 === 1
      if (closing ? !right : !left) {
        problems.push({ line, rule: 'cjk-emphasis', message: `"${d[0]}" next to "${closing ? before : after}" will not ${closing ? 'close' : 'open'} emphasis: move the punctuation outside the ${d[0]}…${d[0]}` })
      }
    }
    // 2. half-width punctuation inside Chinese text
    for (const p of m.matchAll(new RegExp(`(?<=[${CJK}])[,;:!?](?=\\s*[${CJK}]|\\s*$)`, 'g'))) {
      problems.push({ line, rule: 'cjk-punctuation', message: `half-width "${p[0]}" after Chinese text: use "${HALF_TO_FULL[p[0]]}"` })
    }
    // 3. no space between Chinese and Latin letters/digits
    for (const s of m.matchAll(new RegExp(`[${CJK}][A-Za-z0-9]|[A-Za-z0-9][${CJK}]`, 'g'))) {
      problems.push({ line, rule: 'cjk-spacing', message: `add a space between Chinese and Latin text: "${s[0]}"` })
    }
  })
  problems.push(...diagramParens(text))
  return problems.sort((a, b) => a.line - b.line)
}

/**
 * Chinese text inside Mermaid diagrams, which the prose checks skip (it is a code fence): a label
 * or accTitle/accDescr with Chinese in it takes full-width parentheses, like the page's own prose
 * (outside tester: a network diagram read "demo-net-web(nginx :80)" in Chinese text). Mermaid's shape
 * syntax (`[( … )]`, `(( … ))`) is outside the quoted label and not looked at.
 * Input: a page's Markdown. Output: one problem per label, with the page's line number.
 */
export function diagramParens(text: string): CjkProblem[] {
  const problems: CjkProblem[] = []
  const lines = text.split('\n')
  let inMermaid = false
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    if (!inMermaid) { inMermaid = /^\s*```mermaid\b/.test(l); continue }
    if (/^\s*```\s*$/.test(l)) { inMermaid = false; continue }
    const acc = /^\s*acc(?:Title|Descr)\s*:(.*)$/.exec(l)
    const labels = acc ? [acc[1]] : [...l.matchAll(/"([^"]*)"/g)].map((m) => m[1])
    for (const label of labels) {
      if (new RegExp(`[${CJK}]`).test(label) && /[()]/.test(label)) {
        problems.push({ line: i + 1, rule: 'cjk-diagram-paren', message: `half-width parenthesis in Chinese diagram text: write （ ） in "${label.trim()}"` })
      }
    }
  }
  return problems
}

/** Apply the safe fixes: spacing, half-width punctuation, punctuation inside closing emphasis. */
export function fixCjk(text: string): string {
  return eachProseLine(text, (m, raw) => {
    let out = ''
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]
      const mc = m[i]
      const next = m[i + 1]
      if (mc !== '\u0000' && HALF_TO_FULL[c] && i > 0 && CJK_RE.test(m[i - 1]) && (next === undefined || new RegExp(`^\\s*([${CJK}]|$)`).test(m.slice(i + 1)))) {
        out += HALF_TO_FULL[c]
        // drop the space a half-width mark carried
        while (raw[i + 1] === ' ' && m.slice(i + 1).trim()) i++
        continue
      }
      out += c
      if (mc === '\u0000' || next === undefined || next === '\u0000') continue
      if ((CJK_RE.test(mc) && /[A-Za-z0-9]/.test(next)) || (/[A-Za-z0-9]/.test(mc) && CJK_RE.test(next))) out += ' '
    }
    // **注意：**后文 → **注意**：后文
    return out.replace(new RegExp(`([${CJK_PUNCT}])\\*\\*(?=[^\\s${CJK_PUNCT}*])`, 'g'), '**$1')
  })
}

/** Marks a line of an English page whose Chinese text is intended (e.g. a Chinese term the reader must search for). */
export const EN_CJK_OK = '<!-- zh -->'

/**
 * English pages (docs/en/**): the Chinese rules above do not apply; instead, Chinese characters
 * left in prose are flagged (rule `en-cjk`), since they usually mean an untranslated sentence.
 * Intentional Chinese stays allowed where translators put it (docs/contribute/translate.md): in
 * code and code fences, frontmatter, quotes ("…", “…”, 《…》, 「…」), parentheses ((…), （…）),
 * link targets, and on any line carrying the marker EN_CJK_OK.
 */
export function checkEnglish(text: string): CjkProblem[] {
  const problems: CjkProblem[] = []
  eachProseLine(text, (m, raw, line) => {
    if (raw.includes(EN_CJK_OK)) {
      // the page's .md export (page-markdown.ts) removes the marker only at the end of a line: one
      // anywhere else is left in the export as an HTML comment
      // (a marker quoted in inline code is text about the marker, not one)
      const bare = raw.replace(/`[^`]*`/g, '')
      if (bare.includes(EN_CJK_OK) && (!bare.trimEnd().endsWith(EN_CJK_OK) || bare.split(EN_CJK_OK).length > 2)) problems.push({ line, rule: 'en-cjk', message: `${EN_CJK_OK} must be at the end of the line, once` })
      return
    }
    const open = m.replace(/"[^"]*"|“[^”]*”|《[^》]*》|「[^」]*」|\([^)]*\)|（[^）]*）/g, '')
    const c = new RegExp(`[${CJK}]+`).exec(open)
    if (c) problems.push({ line, rule: 'en-cjk', message: `Chinese text "${c[0]}" in an English page: translate it, quote it, or end the line with ${EN_CJK_OK} if it is intended` })
  })
  return problems
}
