import { describe, expect, it } from 'vitest'

import { timelineSvg, type TimelinePairing } from '../../src/site/timeline-svg'

const today = new Date('2027-03-01T10:00:00Z')
const options = { today, maxDurationMonths: 12 }
const pairing = (over: Partial<TimelinePairing>): TimelinePairing => ({
  id: 1,
  label: 'Laia → Pau',
  status: 'active',
  startDate: '2026-11-10T00:00:00Z',
  endDate: '2027-10-31T00:00:00Z',
  meetings: [],
  ...over,
})
const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length
const attr = (svg: string, className: string, name: string) =>
  Number(new RegExp(`class="${className}"[^>]*? ${name}="([\\d.]+)"`).exec(svg)?.[1])

describe('the timeline of an edition', () => {
  it('is an accessible image: a title, a description in words, and a text label for each pairing', () => {
    const svg = timelineSvg(
      [pairing({}), pairing({ id: 2, label: 'Marc → Júlia', startDate: '2026-12-01T00:00:00Z' })],
      options,
    )
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="timeline-title timeline-desc"/)
    expect(svg).toContain('<title id="timeline-title">Cronologia dels acompanyaments</title>')
    expect(svg).toMatch(/<desc id="timeline-desc">2 acompanyaments, 0 amb ampliació; 0 trobades/)
    expect(svg).toContain('>Laia → Pau</text>')
    expect(svg).toContain('>Marc → Júlia</text>')
    expect(svg).toContain('>Avui</text>')
  })

  it('is a group, not an image, when its labels link to the pairings (a link inside an image reaches nobody)', () => {
    const svg = timelineSvg(
      [
        pairing({ href: '/admin/collections/pairings/1' }),
        pairing({ id: 2, label: 'Marc → Júlia' }),
      ],
      options,
    )
    expect(svg).toMatch(/^<svg [^>]*role="group" aria-labelledby="timeline-title timeline-desc"/)
    expect(svg).toContain('<a href="/admin/collections/pairings/1"><text')
  })

  it('is a group, not an image, when its bars are links: a screen reader reaches each link (axe: nested-interactive)', () => {
    const svg = timelineSvg([pairing({ href: '/admin/collections/pairings/1' })], options)
    expect(svg).toMatch(/^<svg [^>]*role="group" aria-labelledby="timeline-title timeline-desc"/)
    expect(svg).toContain('<a href="/admin/collections/pairings/1">')
  })

  it('draws one bar per pairing, from its start to its agreed end, and the one-year limit', () => {
    const svg = timelineSvg([pairing({})], options)
    expect(count(svg, /class="timeline-bar"/g)).toBe(1)
    const start = attr(svg, 'timeline-bar', 'x')
    const width = attr(svg, 'timeline-bar', 'width')
    const limit = attr(svg, 'timeline-limit', 'x1')
    // End on 31 October, the limit on 10 November: the limit is just after the bar's end.
    expect(limit).toBeGreaterThan(start + width)
    expect(limit - (start + width)).toBeLessThan(25)
    const today = attr(svg, 'timeline-today', 'x1')
    expect(today).toBeGreaterThan(start)
    expect(today).toBeLessThan(start + width)
  })

  it('shows the part an extension added, beyond the first agreed end', () => {
    const svg = timelineSvg(
      [
        pairing({
          startDate: '2026-03-01T00:00:00Z',
          firstEndDate: '2027-02-28T00:00:00Z',
          endDate: '2027-05-31T00:00:00Z',
        }),
      ],
      options,
    )
    expect(count(svg, /class="timeline-extension"/g)).toBe(1)
    expect(attr(svg, 'timeline-extension', 'x')).toBeCloseTo(
      attr(svg, 'timeline-bar', 'x') + attr(svg, 'timeline-bar', 'width'),
      0,
    )
    expect(svg).toContain('1 amb ampliació')
    expect(svg).toContain('ampliat; la data pactada primer era el 28 febr. 2027')
    expect(count(timelineSvg([pairing({})], options), /class="timeline-extension"/g)).toBe(0)
  })

  it('draws meetings as dots, in person distinct from online and by phone, and says which in words', () => {
    const svg = timelineSvg(
      [
        pairing({
          meetings: [
            { date: '2026-11-20T10:00:00Z', modality: 'in_person' },
            { date: '2027-01-15T10:00:00Z', modality: 'online' },
            { date: '2027-02-01T10:00:00Z', modality: 'phone' },
          ],
        }),
      ],
      options,
    )
    expect(count(svg, /class="timeline-meeting timeline-meeting--in-person"/g)).toBe(1)
    expect(count(svg, /class="timeline-meeting timeline-meeting--remote"/g)).toBe(2)
    expect(svg).toContain(
      'Trobades: 20 nov. 2026 presencial, 15 gen. 2027 en línia, 1 febr. 2027 per telèfon.',
    )
  })

  it('escapes every text, and says so when nothing has started', () => {
    const svg = timelineSvg([pairing({ label: '<script>alert(1)</script> & "co"' })], options)
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;')
    expect(timelineSvg([], options)).toContain('Encara no ha començat cap acompanyament')
  })
})
