/** VitePress's VPNavBarMenu, hydrated when the reader can reach it (../lazy-hydration.ts): the nav bar's section menu: hidden on a phone (the hamburger's full-screen menu has the same entries). */
import Real from 'vitepress-theme-component/VPNavBarMenu'
import { hydrateLater } from '../lazy-hydration'

export default hydrateLater(Real, 'VPNavBarMenu')
