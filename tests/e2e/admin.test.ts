import fs from 'node:fs'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { type RunningServer, startProductionServer } from '../helpers/server'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startProductionServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  const code = await server?.stop()
  // Graceful shutdown: SIGTERM ends the process cleanly.
  expect(code).toBe(0)
})

describe('the production server on an empty SQLite file', () => {
  it('answers /healthz with the database reachable, behind security headers', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' })
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  it('lets the first person create the secretariat account, sign in and see the admin in Catalan', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    await page.goto(`${server.url}/admin`)
    await page.waitForURL(/create-first-user/)
    await expect.poll(() => page.title()).toMatch(/Crea el primer usuari/)
    expect(await page.locator('h1').first().textContent()).toMatch(/Benvingut/)

    await page.fill('#field-email', 'secretaria@xmess.example')
    await page.fill('#field-password', 'Una-contrasenya-de-prova-1')
    await page.fill('#field-confirm-password', 'Una-contrasenya-de-prova-1')
    await page.click('button[type=submit]')
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')

    // Out and back in with the same credentials.
    await context.clearCookies()
    await page.goto(`${server.url}/admin/login`)
    await page.fill('#field-email', 'secretaria@xmess.example')
    await page.fill('#field-password', 'Una-contrasenya-de-prova-1')
    await page.click('button[type=submit]')
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')

    const body = page.locator('body')
    await expect.poll(() => body.textContent(), { timeout: 15_000 }).toContain('Persones mentores')
    const text = (await body.textContent()) ?? ''
    expect(text).toContain('Sol·licituds')
    expect(text).toContain('Convocatòries')
    expect(text).toContain('Ens membres')
    expect(text).toContain('Parelles')
    expect(text).toContain('Trobades')
    expect(text).toContain('Fitxes')
    expect(await page.getAttribute('html', 'lang')).toBe('ca')

    // Today's reminders now, from the dashboard: the answer in Catalan (nothing due on an empty programme).
    await page.getByRole('button', { name: "Envia ara els recordatoris d'avui" }).click()
    await expect
      .poll(() => page.locator('.mentoria-reminders [role=status]').textContent(), {
        timeout: 15_000,
      })
      .toContain("Avui no hi havia cap recordatori pendent d'enviar.")

    fs.mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/admin-dashboard.png', fullPage: true })

    // The edit form: create a member council, then open it again from the list.
    await page.goto(`${server.url}/admin/collections/municipalities/create`)
    await page.fill('#field-name', 'Ajuntament de Prova')
    await page.click('#action-save')
    await page.waitForURL(/\/admin\/collections\/municipalities\/\d+/)
    await page.goto(`${server.url}/admin/collections/municipalities`)
    await page.getByRole('link', { name: 'Ajuntament de Prova' }).first().click()
    await page.waitForURL(/\/admin\/collections\/municipalities\/\d+/)
    await expect
      .poll(() => page.locator('#field-name').inputValue(), { timeout: 20_000 })
      .toBe('Ajuntament de Prova')
    await page.screenshot({ path: 'test-results/admin-edit.png', fullPage: true })
    await context.close()
  })
})
