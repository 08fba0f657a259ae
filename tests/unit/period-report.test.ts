import { describe, expect, it } from 'vitest'

import {
  parsePeriod,
  periodBounds,
  periodReportCsv,
  periodSentence,
} from '../../src/rules/period-report'

describe('the period of a report', () => {
  it('takes both days whole, in UTC, whatever the clock', () => {
    expect(periodBounds({ from: '2026-01-01', to: '2026-06-30' })).toEqual({
      start: '2026-01-01T00:00:00.000Z',
      endExclusive: '2026-07-01T00:00:00.000Z',
      days: 181,
    })
    expect(periodBounds({ from: '2026-03-01', to: '2026-03-01' }).days).toBe(1)
  })

  it('says it in Catalan, with the elision before «1»', () => {
    expect(periodSentence({ from: '2026-01-01', to: '2026-06-30' })).toBe(
      "De l'1 de gener del 2026 al 30 de juny del 2026",
    )
    expect(periodSentence({ from: '2026-10-11', to: '2027-10-01' })).toMatch(
      /^De l'11 d.octubre del 2026 a l'1 d.octubre del 2027$/,
    )
  })

  it('refuses what is not a period, naming the field', () => {
    expect(parsePeriod('2026-01-01', '2026-12-31')).toEqual({
      ok: true,
      period: { from: '2026-01-01', to: '2026-12-31' },
    })
    expect(parsePeriod(['2026-01-01'], ' 2026-12-31 ')).toEqual({
      ok: true,
      period: { from: '2026-01-01', to: '2026-12-31' },
    })
    expect(parsePeriod(undefined, '2026-12-31')).toMatchObject({ ok: false, field: 'from' })
    expect(parsePeriod('2026-13-01', '2026-12-31')).toMatchObject({ ok: false, field: 'from' })
    expect(parsePeriod('2026-01-01', '31/12/2026')).toMatchObject({ ok: false, field: 'to' })
    expect(parsePeriod('2026-01-02', '2026-01-01')).toMatchObject({ ok: false, field: 'to' })
    expect(parsePeriod('2000-01-01', '2026-01-01')).toMatchObject({
      ok: false,
      field: 'to',
      message: expect.stringMatching(/deu anys/),
    })
  })

  it('writes the CSV with the period first and commas for decimals', () => {
    const csv = periodReportCsv({
      period: { from: '2026-01-01', to: '2026-06-30' },
      applications: 3,
      made: 2,
      inProgress: 4,
      completed: 1,
      cancelled: 0,
      meetings: { total: 5, inPerson: 3 },
      incidents: 1,
      councils: 6,
      evaluations: { mentee: { average: 4.5, count: 2 }, mentor: { average: null, count: 0 } },
      topics: [{ value: 'energia', label: 'Energia comunitària', asked: 2, offered: 1 }],
    })
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines.slice(0, 4)).toEqual([
      'Indicador,Valor',
      'Des de,2026-01-01',
      'Fins a,2026-06-30',
      'Sol·licituds rebudes,3',
    ])
    expect(lines).toContain('Valoració mitjana de les persones mentorades (de 5),"4,5"')
    expect(lines).toContain('Valoració mitjana de les persones mentores (de 5),')
    expect(lines).toContain('Sol·licituds que demanen «Energia comunitària»,2')
  })
})
