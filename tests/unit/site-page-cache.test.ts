import { describe, expect, it } from 'vitest'

import { BoundedCache } from '../../src/lib/bounded-cache'
import { sitePageKey } from '../../src/site/fitxes/page-key'

describe('BoundedCache: the memory of whole pages stays bounded whatever a stranger asks for', () => {
  const cache = () =>
    new BoundedCache<string>({ maxEntries: 3, maxBytes: 10 }, (value) => value.length)

  it('forgets the least recently used page first, past the number of entries', () => {
    const pages = cache()
    pages.set('a', '1')
    pages.set('b', '2')
    pages.set('c', '3')
    expect(pages.get('a')).toBe('1') // a is now the youngest
    pages.set('d', '4')
    expect(pages.get('b')).toBeUndefined()
    expect(['a', 'c', 'd'].map((key) => pages.get(key))).toEqual(['1', '3', '4'])
    expect(pages.size).toBe(3)
  })

  it('forgets old pages past the byte budget, and never keeps one larger than the budget', () => {
    const pages = cache()
    pages.set('a', '1234')
    pages.set('b', '5678')
    pages.set('c', '90ab')
    expect(pages.get('a')).toBeUndefined()
    expect(pages.bytes).toBe(8)
    pages.set('huge', 'x'.repeat(11))
    expect(pages.get('huge')).toBeUndefined()
    expect(pages.bytes).toBe(8)
    pages.update('b', '5678zzzz')
    expect(pages.bytes).toBeLessThanOrEqual(10)
    expect(pages.get('b')).toBe('5678zzzz')
    pages.clear()
    expect([pages.size, pages.bytes]).toEqual([0, 0])
  })

  it('holds a thousand distinct keys in no more than its limits', () => {
    const pages = new BoundedCache<string>(
      { maxEntries: 50, maxBytes: 1000 },
      (value) => value.length,
    )
    for (let i = 0; i < 1000; i++) pages.set(`/fitxes?q=${i}`, 'x'.repeat(30))
    expect(pages.size).toBeLessThanOrEqual(50)
    expect(pages.bytes).toBeLessThanOrEqual(1000)
  })
})

describe('sitePageKey: which public pages may be kept, and under which key', () => {
  const key = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
    sitePageKey(method, url, headers)

  it('keys the list on the filters the page reads, in its own canonical form, one key per language', () => {
    expect(key('/fitxes')).toBe('/fitxes')
    expect(key('/fitxes?lang=ca')).toBe('/fitxes')
    expect(key('/fitxes?lang=es')).toBe('/fitxes?lang=es')
    expect(key('/fitxes?lang=en&pagina=2')).toBe('/fitxes?pagina=2&lang=en')
    expect(key('/fitxes?ambit=finances-etiques&any=2025&pagina=1')).toBe(
      '/fitxes?ambit=finances-etiques&any=2025',
    )
    // What the GET form sends: every field, the empty ones too.
    expect(key('/fitxes?lang=es&q=&ambit=cooperativisme&ens=&any=')).toBe(
      '/fitxes?ambit=cooperativisme&lang=es',
    )
    expect(key('/fitxes?q=pla+municipal')).toBe('/fitxes?q=pla+municipal')
    expect(key('/fitxes?q=pla%20municipal')).toBe('/fitxes?q=pla+municipal')
  })

  it('leaves to Next, uncached, anything the page might read differently', () => {
    for (const url of [
      '/fitxes?lang=fr', // not a language of the site
      '/fitxes?ambit=Not_A_Topic',
      '/fitxes?pagina=02',
      '/fitxes?pagina=0',
      '/fitxes?any=1800',
      '/fitxes?q=%20pla', // the page would trim it
      '/fitxes?q=%E0%A4%A', // does not decode
      '/fitxes?ambit=a&ambit=b', // repeated
      '/fitxes?utm_source=x', // unknown
      '/fitxes?_rsc=abc',
      '/fitxes/',
      '/fitxes/widget',
      '/fitxes/feed.xml',
      '/fitxes/Una-Fitxa',
      '/fitxes/una-fitxa?embed=1',
      '/admin',
      '/api/fitxes',
    ]) {
      expect(key(url), url).toBeUndefined()
    }
    expect(key('/fitxes', {}, 'POST')).toBeUndefined()
    expect(key('/fitxes', {}, 'HEAD')).toBeUndefined()
    expect(key('/fitxes', { rsc: '1' })).toBeUndefined()
    expect(key('/fitxes', { 'next-router-prefetch': '1' })).toBeUndefined()
    // Next would copy the nonce of a CSP the client sent into the page it renders.
    expect(key('/fitxes', { 'content-security-policy': "script-src 'nonce-abc'" })).toBeUndefined()
  })

  it('keys a fitxa on its slug and language', () => {
    expect(key('/fitxes/pla-ess-vilafranca-2025')).toBe('/fitxes/pla-ess-vilafranca-2025')
    expect(key('/fitxes/pla-ess-vilafranca-2025?lang=en')).toBe(
      '/fitxes/pla-ess-vilafranca-2025?lang=en',
    )
    expect(key('/fitxes/pla-ess-vilafranca-2025?ambit=x')).toBeUndefined()
  })
})
