import { it } from 'vitest'
import { launchBrowser } from '../helpers/browser'
import { startProductionServer } from '../helpers/server'

it('debug', async () => {
  const server = await startProductionServer()
  const PASSWORD = 'una-contrasenya-llarga'
  const first = await fetch(`${server.url}/api/users/first-register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 's@x.example', password: PASSWORD, confirmPassword: PASSWORD }) })
  const token = (await first.json()).token
  await fetch(`${server.url}/api/editions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `JWT ${token}` }, body: JSON.stringify({ year: 2026, name: 'Prova', applicationsOpenAt: '2026-11-01T00:00:00Z', applicationsCloseAt: '2026-12-20T00:00:00Z' }) })
  const browser = await launchBrowser()
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', 's@x.example')
  await page.fill('#field-password', PASSWORD)
  await page.click('button[type=submit]')
  await page.waitForSelector('.console', { timeout: 60000 })
  const out = await page.evaluate(() => {
    const input = document.querySelector('[id^=react-select]')
    let node: Element | null = input
    const chain: string[] = []
    for (let i = 0; i < 12 && node; i++) { chain.push(`${node.tagName}.${node.className}`); node = node.parentElement }
    const t = document.querySelector('.timeline')
    return { chain, timeline: t?.outerHTML.slice(0, 1500) }
  })
  console.log(JSON.stringify(out, null, 1))
  await page.screenshot({ path: '/tmp/jdbg/console.png', fullPage: true })
  await browser.close(); await server.stop()
}, 120000)
