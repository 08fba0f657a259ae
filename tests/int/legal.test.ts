import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../seed'
import {
  checkLegalSettingsForProduction,
  readLegalSettings,
} from '../../src/services/legal-settings'
import { AccessibilityStatement, PrivacyNotice } from '../../src/site/legal'
import { deliverMail, memoryEmail, type Programme, setupProgramme } from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'
import { startTestApp, type TestApp } from '../helpers/payload'

/**
 * What a council's data-protection officer and accessibility officer ask before go-live (issue 23):
 * the privacy notice and the accessibility statement render from «Avís legal i accessibilitat», which
 * the secretariat fills in over the API; the production start refuses to run with it empty; every
 * email links both pages.
 */

let web: HttpApp
let p: Programme
const email = memoryEmail()
const as = (token?: string) => ({ token })

const SETTINGS = {
  controller: {
    name: 'Consorci de Prova XMESS',
    address: 'Carrer Major, 1, 08001 Barcelona',
    email: 'responsable@xmess.example',
  },
  dpo: { name: 'DPD del Consorci', email: 'dpd@xmess.example' },
  accessibility: {
    status: 'partial',
    method: 'self',
    assessedAt: '2026-11-20T12:00:00.000Z',
    contactEmail: 'barreres@xmess.example',
    knownIssues: { ca: 'El calendari de prova no es pot fer servir amb teclat.' },
  },
}

beforeAll(async () => {
  web = await startHttpApp({ email: email.adapter, plugin: { retentionMonths: 18 } })
  p = await setupProgramme(web.app)
})

afterAll(async () => {
  await web?.close()
})

const privacy = async (lang: 'ca' | 'es' | 'en') =>
  renderToStaticMarkup(
    createElement(PrivacyNotice, {
      settings: await readLegalSettings(web.app.payload),
      lang,
      retentionMonths: 18,
    }),
  )
const statement = async (lang: 'ca' | 'es' | 'en') =>
  renderToStaticMarkup(
    createElement(AccessibilityStatement, {
      settings: await readLegalSettings(web.app.payload),
      lang,
    }),
  )

describe('«Avís legal i accessibilitat»', () => {
  it('the production start refuses to run with it empty, in one Catalan line naming what is missing', async () => {
    await expect(checkLegalSettingsForProduction(web.app.payload)).rejects.toThrow(
      /^Configuració no vàlida: falten dades de l'avís legal i l'accessibilitat \(responsable del tractament \(nom\);.*delegat de protecció de dades \(correu\);.*accessibilitat: data de l'avaluació\); ompliu-les a \/admin\/globals\/legal-settings/,
    )
    // Started once on purpose to fill it in:
    await expect(
      checkLegalSettingsForProduction(web.app.payload, { pending: true }),
    ).resolves.toBeUndefined()
  })

  it('a first start with no user yet only warns (the secretariat registers and fills it in)', async () => {
    const fresh: TestApp = await startTestApp()
    try {
      await expect(checkLegalSettingsForProduction(fresh.payload)).resolves.toBeUndefined()
    } finally {
      await fresh.close()
    }
  })

  it('the demo seed fills it in, so `npm run demo` and `npm run seed` then start in production', async () => {
    const fresh: TestApp = await startTestApp()
    try {
      await seed(fresh.payload, new Date('2026-10-01T10:00:00Z'))
      await expect(checkLegalSettingsForProduction(fresh.payload)).resolves.toBeUndefined()
    } finally {
      await fresh.close()
    }
  })

  it('only the secretariat fills it in; anyone reads it', async () => {
    const refused = await web.request(
      'POST',
      '/api/globals/legal-settings',
      SETTINGS,
      as(p.tokens.mentor),
    )
    expect(refused.status).toBe(403)
    const saved = await web.request(
      'POST',
      '/api/globals/legal-settings',
      SETTINGS,
      as(p.tokens.secretariat),
    )
    expect(saved.status, saved.text).toBe(200)
    const read = await web.request('GET', '/api/globals/legal-settings')
    expect(read.status).toBe(200)
    expect(read.body.dpo.email).toBe('dpd@xmess.example')
    await expect(checkLegalSettingsForProduction(web.app.payload)).resolves.toBeUndefined()
  })

  it('refuses a contact that is not an email, naming the field', async () => {
    const bad = await web.request(
      'POST',
      '/api/globals/legal-settings',
      { dpo: { email: 'no és un correu' } },
      as(p.tokens.secretariat),
    )
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toMatch(/adreça de correu/)
    expect((await readLegalSettings(web.app.payload)).dpo?.email).toBe('dpd@xmess.example')
  })

  it('the privacy notice names the controller, the DPO, the legal basis, the real retention, the rights and the APDCAT, in ca/es/en', async () => {
    const ca = await privacy('ca')
    expect(ca).toContain('Avís de privacitat')
    expect(ca).toContain('Consorci de Prova XMESS')
    expect(ca).toContain('Carrer Major, 1, 08001 Barcelona')
    expect(ca).toContain('mailto:dpd@xmess.example')
    expect(ca).toContain('article 6.1.e')
    expect(ca).toContain('18 mesos després del tancament')
    expect(ca).toContain('Autoritat Catalana de Protecció de Dades')
    expect(ca).toContain('https://apdcat.gencat.cat')
    const es = await privacy('es')
    expect(es).toContain('Aviso de privacidad')
    expect(es).toContain('18 meses después del cierre')
    expect(es).toContain('mailto:dpd@xmess.example')
    const en = await privacy('en')
    expect(en).toContain('Privacy notice')
    expect(en).toContain('18 months after the call closes')
  })

  it('the accessibility statement follows the RD 1112/2018 model, with the facts the secretariat set', async () => {
    const ca = await statement('ca')
    for (const heading of [
      "Declaració d'accessibilitat",
      'Situació de compliment',
      'Contingut no accessible',
      "Preparació d'aquesta declaració d'accessibilitat",
      'Observacions i dades de contacte',
      "Procediment d'aplicació",
    ]) {
      expect(ca).toContain(heading.replaceAll("'", '&#x27;'))
    }
    expect(ca).toContain('parcialment conforme')
    expect(ca).toContain('El calendari de prova no es pot fer servir amb teclat.')
    expect(ca).toContain('20 de novembre del 2026')
    expect(ca).toContain('mailto:barreres@xmess.example')
    const es = await statement('es')
    expect(es).toContain('Situación de cumplimiento')
    expect(es).toContain('parcialmente conforme')
    expect(es).toContain('20 de noviembre de 2026')
    // Not translated by the secretariat: Spanish readers get the Catalan text rather than nothing.
    expect(es).toContain('El calendari de prova no es pot fer servir amb teclat.')
    expect(await statement('en')).toContain('Compliance status')
  })

  it('every email links the privacy notice and the accessibility statement', async () => {
    email.sent.length = 0
    const proposed = await web.request(
      'POST',
      '/api/pairings',
      { mentor: p.mentor.id, candidate: p.candidate.id },
      as(p.tokens.secretariat),
    )
    expect(proposed.status, proposed.text).toBe(201)
    await deliverMail(web.app)
    await web.request('POST', '/api/users/forgot-password', { email: 'mentorada@xmess.example' })
    expect(email.sent.length).toBeGreaterThanOrEqual(2)
    for (const sent of email.sent) {
      const body = String(sent.text ?? sent.html)
      expect(body, String(sent.subject)).toContain(`${web.app.config.serverURL}/privacitat`)
      expect(body, String(sent.subject)).toContain(`${web.app.config.serverURL}/accessibilitat`)
    }
  })
})
