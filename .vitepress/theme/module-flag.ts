/**
 * Set on `window` by the theme's module (index.ts) when it runs, read by embed mode's inline head
 * script (embed.ts EMBED_HEAD_SCRIPT) to tell whether the module bundle loaded at all (a sandboxed
 * frame on a host without CORS headers blocks it). VitePress's own site data cannot tell: it is an
 * inline script (`metaChunk: false`), present even when no module ran. Its own file: the theme
 * chunk must not pull in embed.ts, which loads on demand.
 */
export const MODULES_RAN_FLAG = '__KB_MODULES__'
