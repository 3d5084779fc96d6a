import { describe, expect, it } from 'vitest'
import { failureLines, lastLine } from '../../scripts/lib/step-output'

describe('step output (npm test summary)', () => {
  it('takes the last match: the run summary, not the first lane line', () => {
    const out = 'lane containerd: 628 passed, 0 failed, 105 skipped; 54 pages\nlane overlay2: 1122 passed, 1 failed, 167 skipped\n1750 passed, 1 failed, 282 skipped; 138 pages ran\n'
    expect(lastLine(/\d+ passed, \d+ failed, \d+ skipped/)(out)).toBe('1750 passed, 1 failed, 282 skipped')
  })
  it('lists what failed: harness, vitest and link-check lines, colour codes removed, no passing totals', () => {
    const out = [
      '  ✓ [overlay2] docs/a.md:3 sh 1.2 s',
      '  \x1b[31m✗ [overlay2] docs/help/exit-codes.md:110 console 295 ms\x1b[0m',
      ' FAIL  tests/browser/site.test.ts > the site > has a home page',
      'links: 654 ok, 1 broken',
      'links: 655 ok, 0 broken',
      'runner error: Error: sandbox o0 did not start',
      'lane overlay2: 1122 passed, 0 failed, 167 skipped',
    ].join('\n')
    expect(failureLines(out)).toEqual([
      '✗ [overlay2] docs/help/exit-codes.md:110 console 295 ms',
      'FAIL  tests/browser/site.test.ts > the site > has a home page',
      'links: 654 ok, 1 broken',
      'runner error: Error: sandbox o0 did not start',
    ])
  })
  it('keeps at most max lines', () => {
    const out = Array.from({ length: 30 }, (_, i) => `✗ [containerd] docs/x.md:${i} sh`).join('\n')
    expect(failureLines(out, 5)).toHaveLength(5)
  })
})
