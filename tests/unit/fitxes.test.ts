import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import {
  decideFitxaReview,
  fitxaStateFor,
  type FitxaReviewInput,
  slugify,
} from '../../src/rules/fitxes'
import { fromToCa } from '../../src/rules/dates'
import { atomFeed, csvCell, openDataCsv, openDataJson } from '../../src/site/fitxes/open-data'
import type { PublicFitxa } from '../../src/site/fitxes/public-fitxa'
import { toPublicFitxa } from '../../src/site/fitxes/public-fitxa'
import { fitxesMessages } from '../../src/site/fitxes/i18n'
import { FitxesMap, mapNetwork } from '../../src/site/fitxes/map'
import { findFitxes, parseFitxaQuery, queryString } from '../../src/site/fitxes/query'
import { RichText, richTextToPlain } from '../../src/site/fitxes/rich-text'
import { safeHref } from '../../src/site/fitxes/text'

const complete = {
  title: 'T',
  summary: 'S',
  objectives: 'O',
  activities: 'A',
  results: 'R',
  topics: ['estrategia-ess'],
}
const review = (input: Partial<FitxaReviewInput>) =>
  decideFitxaReview({
    actor: 'mentee',
    current: 'draft',
    requested: undefined,
    publishing: false,
    unpublishing: false,
    fitxa: complete,
    ...input,
  })

describe('R10: the review of a fitxa (pure)', () => {
  it('the mentee submits a complete draft; the secretariat returns it with a comment or publishes it', () => {
    expect(review({ requested: 'submitted' })).toEqual({ ok: true, status: 'submitted' })
    expect(
      review({
        actor: 'secretariat',
        current: 'submitted',
        requested: 'returned',
        fitxa: { ...complete, reviewComment: 'Falta X' },
      }),
    ).toEqual({ ok: true, status: 'returned' })
    expect(review({ actor: 'secretariat', current: 'submitted', publishing: true })).toEqual({
      ok: true,
      status: 'published',
    })
    expect(review({ current: 'returned', requested: 'submitted' })).toEqual({
      ok: true,
      status: 'submitted',
    })
  })

  it("refuses what is not the mentee's to do, with the rule and a status", () => {
    expect(review({ publishing: true })).toMatchObject({
      ok: false,
      rule: 'R10',
      status: 403,
      field: '_status',
    })
    expect(review({ unpublishing: true })).toMatchObject({ ok: false, status: 403 })
    expect(review({ requested: 'published' })).toMatchObject({
      ok: false,
      status: 403,
      field: 'reviewStatus',
    })
    expect(review({ current: 'submitted', requested: 'returned' })).toMatchObject({
      ok: false,
      status: 403,
    })
  })

  it('returns only a submitted fitxa, and only with a comment', () => {
    expect(
      review({
        actor: 'secretariat',
        current: 'draft',
        requested: 'returned',
        fitxa: { ...complete, reviewComment: 'x' },
      }),
    ).toMatchObject({ ok: false, status: 409 })
    expect(
      review({
        actor: 'secretariat',
        current: 'submitted',
        requested: 'returned',
        fitxa: { ...complete, reviewComment: '  ' },
      }),
    ).toMatchObject({ ok: false, field: 'reviewComment' })
  })

  it('names the first field still missing before a submission', () => {
    const result = review({
      requested: 'submitted',
      fitxa: { ...complete, results: '', topics: [] },
    })
    expect(result).toMatchObject({
      ok: false,
      field: 'results',
      message: "Abans d'enviar la fitxa a revisió, cal omplir-hi els resultats i aprenentatges.",
    })
  })

  it('a draft written over a published fitxa is a new draft, and editing keeps where the review stands', () => {
    expect(review({ current: 'published', requested: 'published' })).toEqual({
      ok: true,
      status: 'draft',
    })
    expect(review({ current: 'published' })).toEqual({ ok: true, status: 'draft' })
    expect(review({ current: 'returned' })).toEqual({ ok: true, status: 'returned' })
    expect(review({ current: 'submitted' })).toEqual({ ok: true, status: 'submitted' })
    expect(review({ current: undefined })).toEqual({ ok: true, status: 'draft' })
  })
})

describe("links from a mentee's text", () => {
  it('keeps web, mail and phone links and paths on this site', () => {
    expect(safeHref('https://xmess.cat/guia')).toBe('https://xmess.cat/guia')
    expect(safeHref('mailto:info@xmess.cat')).toBe('mailto:info@xmess.cat')
    expect(safeHref('tel:+34930000000')).toBe('tel:+34930000000')
    expect(safeHref('/fitxes?ambit=finances-etiques')).toBe('/fitxes?ambit=finances-etiques')
  })

  it('drops every other scheme, however it is disguised', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      '/\\evil.example',
      'file:///etc/passwd',
      '',
      42,
    ]) {
      expect(safeHref(href), String(href)).toBeUndefined()
    }
  })
})

const text = (value: string, format = 0) => ({ type: 'text', text: value, format })
const doc = (...children: unknown[]) => ({ root: { type: 'root', children } })
const render = (value: unknown) => renderToStaticMarkup(createElement(RichText, { value }))

describe('rich text on a public page', () => {
  it('renders the allowed formats', () => {
    const html = render(
      doc(
        { type: 'heading', tag: 'h2', children: [text('Què vam fer')] },
        { type: 'paragraph', children: [text('Negreta', 1), text(' i '), text('cursiva', 2)] },
        {
          type: 'list',
          listType: 'number',
          children: [{ type: 'listitem', children: [text('u')] }],
        },
        {
          type: 'paragraph',
          children: [
            {
              type: 'link',
              fields: { url: 'https://xmess.cat', newTab: true },
              children: [text('XMESS')],
            },
          ],
        },
      ),
    )
    expect(html).toContain('<h3>')
    expect(html).toContain('<strong>Negreta</strong>')
    expect(html).toContain('<em>cursiva</em>')
    expect(html).toContain('<ol><li>')
    expect(html).toContain(
      '<a href="https://xmess.cat/" rel="nofollow noopener noreferrer ugc" target="_blank">',
    )
  })

  it('a stored script, event handler or javascript: link is text, not code', () => {
    const html = render(
      doc(
        {
          type: 'paragraph',
          children: [text('<script>alert(1)</script><img src=x onerror=alert(1)>')],
        },
        {
          type: 'paragraph',
          children: [
            { type: 'link', fields: { url: 'javascript:alert(1)' }, children: [text('clica')] },
          ],
        },
        {
          type: 'paragraph',
          children: [
            {
              type: 'autolink',
              fields: { url: 'data:text/html;base64,PHNjcmlwdD4=' },
              children: [text('dades')],
            },
          ],
        },
        { type: 'html', html: '<script>alert(2)</script>', children: [text('desconegut')] },
        { type: 'paragraph', onclick: 'alert(3)', style: 'x', children: [text('atributs')] },
      ),
    )
    // No element but the allowed ones, no attribute from the document, no link at all.
    expect(html).not.toMatch(/<(script|img|a)\b/i)
    expect(html).not.toMatch(/<[^>]*\s(on\w+|style|href)=/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('clica')
    expect(html).toContain('desconegut')
    expect(
      richTextToPlain(
        doc(
          { type: 'paragraph', children: [text('Hola')] },
          { type: 'paragraph', children: [text('món')] },
        ),
      ),
    ).toBe('Hola\nmón')
  })

  it('survives anything a stranger could store', () => {
    for (const value of [
      null,
      undefined,
      'text',
      { root: null },
      { root: { children: 'x' } },
      doc(null, 5, { type: 'text', text: 5 }),
    ]) {
      expect(() => render(value)).not.toThrow()
    }
  })
})

const fitxa = (n: number, extra: Partial<PublicFitxa> = {}): PublicFitxa => ({
  id: String(n),
  slug: `fitxa-${n}`,
  title: `Fitxa ${n}`,
  summary: `Resum ${n}`,
  classification: [],
  topics: n % 2 ? ['finances-etiques'] : ['energia-comunitaria'],
  year: 2020 + (n % 3),
  council: { id: `c${n % 4}`, name: `Ajuntament ${n % 4}` },
  mentorCouncil: { id: 'm', name: 'Ajuntament de Sabadell' },
  publishedAt: `2026-01-${String(n).padStart(2, '0')}T10:00:00.000Z`,
  ...extra,
})

describe('the list: query, filters and pages', () => {
  it('ignores whatever a stranger puts in the query string', () => {
    expect(
      parseFitxaQuery({
        ambit: '<script>',
        ens: "1' OR 1=1",
        any: '99999',
        pagina: '-3',
        q: '  molt   text  ',
      }),
    ).toEqual({
      ambit: undefined,
      ens: undefined,
      any: undefined,
      q: 'molt text',
      pagina: 1,
    })
    expect(
      parseFitxaQuery({ ambit: ['finances-etiques', 'x'], any: '2025', pagina: '2' }),
    ).toMatchObject({ ambit: 'finances-etiques', any: 2025, pagina: 2 })
    expect(queryString({ ambit: 'finances-etiques', pagina: 1, lang: 'es' })).toBe(
      '?ambit=finances-etiques&lang=es',
    )
  })

  it('filters by topic, council, year and words (without accents), and pages', () => {
    const all = Array.from({ length: 30 }, (_, i) => fitxa(i + 1))
    expect(findFitxes(all, { pagina: 1 }).items).toHaveLength(12)
    expect(findFitxes(all, { pagina: 3 })).toMatchObject({ total: 30, page: 3, pages: 3 })
    expect(findFitxes(all, { pagina: 99 }).page).toBe(3)
    expect(findFitxes(all, { ambit: 'finances-etiques', pagina: 1 }).total).toBe(15)
    expect(
      findFitxes(all, { ens: 'c1', pagina: 1 }).items.every((item) => item.council?.id === 'c1'),
    ).toBe(true)
    expect(findFitxes(all, { ens: 'm', pagina: 1 }).total).toBe(30)
    expect(findFitxes(all, { any: 2021, pagina: 1 }).total).toBe(10)
    const accents = [fitxa(1, { title: 'Energia comunitària a Olot' }), fitxa(2)]
    expect(
      findFitxes(accents, { q: 'COMUNITARIA olot', pagina: 1 }).items.map((item) => item.id),
    ).toEqual(['1'])
  })

  it('finds a fitxa by its àmbit as people read it, by its council and by any text of the template', () => {
    const labels = new Map([['energia-comunitaria', 'Energia comunitària']])
    const tagged = [
      fitxa(1, { title: 'Un pla municipal', topics: ['energia-comunitaria'] }),
      fitxa(2, {
        title: 'Una altra',
        topics: ['finances-etiques'],
        considerations: 'Cal un acord de ple.',
      }),
    ]
    const ids = (q: string) =>
      findFitxes(tagged, { q, pagina: 1 }, undefined, labels).items.map((item) => item.id)
    expect(ids('energia')).toEqual(['1'])
    expect(ids('Comunitària')).toEqual(['1'])
    expect(ids('ACORD DE PLE')).toEqual(['2'])
  })

  it('turns an anonymous read into the public shape only, and only if published', () => {
    const raw = {
      id: 7,
      _status: 'published',
      slug: 's',
      title: 'T',
      summary: 'S',
      reviewComment: 'intern',
      pairing: { id: 1, mentor: { email: 'a@b.c' } },
      municipality: { id: 3, name: 'Ajuntament', email: 'x@y.z' },
    }
    const shaped = toPublicFitxa(raw)
    expect(JSON.stringify(shaped)).not.toMatch(/intern|a@b\.c|x@y\.z|pairing/)
    expect(shaped?.council).toEqual({
      id: '3',
      name: 'Ajuntament',
      comarca: undefined,
      latitude: undefined,
      longitude: undefined,
    })
    expect(toPublicFitxa({ ...raw, _status: 'draft' })).toBeUndefined()
  })
})

describe('the map', () => {
  it('draws each mentoring once, with council names as text, never as markup', () => {
    const t = fitxesMessages('ca')
    const hostile = {
      id: 'h',
      name: '<script>alert(1)</script> & "Ajuntament" <img src=x onerror=alert(2)>',
      latitude: 41.9,
      longitude: 2.8,
    }
    const all = [
      fitxa(1, {
        council: { id: 'a', name: 'Ajuntament d’Olot', latitude: 42.18, longitude: 2.49 },
        mentorCouncil: {
          id: 's',
          name: 'Ajuntament de Sabadell',
          latitude: 41.55,
          longitude: 2.11,
        },
      }),
      fitxa(2, {
        council: hostile,
        mentorCouncil: {
          id: 's',
          name: 'Ajuntament de Sabadell',
          latitude: 41.55,
          longitude: 2.11,
        },
      }),
      fitxa(3, {
        council: hostile,
        mentorCouncil: {
          id: 's',
          name: 'Ajuntament de Sabadell',
          latitude: 41.55,
          longitude: 2.11,
        },
      }),
    ]
    const html = renderToStaticMarkup(createElement(FitxesMap, { network: mapNetwork(all, t), t }))
    expect(html.match(/<path d="M/g)).toHaveLength(2)
    expect(html.match(/<circle /g)).toHaveLength(3)
    expect(html).toContain('stroke-width="3.5"')
    expect(html).not.toMatch(/<script|<img/)
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ajuntament&quot; &lt;img',
    )
    expect(html).toMatch(
      /<svg[^>]*aria-labelledby="mapa-title mapa-desc"[^>]*><title id="mapa-title">/,
    )
  })
})

describe('feed and open data', () => {
  const list = [
    fitxa(1, { title: '=HYPERLINK("http://evil")', summary: 'Cooperatives & <veïnat> "sí"' }),
    fitxa(2),
  ]

  it('a CSV cell never starts a formula, and quotes what needs quoting', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+34 600')).toBe("'+34 600")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    // A tab may be a spreadsheet's separator: quoted, so that the cell stays whole.
    expect(csvCell('\tx')).toBe(`"'\tx"`)
    expect(csvCell("Anna Puig;=cmd|' /C calc'!A0")).toBe(`"Anna Puig;'=cmd|' /C calc'!A0"`)
    expect(csvCell(['x', '=y'])).toBe(`"x; '=y"`)
    expect(csvCell(-2)).toBe('-2')
    expect(csvCell('a, "b"')).toBe('"a, ""b"""')
    expect(csvCell(['x', 'y'])).toBe('"x; y"')
    expect(csvCell(null)).toBe('')
    const csv = openDataCsv(list, { baseUrl: 'https://m.example' })
    expect(csv.startsWith('\uFEFFslug,url,titol,')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(csv.split('\r\n')).toHaveLength(4)
  })

  it('JSON names the licence and documents every column', () => {
    const data = openDataJson(list, { baseUrl: 'https://m.example' })
    expect(data.llicencia.url).toBe('https://creativecommons.org/licenses/by/4.0/deed.ca')
    expect(Object.keys(data.fitxes[0])).toEqual(Object.keys(data.columnes))
    expect(data.fitxes[1]).toMatchObject({
      url: 'https://m.example/fitxes/fitxa-2',
      ens_mentor: 'Ajuntament de Sabadell',
      any: 2022,
    })
  })

  it('the Atom feed is well-formed XML with the text escaped', () => {
    const xml = atomFeed(list, { baseUrl: 'https://m.example/' })
    expect(xml).toContain('<summary>Cooperatives &amp; &lt;veïnat&gt; &quot;sí&quot;</summary>')
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://m.example/fitxes/feed.xml"/>',
    )
    expect(xml.match(/<entry>/g)).toHaveLength(2)
    expect(xml).not.toMatch(/<veïnat>/)
  })
})

describe('slugs', () => {
  it('are plain ASCII words from the title', () => {
    expect(slugify("Un pla d'ESS per a l'Hospitalet: cooperació i col·laboració")).toBe(
      'un-pla-d-ess-per-a-l-hospitalet-cooperacio-i-collaboracio',
    )
    expect(slugify('!!!')).toBe('fitxa')
    expect(slugify('a'.repeat(200))).toHaveLength(80)
  })
})

describe("the fitxa's state as the mentee reads it", () => {
  it("says each state in words, with the secretariat's comment when returned", () => {
    expect(fitxaStateFor({ reviewStatus: 'draft', live: false }).label).toBe('Esborrany')
    expect(fitxaStateFor({ reviewStatus: 'submitted', live: false })).toMatchObject({
      label: 'A revisió de la secretaria',
      editable: false,
    })
    expect(
      fitxaStateFor({ reviewStatus: 'returned', live: false, comment: ' Afegiu els indicadors. ' }),
    ).toMatchObject({ label: 'Retornada: Afegiu els indicadors.', editable: true })
    expect(fitxaStateFor({ reviewStatus: 'published', live: true }).label).toBe('Publicada')
    expect(fitxaStateFor({ reviewStatus: 'draft', live: true }).label).toMatch(/^Publicada/)
    expect(fitxaStateFor({ reviewStatus: 'bogus', live: false }).label).toBe('Esborrany')
  })
})

describe('a period in Catalan', () => {
  it('elides before 1 and 11 ("de l\'1", "a l\'11")', () => {
    expect(fromToCa('2026-12-01T12:00:00Z', '2027-11-11T12:00:00Z')).toMatch(
      /^De l'1 de desembre del? 2026 a l'11 de novembre del? 2027$/,
    )
    expect(fromToCa('2026-12-05T12:00:00Z', '2027-10-04T12:00:00Z')).toMatch(
      /^Del 5 de desembre del? 2026 al 4 d[’']octubre del? 2027$/,
    )
  })
})
