import fs from 'node:fs'

import { parse } from 'csv-parse/sync'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { axeViolations, fitsWidth } from '../helpers/journey'
import { type RunningServer, startProductionServer } from '../helpers/server'

/**
 * «Dades» in the admin, in the browser: the secretariat imports mentors from a spreadsheet (a bad file
 * first: the errors by row and column, nothing imported), exports them from the list, and erases a person.
 */
let server: RunningServer
let browser: Browser
let token: string
const PASSWORD = 'una-contrasenya-llarga'

async function api(method: string, url: string, body?: unknown) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json().catch(() => undefined) }
}

async function signIn(page: Page) {
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', 'secretaria@xmess.example')
  await page.fill('#field-password', PASSWORD)
  await page.click('button[type=submit]')
  await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
}

const upload = (page: Page, name: string, text: string) =>
  page.setInputFiles('input[type=file]', {
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  })

beforeAll(async () => {
  server = await startProductionServer()
  browser = await launchBrowser()
  const first = await fetch(`${server.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'secretaria@xmess.example',
      password: PASSWORD,
      confirmPassword: PASSWORD,
    }),
  })
  token = (await first.json()).token
  await api('POST', '/api/municipalities', { name: 'Ajuntament de Sabadell', member: true })
  await api('POST', '/api/municipalities', { name: "Ajuntament d'Olot", member: true })
  fs.mkdirSync('test-results', { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the «Dades» page', () => {
  it('imports mentors only after a preview, and a bad file imports nothing and says where', async () => {
    const context = await browser.newContext({ acceptDownloads: true })
    const page = await context.newPage()
    await signIn(page)
    // The side navigation links to it (collapsed on a small window), for the secretariat.
    await expect.poll(() => page.locator('a.nav__link[href="/admin/dades"]').count()).toBe(1)
    await page.goto(`${server.url}/admin/dades`)
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Dades')

    await expect.poll(() => page.locator('input[type=file]').count()).toBe(1)
    await upload(
      page,
      'dolent.csv',
      'Nom i cognoms;Correu electrònic;Ens;Àmbits\nAnna Serra;anna@olot.example;Ajuntament d’Olot;cooperativisme\nBernat Roca;no-es-correu;Ajuntament de Girona;cooperativisme\n',
    )
    const status = page.locator('body')
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toContain("El fitxer té 2 errors: no s'ha importat res.")
    const errors = (await page.locator('table').first().innerText()).replace(/\s+/g, ' ')
    expect(errors).toContain('3 Correu electrònic No és una adreça de correu vàlida.')
    expect(errors).toContain("3 Ens L'ens «Ajuntament de Girona» no és a la llista d'ens")
    await page.screenshot({ path: 'test-results/dades-import-errors.png', fullPage: true })
    expect(await page.getByRole('button', { name: /^Importa/ }).count()).toBe(0)

    await upload(
      page,
      'mentores.csv',
      'Nom i cognoms;Correu electrònic;Telèfon;Ens;Àmbits\nAnna Serra;anna@olot.example;611 000 111;Ajuntament d’Olot;cooperativisme\nJordi Vall;jordi@sabadell.example;;Ajuntament de Sabadell;Finances ètiques\n',
    )
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('Es crearan 2')
    expect((await api('GET', '/api/mentors')).body.totalDocs).toBe(0)
    await page.screenshot({ path: 'test-results/dades-import-preview.png', fullPage: true })
    await page.getByRole('button', { name: 'Importa mentores.csv' }).click()
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain("S'han creat 2")
    expect(
      (await api('GET', '/api/mentors?sort=name')).body.docs.map(
        (mentor: { name: string }) => mentor.name,
      ),
    ).toEqual(['Anna Serra', 'Jordi Vall'])

    // The list of mentors has its export button; the file is the CSV a spreadsheet opens.
    await page.goto(`${server.url}/admin/collections/mentors`)
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Exporta persones mentores (CSV)' }).click()
    const file = await (await download).path()
    const rows = parse(fs.readFileSync(file, 'utf8'), { bom: true, columns: true }) as Record<
      string,
      string
    >[]
    expect(rows.map((row) => row['Nom i cognoms']).sort()).toEqual(['Anna Serra', 'Jordi Vall'])
    await page.screenshot({ path: 'test-results/dades-mentors-export.png' })

    // Erasing a person, with a confirmation.
    await page.goto(`${server.url}/admin/dades`)
    await page.fill('input[type=email]', 'anna@olot.example')
    await page.getByRole('button', { name: 'Esborra aquesta persona…' }).click()
    await page.getByRole('button', { name: 'Sí, esborra-les' }).click()
    await expect
      .poll(() => page.locator('body').textContent(), { timeout: 15_000 })
      .toContain("S'han anonimitzat les dades de anna@olot.example")
    await page.screenshot({ path: 'test-results/dades-erased.png', fullPage: true })
    expect(
      (await api('GET', '/api/mentors?sort=name')).body.docs.map(
        (mentor: { name: string }) => mentor.name,
      ),
    ).toEqual(['Jordi Vall', 'Persona esborrada'])
    await context.close()
  })

  it('looks a person up: a summary in plain Catalan with its downloads, and an unknown address says so', async () => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 900 },
    ]) {
      const context = await browser.newContext({ acceptDownloads: true, viewport, locale: 'ca-ES' })
      const page = await context.newPage()
      await signIn(page)
      await page.goto(`${server.url}/admin/dades`)
      const lookUp = page.getByRole('form', { name: "Consulta les dades d'una persona" })
      await lookUp.getByLabel('Correu electrònic de la persona').fill('ningu@enlloc.example')
      await lookUp.getByRole('button', { name: 'Consulta les seves dades' }).click()
      await expect
        .poll(
          () => page.getByRole('alert').filter({ hasText: 'No hi ha cap dada' }).textContent(),
          { timeout: 15_000 },
        )
        .toMatch(
          /^No hi ha cap dada de ningu@enlloc\.example: cap compte, cap sol·licitud, cap perfil de persona mentora ni cap correu enviat a aquesta adreça\./,
        )
      expect(await page.getByRole('link', { name: /^Descarrega/ }).count()).toBe(0)

      await lookUp.getByLabel('Correu electrònic de la persona').fill('jordi@sabadell.example')
      await lookUp.getByRole('button', { name: 'Consulta les seves dades' }).click()
      const summary = page.getByRole('region', { name: 'Dades de Jordi Vall' })
      await summary.waitFor({ timeout: 15_000 })
      const text = (await summary.innerText()).replace(/\s+/g, ' ')
      expect(text).toContain('Correu electrònic: jordi@sabadell.example')
      expect(text).toContain('Com a persona mentora')
      expect(text).toContain('Perfil de persona mentora (Ajuntament de Sabadell)')
      expect(text).toContain('àmbits: Finances ètiques')
      expect(text).toContain("No té compte a l'aplicació.")
      expect(await axeViolations(page)).toEqual([])
      expect(await fitsWidth(page)).toBe(true)
      await page.screenshot({
        path: `docs/img/secretaria-dades-persona-${viewport.width}.png`,
        fullPage: true,
      })

      const download = page.waitForEvent('download')
      await page.getByRole('link', { name: 'Descarrega el resum (text)' }).click()
      const file = fs.readFileSync((await (await download).path()) as string, 'utf8')
      expect(file).toMatch(/^Dades de Jordi Vall\n/)
      expect(file).toContain('Com a persona mentora')
      await context.close()
    }
  })
})
