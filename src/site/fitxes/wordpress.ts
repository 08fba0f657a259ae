import { fitxaUrl } from './open-data'
import type { PublicFitxa } from './public-fitxa'
import {
  absoluteUrl,
  escapeHtml,
  fitxaSheet,
  sheetHtml,
  type SheetWords,
  withoutControls,
} from './sheet'
import { slugify } from '../../rules/fitxes'

/**
 * /fitxes/wordpress.xml: the published fitxes as a WordPress eXtended RSS 1.2 file, which the
 * standard importer (Eines → Importa → WordPress) takes: one post per fitxa, with its slug, its date,
 * its classification and topics as categories, the body in the website's headings order, and the
 * featured image as an attachment the importer downloads. Posts arrive as drafts, for the
 * secretariat to review on xmess.cat before publishing. Pure: the route passes the list and words.
 */

export const WXR_NAMESPACES = {
  excerpt: 'http://wordpress.org/export/1.2/excerpt/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
  dc: 'http://purl.org/dc/elements/1.1/',
  wp: 'http://wordpress.org/export/1.2/',
} as const

/** CDATA that stays CDATA whatever the text holds: `]]>` is split across two sections. */
export const cdata = (text: string): string =>
  `<![CDATA[${withoutControls(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`

const two = (value: number) => String(value).padStart(2, '0')

/** «2026-03-04 10:05:00», in UTC and in Madrid's time (what WordPress calls post_date). */
export function wordpressDates(iso: string): { local: string; gmt: string; rfc822: string } {
  const date = new Date(iso)
  const gmt = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Madrid',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  )
  const local = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
  return { local, gmt, rfc822: date.toUTCString().replace('GMT', '+0000') }
}

type Category = { domain: 'category'; nicename: string; name: string }

export function wordpressExport(
  fitxes: readonly PublicFitxa[],
  options: { baseUrl: string; words: SheetWords; now: Date },
): string {
  const base = options.baseUrl.replace(/\/$/, '')
  const categories = new Map<string, Category>()
  const categoriesOf = (fitxa: PublicFitxa): Category[] => {
    const list = [
      ...fitxa.classification.map(
        (value) => options.words.classificationLabels.get(value) ?? value,
      ),
      ...fitxa.topics.map((value) => options.words.topicLabels.get(value) ?? value),
    ].map((name): Category => ({ domain: 'category', nicename: slugify(name), name }))
    for (const category of list) categories.set(category.nicename, category)
    return list
  }

  const items: string[] = []
  let nextId = 1
  for (const fitxa of fitxes) {
    const postId = nextId++
    const attachmentId = fitxa.image ? nextId++ : undefined
    const url = fitxaUrl(base, fitxa.slug)
    const date = wordpressDates(fitxa.publishedAt ?? fitxa.updatedAt ?? options.now.toISOString())
    const modified = wordpressDates(
      fitxa.updatedAt ?? fitxa.publishedAt ?? options.now.toISOString(),
    )
    const body = sheetHtml(fitxaSheet(fitxa, options.words), { baseUrl: base, withImage: false })
    const common = (id: number, status: string, parent: number, type: string) => [
      `\t\t<wp:post_id>${id}</wp:post_id>`,
      `\t\t<wp:post_date>${cdata(date.local)}</wp:post_date>`,
      `\t\t<wp:post_date_gmt>${cdata(date.gmt)}</wp:post_date_gmt>`,
      `\t\t<wp:post_modified>${cdata(modified.local)}</wp:post_modified>`,
      `\t\t<wp:post_modified_gmt>${cdata(modified.gmt)}</wp:post_modified_gmt>`,
      `\t\t<wp:comment_status>${cdata('closed')}</wp:comment_status>`,
      `\t\t<wp:ping_status>${cdata('closed')}</wp:ping_status>`,
      `\t\t<wp:status>${cdata(status)}</wp:status>`,
      `\t\t<wp:post_parent>${parent}</wp:post_parent>`,
      '\t\t<wp:menu_order>0</wp:menu_order>',
      `\t\t<wp:post_type>${cdata(type)}</wp:post_type>`,
      `\t\t<wp:post_password>${cdata('')}</wp:post_password>`,
      '\t\t<wp:is_sticky>0</wp:is_sticky>',
    ]
    items.push(
      [
        '\t<item>',
        `\t\t<title>${cdata(fitxa.title)}</title>`,
        `\t\t<link>${escapeHtml(url)}</link>`,
        `\t\t<pubDate>${date.rfc822}</pubDate>`,
        `\t\t<dc:creator>${cdata('xmess')}</dc:creator>`,
        `\t\t<guid isPermaLink="false">${escapeHtml(url)}</guid>`,
        '\t\t<description></description>',
        `\t\t<content:encoded>${cdata(body)}</content:encoded>`,
        `\t\t<excerpt:encoded>${cdata(fitxa.summary.split(/\n\s*\n/)[0] ?? '')}</excerpt:encoded>`,
        ...common(postId, 'draft', 0, 'post'),
        `\t\t<wp:post_name>${cdata(fitxa.slug)}</wp:post_name>`,
        ...categoriesOf(fitxa).map(
          (category) =>
            `\t\t<category domain="${category.domain}" nicename="${escapeHtml(category.nicename)}">${cdata(category.name)}</category>`,
        ),
        ...(attachmentId
          ? [
              `\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>${cdata('_thumbnail_id')}</wp:meta_key>\n\t\t\t<wp:meta_value>${cdata(String(attachmentId))}</wp:meta_value>\n\t\t</wp:postmeta>`,
            ]
          : []),
        '\t</item>',
      ].join('\n'),
    )
    if (fitxa.image && attachmentId) {
      const imageUrl = absoluteUrl(base, fitxa.image.url)
      items.push(
        [
          '\t<item>',
          `\t\t<title>${cdata(fitxa.image.alt)}</title>`,
          `\t\t<link>${escapeHtml(url)}</link>`,
          `\t\t<pubDate>${date.rfc822}</pubDate>`,
          `\t\t<dc:creator>${cdata('xmess')}</dc:creator>`,
          `\t\t<guid isPermaLink="false">${escapeHtml(imageUrl)}</guid>`,
          '\t\t<description></description>',
          `\t\t<content:encoded>${cdata('')}</content:encoded>`,
          `\t\t<excerpt:encoded>${cdata('')}</excerpt:encoded>`,
          ...common(attachmentId, 'inherit', postId, 'attachment'),
          `\t\t<wp:post_name>${cdata(`${fitxa.slug}-imatge`)}</wp:post_name>`,
          `\t\t<wp:attachment_url>${cdata(imageUrl)}</wp:attachment_url>`,
          `\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>${cdata('_wp_attachment_image_alt')}</wp:meta_key>\n\t\t\t<wp:meta_value>${cdata(fitxa.image.alt)}</wp:meta_value>\n\t\t</wp:postmeta>`,
          '\t</item>',
        ].join('\n'),
      )
    }
  }

  const channelDate = wordpressDates(options.now.toISOString())
  let termId = 1
  return [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<!-- WordPress eXtended RSS (WXR) 1.2: Eines → Importa → WordPress, a xmess.cat. -->',
    '<rss version="2.0"',
    ...Object.entries(WXR_NAMESPACES).map(([prefix, uri]) => `\txmlns:${prefix}="${uri}"`),
    '>',
    '<channel>',
    '\t<title>Fitxes de mentoria de la XMESS</title>',
    `\t<link>${escapeHtml(`${base}/fitxes`)}</link>`,
    "\t<description>El que un ens ha après d'un altre en el programa de mentoria de la XMESS.</description>",
    `\t<pubDate>${channelDate.rfc822}</pubDate>`,
    '\t<language>ca</language>',
    '\t<wp:wxr_version>1.2</wp:wxr_version>',
    `\t<wp:base_site_url>${escapeHtml(base)}</wp:base_site_url>`,
    `\t<wp:base_blog_url>${escapeHtml(base)}</wp:base_blog_url>`,
    `\t<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('xmess')}</wp:author_login><wp:author_email>${cdata('')}</wp:author_email><wp:author_display_name>${cdata('XMESS')}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>`,
    ...[...categories.values()].map(
      (category) =>
        `\t<wp:category><wp:term_id>${termId++}</wp:term_id><wp:category_nicename>${cdata(category.nicename)}</wp:category_nicename><wp:category_parent>${cdata('')}</wp:category_parent><wp:cat_name>${cdata(category.name)}</wp:cat_name></wp:category>`,
    ),
    '\t<generator>Mentoria XMESS</generator>',
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n')
}
