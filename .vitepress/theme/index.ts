/** Extends the default theme: a few components and one stylesheet. */
// without-fonts: no Inter web font (preloaded on every page); the text is Chinese, set in system fonts anyway
import DefaultTheme from 'vitepress/theme-without-fonts'
import { defineAsyncComponent } from 'vue'
import { withBase, type Theme } from 'vitepress'
import Layout from './Layout.vue'
import { installConsoleCopy } from './console-copy'
import { installCommandCopy } from './command-copy'
import { installBadgeToggle } from './badge-toggle'
import { installA11yFixes } from './a11y'
import { installPrintLight } from './print'
import { registerGlossary } from './glossary'
import { registerCommands } from './commands'
import { installLangSwitch } from './lang-switch'
import { deferred, installDeferred } from './deferred'
import { installLazyHydration } from './lazy-hydration'
import { installInstantDarkSwitch } from './appearance'
import { installDataScopeGuard } from './data-scope'
import { installEarlyScroll } from './early-scroll'
import { installSidebarReveal } from './sidebar-reveal'
import { installDiagramScrollHint } from './diagram-scroll'
import { MODULES_RAN_FLAG } from './module-flag'
import './styles.css'

// the module bundle runs (embed mode's head script falls back to the server HTML when it does not)
if (typeof window !== 'undefined') (window as unknown as Record<string, boolean>)[MODULES_RAN_FLAG] = true

export default {
  extends: DefaultTheme,
  Layout,
  enhanceApp({ app, router }) {
    // deferred, never activated on a page that was loaded: its SVG, size and text alternative are all
    // in the server HTML and it has nothing to do there, so its chunk is not fetched at load (a
    // script-started request that Lighthouse put on the diagram pages' FCP path; issue #14). A page
    // reached by client-side navigation renders the real component, which fetches the SVG file.
    app.component('MermaidDiagram', deferred(() => import('./components/MermaidDiagram.vue'), { when: () => {}, navigation: false }))
    // async: its data is only downloaded on the page that shows it (/about/credits)
    app.component('CorrectionsList', defineAsyncComponent(() => import('./components/CorrectionsList.vue')))
    app.component('SnippetStatus', defineAsyncComponent(() => import('./components/SnippetStatus.vue')))
    registerGlossary(app)
    registerCommands(app)
    if (typeof window !== 'undefined') {
      installConsoleCopy()
      installCommandCopy() // the command reference's "常用写法" copy buttons
      installBadgeToggle() // the "⋯" of snippet badges opens and closes their details
      installA11yFixes(router)
      installPrintLight()
      installInstantDarkSwitch() // dark mode switches without fading, as VitePress's default does
      installLangSwitch(router, withBase('/')) // the language menu keeps page and section
      installLazyHydration(router) // theme parts hydrated when reached (./lazy/); before installDeferred: see there
      installDeferred(router) // components whose code loads on demand (Layout.vue)
      installDataScopeGuard(router, withBase('/')) // a page has only its language's and release's site data
      installEarlyScroll(router) // a scroll made while the page loaded is not undone
      installSidebarReveal(router) // the sidebar shows the current page's link
      installDiagramScrollHint(router) // a diagram that scrolls sideways says so under it
    }
  },
} satisfies Theme
