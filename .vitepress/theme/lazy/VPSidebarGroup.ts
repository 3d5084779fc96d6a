/** VitePress's VPSidebarGroup, hydrated when the reader can reach it (../lazy-hydration.ts): the sidebar's links: off-screen on a phone until the menu button slides the sidebar in. */
import Real from 'vitepress-theme-component/VPSidebarGroup'
import { hydrateLater } from '../lazy-hydration'

export default hydrateLater(Real, 'VPSidebarGroup')
