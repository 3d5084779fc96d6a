/** pdfsLinked: only a build that says it ships the PDF books (KB_PDF=1) links them; a typo is an error. */
import { describe, expect, it } from 'vitest'
import { pdfsLinked } from '../../core/pdf-targets'

describe('pdfsLinked', () => {
  it('links the books only for KB_PDF=1', () => {
    expect(pdfsLinked({})).toBe(false)
    expect(pdfsLinked({ KB_PDF: '' })).toBe(false)
    expect(pdfsLinked({ KB_PDF: '0' })).toBe(false)
    expect(pdfsLinked({ KB_PDF: '1' })).toBe(true)
  })
  it('any other value is an error naming the variable and the value', () => {
    expect(() => pdfsLinked({ KB_PDF: 'yes' })).toThrow('KB_PDF="yes": use KB_PDF=1 for a build that ships the PDF books')
  })
})
