import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import sax from 'sax'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fitxaFilters, publishedFitxes } from '../../src/services/public-fitxes'
import { siteStamp } from '../../src/services/site-cache'
import { mentoriaOptionsOf } from '../../src/plugin'
import { FitxaArticle } from '../../src/site/fitxes/article'
import {
  atomFeed,
  catalanSheetWords,
  openDataCsv,
  openDataJson,
} from '../../src/site/fitxes/open-data'
import type { PublicFitxa } from '../../src/site/fitxes/public-fitxa'
import {
  fitxaSheet,
  fragmentDocument,
  WEBSITE_HEADINGS_CA,
  withoutControls,
} from '../../src/site/fitxes/sheet'
import { WXR_NAMESPACES, wordpressExport } from '../../src/site/fitxes/wordpress'
import {
  closingData,
  type ID,
  type Programme,
  setupProgramme,
  startData,
} from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'

/**
 * The fitxa as xmess.cat publishes it (DOMAIN.md, «Fitxa»): the website's headings in their order on
 * the page; the reference person public only with recorded consent, by every path; the WordPress
 * export (WXR) read back with a real XML parser; the featured image's checks.
 */

const BASE = 'https://mentoria.example'
const HOSTILE_TITLE = 'Mercat ]]> <script>alert(1)</script> social\u0001\u0007 & «cooperatiu»'
const WITH_CONSENT = { name: 'Núria Referent', email: 'nuria.referent@vilafranca.example' }
const WITHOUT_CONSENT = { name: 'Ramon Discret', email: 'ramon.discret@vilafranca.example' }

let web: HttpApp
let p: Programme
let imagesDir: string
const ids: { consented?: ID; private?: ID; image?: ID } = {}

const EXTRAS_CA = [
  'Activitats',
  'Resultats i aprenentatges',
  'Recomanacions',
  'Àmbits',
  'Convocatòria',
  'Acompanyament',
]

const fullSheet = (title: string) => ({
  title,
  area: 'Promoció econòmica',
  classification: ['deteccio-coneixement-ess', 'educacio'],
  summary:
    "Un mapa de les entitats de l'ESS del municipi.\n\nSegon paràgraf ]]> amb <b>etiquetes</b>.",
  objectives: 'Conèixer el teixit.',
  audience: 'Entitats i veïnat.',
  resources: 'Una tècnica a mitja jornada.',
  keyElements: 'La complicitat de les entitats.',
  limitations: 'Poc pressupost.',
  indicators: 'Entitats mapades: 120.',
  considerations: 'Cal actualitzar-lo cada any.',
  activities: 'Quatre trobades.',
  results: 'Un mapa públic.',
  recommendations: 'Començar petit.',
  topics: ['estrategia-ess', 'mercat-social'],
})

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .toBuffer()

/** A multipart upload as a browser sends it (the admin's form): the file and `_payload` with the fields. */
async function upload(
  file: { bytes: Buffer; name: string; type: string } | undefined,
  fields: Record<string, unknown>,
  token?: string,
) {
  const form = new FormData()
  form.append('_payload', JSON.stringify(fields))
  if (file)
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  const request = new Request('http://localhost/', { method: 'POST', body: form })
  const body = Buffer.from(await request.arrayBuffer())
  return web.request('POST', '/api/fitxa-images', body, {
    token,
    headers: { 'Content-Type': request.headers.get('content-type') ?? '' },
  })
}

beforeAll(async () => {
  imagesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoria-imatges-'))
  web = await startHttpApp({
    plugin: { fitxaImagesDir: imagesDir },
    rateLimits: { login: { windowMs: 60_000, limit: 1000 } },
  })
  p = await setupProgramme(web.app, { mentorCapacity: 5 })
  const { payload } = web.app
  const pairing = async () =>
    (
      await payload.db.create({
        collection: 'pairings',
        data: {
          edition: p.edition.id,
          mentor: p.mentor.id,
          candidate: p.candidate.id,
          status: 'completed',
          title: `p-${Math.random()}`,
          ...startData(),
          ...closingData(),
        },
      })
    ).id
  const mentee = { token: p.tokens.mentee }
  const secretariat = { token: p.tokens.secretariat }

  const image = await upload(
    { bytes: await png(2400, 1600), name: 'assemblea.png', type: 'image/png' },
    { alt: 'Assemblea al mercat municipal' },
    p.tokens.mentee,
  )
  expect(image.status, image.text).toBe(201)
  ids.image = image.body.doc.id

  // The mentee writes it, with consent, and tries to say someone else recorded it long ago.
  const consented = await web.request(
    'POST',
    '/api/fitxes',
    {
      pairing: await pairing(),
      ...fullSheet(HOSTILE_TITLE),
      image: ids.image,
      referencePerson: {
        ...WITH_CONSENT,
        consent: true,
        consentRecordedBy: p.users.otherMenteeUser.id,
        consentRecordedAt: '2000-01-01T00:00:00.000Z',
      },
    },
    mentee,
  )
  expect(consented.status, consented.text).toBe(201)
  ids.consented = consented.body.doc.id
  const published = await web.request(
    'PATCH',
    `/api/fitxes/${ids.consented}`,
    { _status: 'published' },
    secretariat,
  )
  expect(published.status, published.text).toBe(200)

  const other = await web.request(
    'POST',
    '/api/fitxes',
    {
      pairing: await pairing(),
      ...fullSheet('Fitxa sense consentiment'),
      referencePerson: { ...WITHOUT_CONSENT, consent: false },
    },
    mentee,
  )
  expect(other.status, other.text).toBe(201)
  ids.private = other.body.doc.id
  expect(
    (
      await web.request(
        'PATCH',
        `/api/fitxes/${ids.private}`,
        { _status: 'published' },
        secretariat,
      )
    ).status,
  ).toBe(200)
})

afterAll(async () => {
  await web?.close()
  if (imagesDir) fs.rmSync(imagesDir, { recursive: true, force: true })
})

const labels = async () => fitxaFilters(web.app.payload, mentoriaOptionsOf(web.app.payload.config))
const words = () => catalanSheetWords(mentoriaOptionsOf(web.app.payload.config))
const fitxaById = async (id: ID | undefined): Promise<PublicFitxa> => {
  const found = (await publishedFitxes(web.app.payload)).find((fitxa) => fitxa.id === String(id))
  if (!found) throw new Error(`fitxa ${String(id)} is not published`)
  return found
}
const pageHtml = async (fitxa: PublicFitxa) =>
  renderToStaticMarkup(createElement(FitxaArticle, { fitxa, lang: 'ca', labels: await labels() }))
const headingsOf = (html: string) =>
  [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((match) =>
    match[1].replace(/<[^>]+>/g, '').trim(),
  )

/** Every public output of the published fitxes, as a reader outside the pairing gets it. */
async function publicOutputs(): Promise<Record<string, string>> {
  const fitxes = await publishedFitxes(web.app.payload)
  const anonymous = async (url: string) => (await web.request('GET', url)).text
  const otherMentee = async (url: string) =>
    (await web.request('GET', url, undefined, { token: p.tokens.otherMentee })).text
  const gql = '{ Fitxes(limit: 50) { docs { title referencePerson { name email consent } } } }'
  return {
    pages: (await Promise.all(fitxes.map(pageHtml))).join('\n'),
    fragments: fitxes
      .map((fitxa) =>
        fragmentDocument(fitxa, fitxaSheet(fitxa, words()), { baseUrl: BASE, canonical: BASE }),
      )
      .join('\n'),
    feed: atomFeed(fitxes, { baseUrl: BASE, words: words() }),
    json: JSON.stringify(openDataJson(fitxes, { baseUrl: BASE })),
    csv: openDataCsv(fitxes, { baseUrl: BASE }),
    wxr: wordpressExport(fitxes, {
      baseUrl: BASE,
      words: words(),
      now: new Date('2026-06-01T10:00:00Z'),
    }),
    restAnonymous:
      (await anonymous('/api/fitxes?depth=1&limit=50')) +
      (await anonymous(`/api/fitxes/${ids.private}?depth=2`)),
    restOtherMentee:
      (await otherMentee('/api/fitxes?depth=1&limit=50&draft=true')) +
      (await otherMentee(`/api/fitxes/${ids.private}?draft=true`)),
    graphqlAnonymous: (await web.graphql(gql)).text,
    graphqlOtherMentee: (await web.graphql(gql, { token: p.tokens.otherMentee })).text,
    queryAnonymous: await anonymous('/api/fitxes?where[referencePerson.email][like]=ramon'),
  }
}

describe('the public page of a fitxa', () => {
  it("shows the website's headings in the website's order, the image before Descripció, then the mentoring extras", async () => {
    const html = await pageHtml(await fitxaById(ids.consented))
    expect(headingsOf(html)).toEqual([...WEBSITE_HEADINGS_CA, ...EXTRAS_CA])
    const figure = html.indexOf('<figure')
    expect(figure).toBeGreaterThan(html.indexOf('Classificació simplificada'))
    expect(figure).toBeLessThan(html.indexOf('>Descripció<'))
    expect(html).toContain('alt="Assemblea al mercat municipal"')
    expect(html).toContain('Detecció i coneixement de l&#x27;ESS, Educació')
    // The mentee's text stays text.
    expect(html).not.toContain('<b>etiquetes</b>')
  })

  it('and the fragment, the feed and the WordPress body follow the same order', async () => {
    const fitxa = await fitxaById(ids.consented)
    const expected = [...WEBSITE_HEADINGS_CA, ...EXTRAS_CA]
    expect(
      headingsOf(
        fragmentDocument(fitxa, fitxaSheet(fitxa, words()), { baseUrl: BASE, canonical: BASE }),
      ),
    ).toEqual(expected)
    const feed = atomFeed([fitxa], { baseUrl: BASE, words: words() })
    const content = /<content type="html">([\s\S]*?)<\/content>/.exec(feed)?.[1] ?? ''
    const unescaped = content
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
    expect(headingsOf(unescaped)).toEqual(expected)
  })
})

describe('the reference person (R12)', () => {
  it('is public with consent, and never without it: page, fragment, feed, open data, WXR, REST and GraphQL, as anonymous and as another mentee', async () => {
    const outputs = await publicOutputs()
    for (const [name, text] of Object.entries(outputs)) {
      expect(text, name).not.toContain(WITHOUT_CONSENT.name)
      expect(text, name).not.toContain(WITHOUT_CONSENT.email)
      expect(text, name).not.toContain('ramon.discret')
    }
    for (const name of [
      'pages',
      'fragments',
      'feed',
      'json',
      'csv',
      'wxr',
      'restAnonymous',
      'graphqlAnonymous',
      'graphqlOtherMentee',
    ]) {
      expect(outputs[name], name).toContain(WITH_CONSENT.email)
    }
  })

  it('records who gave the consent and when from the signed-in person, not from the request', async () => {
    const doc = await web.request('GET', `/api/fitxes/${ids.consented}?depth=0`, undefined, {
      token: p.tokens.secretariat,
    })
    expect(String(doc.body.referencePerson.consentRecordedBy)).toBe(String(p.users.menteeUser.id))
    expect(doc.body.referencePerson.consentRecordedAt).not.toBe('2000-01-01T00:00:00.000Z')
    expect(Date.now() - Date.parse(doc.body.referencePerson.consentRecordedAt)).toBeLessThan(
      10 * 60_000,
    )
    // The mentee's own read of their private fitxa shows the person (it is theirs), the other mentee's does not.
    const own = await web.request('GET', `/api/fitxes/${ids.private}?draft=true`, undefined, {
      token: p.tokens.mentee,
    })
    expect(own.body.referencePerson.name).toBe(WITHOUT_CONSENT.name)
  })

  it('once withdrawn (in a draft, by the mentee), leaves the published fitxa and every public output at once', async () => {
    const before = await siteStamp(web.app.payload)
    const withdrawn = await web.request(
      'PATCH',
      `/api/fitxes/${ids.consented}?draft=true`,
      { referencePerson: { consent: false } },
      { token: p.tokens.mentee },
    )
    expect(withdrawn.status, withdrawn.text).toBe(200)
    // The publication stamp moved: the server's kept pages (page-cache.ts) are dropped.
    expect(await siteStamp(web.app.payload)).not.toBe(before)
    const outputs = await publicOutputs()
    for (const [name, text] of Object.entries(outputs)) {
      expect(text, name).not.toContain(WITH_CONSENT.email)
      expect(text, name).not.toContain(WITH_CONSENT.name)
    }
    // Still published, with the rest of its text as it was; the withdrawal is recorded.
    expect((await fitxaById(ids.consented)).keyElements).toBe('La complicitat de les entitats.')
    const doc = await web.request('GET', `/api/fitxes/${ids.consented}?depth=0`, undefined, {
      token: p.tokens.secretariat,
    })
    expect(doc.body.referencePerson.consent).toBe(false)
  })
})

/** The WXR file read back with a real (strict, namespace-aware) XML parser. */
function parseWxr(xml: string) {
  const parser = sax.parser(true, { xmlns: true })
  const namespaces: Record<string, string> = {}
  const items: {
    fields: Record<string, string>
    categories: { domain: string; nicename: string; name: string }[]
    meta: Record<string, string>
  }[] = []
  const stack: string[] = []
  let text = ''
  let item: (typeof items)[number] | undefined
  let category: { domain: string; nicename: string } | undefined
  let metaKey = ''
  parser.onerror = (error) => {
    throw error
  }
  parser.onopentag = (node) => {
    const tag = node
    if (tag.name === 'rss')
      for (const [name, attribute] of Object.entries(tag.attributes))
        if (name.startsWith('xmlns:')) namespaces[name.slice(6)] = attribute.value
    if (tag.name === 'item') item = { fields: {}, categories: [], meta: {} }
    if (tag.name === 'category' && item)
      category = {
        domain: tag.attributes.domain?.value ?? '',
        nicename: tag.attributes.nicename?.value ?? '',
      }
    stack.push(`${tag.uri}|${tag.local}`)
    text = ''
  }
  parser.ontext = (value) => (text += value)
  parser.oncdata = (value) => (text += value)
  parser.onclosetag = () => {
    const key = stack.pop() ?? ''
    if (!item) return
    if (key.endsWith('|item')) {
      items.push(item)
      item = undefined
    } else if (key === '|category' && category) {
      item.categories.push({ ...category, name: text })
      category = undefined
    } else if (key === `${WXR_NAMESPACES.wp}|meta_key`) metaKey = text
    else if (key === `${WXR_NAMESPACES.wp}|meta_value`) item.meta[metaKey] = text
    else item.fields[key] = text
  }
  parser.write(xml).close()
  return { namespaces, items }
}

describe('/fitxes/wordpress.xml', () => {
  it('parses as XML, declares the WXR 1.2 namespaces and round-trips titles, slugs, categories, headings and the featured image', async () => {
    const payload = web.app.payload
    // Publish the consented one again, so both have their own state; then read what the route reads.
    const fitxes = await publishedFitxes(payload)
    const xml = wordpressExport(fitxes, {
      baseUrl: BASE,
      words: words(),
      now: new Date('2026-06-01T10:00:00Z'),
    })
    const { namespaces, items } = parseWxr(xml)
    expect(namespaces).toEqual(WXR_NAMESPACES)
    expect(xml).toContain('<wp:wxr_version>1.2</wp:wxr_version>')
    const wp = (name: string) => `${WXR_NAMESPACES.wp}|${name}`
    const posts = items.filter((item) => item.fields[wp('post_type')] === 'post')
    const attachments = items.filter((item) => item.fields[wp('post_type')] === 'attachment')
    expect(posts.map((post) => post.fields['|title'])).toEqual(
      fitxes.map((fitxa) => withoutControls(fitxa.title)),
    )
    expect(posts.map((post) => post.fields[wp('post_name')])).toEqual(
      fitxes.map((fitxa) => fitxa.slug),
    )
    const options = mentoriaOptionsOf(payload.config)
    for (const [index, fitxa] of fitxes.entries()) {
      const post = posts[index]
      expect(post.categories.map((category) => category.name)).toEqual([
        ...fitxa.classification.map(
          (value) => options.fitxaClassifications.find((item) => item.value === value)?.label,
        ),
        ...fitxa.topics.map((value) => options.topics.find((item) => item.value === value)?.label),
      ])
      expect(
        post.categories.every(
          (category) => category.domain === 'category' && /^[a-z0-9-]+$/.test(category.nicename),
        ),
      ).toBe(true)
      const body = post.fields[`${WXR_NAMESPACES.content}|encoded`]
      expect(headingsOf(body)).toEqual(
        headingsOf(
          fragmentDocument(fitxa, fitxaSheet(fitxa, words()), { baseUrl: BASE, canonical: BASE }),
        ),
      )
      expect(post.fields[wp('post_date')]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    }
    // The featured image: an attachment whose parent is the post, named by the post's _thumbnail_id.
    const withImage = posts.find((post) => post.meta._thumbnail_id)
    expect(withImage).toBeDefined()
    const attachment = attachments.find(
      (item) => item.fields[wp('post_id')] === withImage?.meta._thumbnail_id,
    )
    expect(attachment?.fields[wp('post_parent')]).toBe(withImage?.fields[wp('post_id')])
    expect(attachment?.fields[wp('attachment_url')]).toMatch(
      /^https:\/\/mentoria\.example\/api\/fitxa-images\/file\/.+\.png$/,
    )
    expect(attachment?.meta._wp_attachment_image_alt).toBe('Assemblea al mercat municipal')
  })

  it('keeps hostile text as text: «]]>», <script> and control characters', async () => {
    const fitxes = await publishedFitxes(web.app.payload)
    const xml = wordpressExport(fitxes, {
      baseUrl: BASE,
      words: words(),
      now: new Date('2026-06-01T10:00:00Z'),
    })
    const { items } = parseWxr(xml)
    const post = items.find(
      (item) =>
        item.fields[`${WXR_NAMESPACES.wp}|post_type`] === 'post' &&
        item.fields['|title'].startsWith('Mercat'),
    )
    // The title comes back exactly as written, without the control characters XML cannot carry.
    expect(post?.fields['|title']).toBe(
      'Mercat ]]> <script>alert(1)</script> social & «cooperatiu»',
    )
    const body = post?.fields[`${WXR_NAMESPACES.content}|encoded`] ?? ''
    // In the body (HTML), the mentee's text is escaped: no element of theirs reaches WordPress.
    expect(body).toContain('Segon paràgraf ]]&gt; amb &lt;b&gt;etiquetes&lt;/b&gt;.')
    expect(body).not.toMatch(/<script|<b>|<style|\son\w+=/i)
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
    const hostile = await fitxaById(ids.consented)
    const fragment = fragmentDocument(hostile, fitxaSheet(hostile, words()), {
      baseUrl: BASE,
      canonical: BASE,
    })
    expect(fragment).not.toMatch(/<script|<style|style=|\son\w+=/i)
    expect(fragment).toContain(
      '<h1>Mercat ]]&gt; &lt;script&gt;alert(1)&lt;/script&gt; social &amp; «cooperatiu»</h1>',
    )
  })
})

describe('the featured image', () => {
  it('is resized on upload and stored in the configured directory', async () => {
    const doc = await web.request('GET', `/api/fitxa-images/${ids.image}`)
    expect(doc.status).toBe(200)
    expect(doc.body.width).toBeLessThanOrEqual(1600)
    expect(doc.body.sizes.card.width).toBe(640)
    expect(doc.body.sizes.page.width).toBe(1200)
    expect(fs.readdirSync(imagesDir).length).toBeGreaterThanOrEqual(3)
    const file = await web.request('GET', new URL(doc.body.url, 'http://localhost').pathname)
    expect(file.status).toBe(200)
  })

  it('refuses an SVG, an HTML file renamed .png, a 10 MB file and a missing alt text, in Catalan, storing nothing', async () => {
    const before = (await web.app.payload.count({ collection: 'fitxa-images' })).totalDocs
    const token = p.tokens.mentee
    const svg = await upload(
      {
        bytes: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
        name: 'logo.svg',
        type: 'image/svg+xml',
      },
      { alt: 'Logo' },
      token,
    )
    expect(svg.status).toBe(400)
    expect(svg.text).toContain("les imatges SVG no s'accepten")
    const html = await upload(
      {
        bytes: Buffer.from('<!doctype html><script>alert(1)</script>'),
        name: 'foto.png',
        type: 'image/png',
      },
      { alt: 'Foto' },
      token,
    )
    expect(html.status).toBe(400)
    expect(html.text).toContain('no és una imatge JPEG, PNG ni WebP')
    const big = Buffer.concat([await png(10, 10), Buffer.alloc(10 * 1024 * 1024)])
    const overHttp = await upload(
      { bytes: big, name: 'gran.png', type: 'image/png' },
      { alt: 'Gran' },
      token,
    )
    expect(overHttp.status).toBe(413)
    expect(overHttp.text).toContain('La petició és massa gran')
    // The same file by the Local API (a script, the seed): the collection's own check.
    await expect(
      web.app.payload.create({
        collection: 'fitxa-images',
        data: { alt: 'Gran' },
        file: { data: big, mimetype: 'image/png', name: 'gran.png', size: big.length },
        user: p.users.menteeUser,
        overrideAccess: false,
      } as never),
    ).rejects.toThrow(/fa 10 MB i com a molt pot fer 2 MB/)
    const noAlt = await upload(
      { bytes: await png(40, 40), name: 'sense-alt.png', type: 'image/png' },
      {},
      token,
    )
    expect(noAlt.status).toBe(400)
    expect(noAlt.text).toContain('Text alternatiu: escriviu')
    expect((await web.app.payload.count({ collection: 'fitxa-images' })).totalDocs).toBe(before)
  })

  it('of a fitxa not yet published is not public', async () => {
    const draftImage = await upload(
      { bytes: await png(50, 50), name: 'esborrany.png', type: 'image/png' },
      { alt: 'Esborrany' },
      p.tokens.mentee,
    )
    expect(draftImage.status).toBe(201)
    expect([403, 404]).toContain(
      (await web.request('GET', `/api/fitxa-images/${draftImage.body.doc.id}`)).status,
    )
    expect([403, 404]).toContain(
      (
        await web.request('GET', `/api/fitxa-images/${draftImage.body.doc.id}`, undefined, {
          token: p.tokens.otherMentee,
        })
      ).status,
    )
    expect(
      (
        await web.request('GET', `/api/fitxa-images/${draftImage.body.doc.id}`, undefined, {
          token: p.tokens.mentee,
        })
      ).status,
    ).toBe(200)
  })
})
