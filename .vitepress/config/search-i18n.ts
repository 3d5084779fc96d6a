/** Chinese labels for the local search box (root locale is zh-CN). */
export const searchLocales = {
  root: {
    translations: {
      button: { buttonText: '搜索文档', buttonAriaLabel: '搜索文档' },
      modal: {
        displayDetails: '显示详细列表',
        resetButtonTitle: '清除查询',
        backButtonTitle: '关闭搜索',
        noResultsText: '没有找到结果',
        footer: {
          selectText: '选择',
          selectKeyAriaLabel: '回车键',
          navigateText: '切换',
          navigateUpKeyAriaLabel: '上方向键',
          navigateDownKeyAriaLabel: '下方向键',
          closeText: '关闭',
          closeKeyAriaLabel: 'Esc 键',
        },
      },
    },
  },
  en: {
    translations: { button: { buttonText: 'Search', buttonAriaLabel: 'Search' } },
  },
}
