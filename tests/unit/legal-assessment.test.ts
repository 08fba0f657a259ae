import fs from 'node:fs'
import path from 'node:path'

import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { AccessibilityStatement, AXE_CORE_VERSION } from '../../src/site/legal'

/**
 * What /accessibilitat says about its own assessment (the «how and when» and the «non-accessible
 * content» of the RD 1112/2018 model) is true of the assessment tests/e2e/accessibility.test.ts runs:
 * the axe-core installed, the standards, the widths, the keyboard walk; what it could not fix is listed.
 */
const installed = JSON.parse(
  fs.readFileSync(path.resolve('node_modules/axe-core/package.json'), 'utf8'),
).version as string
const render = (lang: 'ca' | 'es' | 'en', accessibility: Record<string, unknown> = {}) =>
  renderToStaticMarkup(
    createElement(AccessibilityStatement, {
      settings: { accessibility: { assessedAt: '2026-12-06T12:00:00.000Z', ...accessibility } },
      lang,
    }),
  ).replaceAll('&#x27;', "'")

describe('the accessibility statement tells how and when it was assessed', () => {
  it('names the axe-core the tests run, the WCAG versions, both widths and the keyboard walk, in each language', () => {
    expect(AXE_CORE_VERSION).toBe(installed)
    const ca = render('ca')
    expect(ca).toContain(`axe-core ${installed} (regles de les WCAG 2.0, 2.1 i 2.2, nivells A i AA`)
    expect(ca).toContain("a 320 i a 1280 píxels d'amplada")
    expect(ca).toContain('un recorregut només amb teclat')
    expect(ca).toContain("Data de l'avaluació: 6 de desembre del 2026.")
    const es = render('es')
    expect(es).toContain(`axe-core ${installed} (reglas de las WCAG 2.0, 2.1 y 2.2`)
    expect(es).toContain('un recorrido solo con teclado')
    const en = render('en')
    expect(en).toContain(`axe-core ${installed} (the WCAG 2.0, 2.1 and 2.2 level A and AA rules`)
    expect(en).toContain('a keyboard-only walk')
  })

  it('lists by default what is not accessible and why: Payload’s own screens, and no screen-reader review yet; not the views now assessed', () => {
    for (const [lang, payload, views] of [
      ['ca', 'Les pantalles genèriques de Payload CMS', "encara no s'han avaluat amb axe-core"],
      ['es', 'Las pantallas genéricas de Payload CMS', 'todavía no se han evaluado con axe-core'],
      ['en', 'The generic screens of Payload CMS', 'have not yet been assessed with axe-core'],
    ] as const) {
      const text = render(lang)
      expect(text, lang).toContain(payload)
      expect(text, lang).not.toContain(views)
      expect(text, lang).toContain('«Tauler»')
      expect(text, lang).toMatch(/WCAG 1\.3\.1, 1\.4\.3, 2\.5\.8, 4\.1\.2/)
    }
  })

  it('the secretariat’s own list replaces the default', () => {
    const text = render('ca', {
      knownIssues: { ca: 'El calendari de prova no es pot fer servir amb teclat.' },
    })
    expect(text).toContain('El calendari de prova no es pot fer servir amb teclat.')
    expect(text).not.toContain('Les pantalles genèriques de Payload CMS')
  })
})
