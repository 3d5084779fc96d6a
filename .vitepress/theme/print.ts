/**
 * Print in the light theme. Dark mode is VitePress's `html.dark` class, which switches dozens of
 * colour variables and each diagram's stylesheet; paper is white and browsers leave backgrounds
 * out by default, so a page printed in dark mode comes out as light grey text on white. While the
 * page is printed (`beforeprint` for Ctrl+P; the `print` media query, which also changes when a
 * tool prints or emulates print media), the class is taken off, and put back afterwards.
 */
export function installPrintLight(): void {
  const html = document.documentElement
  let wasDark = false
  const before = () => {
    if (!html.classList.contains('dark')) return
    wasDark = true
    html.classList.remove('dark')
  }
  const after = () => {
    if (wasDark) html.classList.add('dark')
    wasDark = false
  }
  window.addEventListener('beforeprint', before)
  window.addEventListener('afterprint', after)
  const mq = window.matchMedia('print')
  mq.addEventListener('change', () => (mq.matches ? before() : after()))
}
