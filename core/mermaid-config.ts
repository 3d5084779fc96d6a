/**
 * Mermaid settings shared by the browser component and the diagram check, so the sizes measured
 * at check time are the sizes readers get (same fonts → same box → no layout shift).
 */
export const MERMAID_FONT = '"Noto Sans CJK SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", system-ui, sans-serif'

export function mermaidConfig(dark: boolean) {
  return {
    startOnLoad: false,
    theme: dark ? 'dark' : 'default',
    securityLevel: 'strict',
    fontFamily: MERMAID_FONT,
    flowchart: { useMaxWidth: true },
    sequence: { useMaxWidth: true },
    // mermaid's dark edge-label background (#585858) leaves its text below 4.5:1
    ...(dark ? { themeVariables: { edgeLabelBackground: '#333338' } } : {}),
  } as const
}
