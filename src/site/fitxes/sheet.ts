import type { PublicFitxa, PublicImage } from './public-fitxa'
import { richTextToPlain } from './rich-text'
import { safeHref } from './text'

/**
 * A published fitxa as the good-practice sheets on xmess.cat lay it out (DOMAIN.md, «Fitxa»): their
 * headings in their order, then the mentoring extras. One list, which the page, `fragment.html`,
 * the WordPress export and the Atom feed all render, so the four never drift apart. Pure.
 */
export const WEBSITE_KEYS = [
  'council',
  'referencePerson',
  'contactEmail',
  'area',
  'classification',
  'image',
  'summary',
  'objectives',
  'audience',
  'resources',
  'keyElements',
  'limitations',
  'indicators',
  'considerations',
] as const

export const EXTRA_KEYS = [
  'activities',
  'results',
  'recommendations',
  'topics',
  'body',
  'edition',
  'period',
] as const

export const SHEET_KEYS = [...WEBSITE_KEYS, ...EXTRA_KEYS] as const
export type SheetKey = (typeof SHEET_KEYS)[number]

/** The headings as xmess.cat writes them (the Catalan of `headings` in i18n.ts, checked in tests). */
export const WEBSITE_HEADINGS_CA: readonly string[] = [
  'Ajuntament o Consell Comarcal',
  'Persona de referència de la XMESS',
  'Mail de contacte',
  'Àrea o Departament',
  'Classificació simplificada',
  'Descripció',
  'Objectius',
  'Persones destinatàries',
  'Recursos',
  'Elements clau',
  'Limitacions',
  'Indicadors de resultat utilitzats',
  'Aspectes a tenir en compte',
]

export type SheetSection = {
  key: SheetKey
  heading: string
  /** Plain text paragraphs (escaped wherever they are written). */
  paragraphs: string[]
  /** A mailbox, for the contact email. */
  email?: string
  /** The featured image: shown without a heading, as on xmess.cat. */
  image?: PublicImage
}

export type SheetWords = {
  headings: Record<SheetKey, string>
  between: (mentee: string, mentor: string) => string
  classificationLabels: ReadonlyMap<string, string>
  topicLabels: ReadonlyMap<string, string>
  formatDate: (date: string) => string
}

/** Paragraphs of a mentee's plain text: blank lines part them, single line ends stay inside. */
export const paragraphsOf = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)

/** The description's first paragraph, cut near 300 characters: what a list, a card or a search engine shows. */
export function leadOf(summary: string, max = 300): string {
  const first = paragraphsOf(summary)[0] ?? ''
  return first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first
}

/** The sections a fitxa has, in order; an empty field has no section (and so no heading). */
export function fitxaSheet(fitxa: PublicFitxa, words: SheetWords): SheetSection[] {
  const sections: SheetSection[] = []
  const add = (key: SheetKey, paragraphs: string[], extra: Partial<SheetSection> = {}) => {
    if (paragraphs.length || extra.image)
      sections.push({ key, heading: words.headings[key], paragraphs, ...extra })
  }
  const councils = fitxa.council
    ? fitxa.mentorCouncil
      ? words.between(fitxa.council.name, fitxa.mentorCouncil.name)
      : fitxa.council.name
    : undefined
  const email =
    fitxa.referencePerson?.email && safeHref(`mailto:${fitxa.referencePerson.email}`)
      ? fitxa.referencePerson.email
      : undefined
  const label = (labels: ReadonlyMap<string, string>, values: string[]) =>
    values.map((value) => labels.get(value) ?? value).join(', ')
  for (const key of SHEET_KEYS) {
    switch (key) {
      case 'council':
        add(key, councils ? [councils] : [])
        break
      case 'referencePerson':
        add(key, fitxa.referencePerson?.name ? [fitxa.referencePerson.name] : [])
        break
      case 'contactEmail':
        add(key, email ? [email] : [], email ? { email } : {})
        break
      case 'classification':
        add(
          key,
          fitxa.classification.length
            ? [label(words.classificationLabels, fitxa.classification)]
            : [],
        )
        break
      case 'topics':
        add(key, fitxa.topics.length ? [label(words.topicLabels, fitxa.topics)] : [])
        break
      case 'image':
        if (fitxa.image) add(key, [], { image: fitxa.image })
        break
      case 'body':
        add(
          key,
          richTextToPlain(fitxa.body)
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        )
        break
      case 'edition':
        add(key, fitxa.year ? [String(fitxa.year)] : [])
        break
      case 'period': {
        const dates = [fitxa.startDate, fitxa.closingDate]
          .filter((date): date is string => Boolean(date))
          .map(words.formatDate)
        add(key, dates.length ? [dates.join(' – ')] : [])
        break
      }
      default:
        add(key, paragraphsOf(fitxa[key]))
    }
  }
  return sections
}

// ---------------------------------------------------------------------------------------------------
// As HTML text (fragment.html, the WordPress export, the feed)

/** Characters XML 1.0 does not allow, and the C1 controls: dropped from anything written out. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export const withoutControls = (text: string): string => text.replace(NOT_XML, '')

/** Text for HTML or XML content or a quoted attribute. */
export const escapeHtml = (text: string): string =>
  withoutControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

/** A paragraph's single line ends as <br>. */
const paragraphHtml = (text: string) => `<p>${text.split('\n').map(escapeHtml).join('<br>')}</p>`

export const absoluteUrl = (baseUrl: string, url: string): string =>
  /^https?:\/\//.test(url)
    ? url
    : `${baseUrl.replace(/\/$/, '')}${url.startsWith('/') ? '' : '/'}${url}`

/**
 * The sections as plain HTML: `<h2>` headings, `<p>` paragraphs, the mailbox as a mailto link and
 * the image as a figure. No script, no style, no attribute beyond href, src, alt, width and height.
 */
export function sheetHtml(
  sections: readonly SheetSection[],
  options: { baseUrl: string; withImage: boolean },
): string {
  const out: string[] = []
  for (const section of sections) {
    if (section.image) {
      if (!options.withImage) continue
      const picked = section.image.sizes.page ?? {
        url: section.image.url,
        width: section.image.width,
        height: section.image.height,
      }
      const size =
        picked.width && picked.height ? ` width="${picked.width}" height="${picked.height}"` : ''
      out.push(
        `<figure><img src="${escapeHtml(absoluteUrl(options.baseUrl, picked.url))}" alt="${escapeHtml(section.image.alt)}"${size}></figure>`,
      )
      continue
    }
    out.push(`<h2>${escapeHtml(section.heading)}</h2>`)
    if (section.email)
      out.push(
        `<p><a href="mailto:${escapeHtml(section.email)}">${escapeHtml(section.email)}</a></p>`,
      )
    else out.push(...section.paragraphs.map(paragraphHtml))
  }
  return out.join('\n')
}

/** /fitxes/<slug>/fragment.html: the fitxa alone, for pasting into the XMESS website's editor. */
export function fragmentDocument(
  fitxa: PublicFitxa,
  sections: readonly SheetSection[],
  options: { baseUrl: string; canonical: string },
): string {
  return [
    '<!doctype html>',
    '<html lang="ca">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${escapeHtml(options.canonical)}">`,
    `<title>${escapeHtml(fitxa.title)}</title>`,
    '</head>',
    '<body>',
    '<article>',
    `<h1>${escapeHtml(fitxa.title)}</h1>`,
    sheetHtml(sections, { baseUrl: options.baseUrl, withImage: true }),
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
