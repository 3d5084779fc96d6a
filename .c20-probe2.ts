import { launchBrowser } from '/work/wt-content20/core/browser'
import { serveStatic } from '/work/wt-content20/scripts/lib/static-server'
const dist = process.argv[2]; const route = process.argv[3]; const w = Number(process.argv[4] ?? 375)
const srv = await serveStatic(dist)
const b = await launchBrowser({ viewport: { width: w, height: 740 } })
try {
  const page = await b.context.newPage()
  await page.goto(srv.url + route, { waitUntil: 'networkidle' })
  const res = await page.evaluate(() => {
    const t = [...document.querySelectorAll<HTMLElement>('.vp-doc table')].find((t) => t.scrollWidth > t.clientWidth + 1 && t.querySelector('th')?.textContent === '')!
    const cells = [...t.querySelectorAll<HTMLElement>('th, td')].map((c) => ({ text: c.textContent, w: Math.round(c.getBoundingClientRect().width), ws: getComputedStyle(c).whiteSpace, codes: [...c.querySelectorAll('code')].map((k) => [k.outerHTML, Math.round(k.getBoundingClientRect().width), getComputedStyle(k).whiteSpace]) }))
    return { tw: t.clientWidth, sw: t.scrollWidth, cells }
  })
  console.log(JSON.stringify(res, null, 1))
} finally { await b.close(); await srv.close() }
