/**
 * Rendering a Mermaid diagram without letting Mermaid touch the page around it (issue 13, class 4).
 * Left alone, `mermaid.render` draws its "Syntax error in text" graphic for a bad diagram and
 * leaves it appended to <body> (one more per re-render, e.g. each theme toggle). One function for
 * both places that run Mermaid: the build's headless renderer (renderDiagrams in core/diagrams/render.ts)
 * and the dev server's live component (.vitepress/theme/components/MermaidDiagram.vue). It lives in core
 * because both the site and the tooling (scripts/check-diagrams.ts, the build) run it; it imports nothing.
 */

/** The part of Mermaid's API used here (mermaid 11: `import mermaid from 'mermaid'` or window.mermaid). */
export interface MermaidApi {
  initialize(config: Record<string, unknown>): void
  parse(text: string): Promise<unknown>
  render(id: string, text: string, container?: Element): Promise<{ svg: string }>
}

/**
 * Render `source` to an SVG string, touching nothing outside a scratch element:
 *  1. `suppressErrorRendering: true`: Mermaid never draws its error graphic;
 *  2. no separate `mermaid.parse`: with suppressErrorRendering, `mermaid.render` throws the parse error
 *     itself before drawing (mermaid 11 mermaidAPI.render); parsing first parsed every diagram twice
 *     (≈ 6–9 % of the build's chromium CPU for the 99 diagrams, SVGs byte-identical; decisions.md,
 *     build time, eleventh round);
 *  3. the render happens in a scratch child of `host` (Mermaid measures text, so it must be in the
 *     document and styled like the final box), removed afterwards together with anything Mermaid
 *     left behind under its ids (`#<id>`, `#d<id>`, `#i<id>`), also when it throws.
 *
 * Self-contained on purpose (no imports, no inner functions): the build runs it in the headless
 * browser from its source text (Function.prototype.toString).
 * @param mermaid the Mermaid API object
 * @param id      element id for the SVG, unique in the page (letters, digits, `-`, `_`)
 * @param source  the diagram's text (the fence content)
 * @param config  Mermaid config (core/mermaid-config.ts)
 * @param host    element to render inside (its width is the diagram's layout width)
 * @returns the SVG markup
 * @throws Mermaid's error (message with "line N" for a syntax error); the DOM is left as it was
 */
export async function renderIsolated(mermaid: MermaidApi, id: string, source: string, config: Record<string, unknown>, host: Element): Promise<string> {
  mermaid.initialize({ ...config, suppressErrorRendering: true })
  const scratch = document.createElement('div')
  host.appendChild(scratch)
  try {
    const { svg } = await mermaid.render(id, source, scratch)
    return svg
  } finally {
    scratch.remove()
    for (const leftover of Array.from(document.querySelectorAll(`#${id}, #d${id}, #i${id}`))) leftover.remove()
  }
}
