import { PASSWORD, setupProgramme } from '../tests/helpers/fixtures'
import { startHttpApp } from '../tests/helpers/http'

/**
 * `npm run bench:login`: how long a failed sign-in takes through the real Express layer and Payload,
 * for a wrong password on a real account, an address with no account, and a locked account. They should
 * not tell which emails have an account: the goal is medians within 15 % of the wrong-password one.
 * Reference in the same run: a successful sign-in (the same password hash, plus a session).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const GOAL = 0.15

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

async function main() {
  const web = await startHttpApp({
    trustProxy: 1,
    rateLimits: { login: { windowMs: 60_000, limit: 1_000_000 } },
    plugin: { loginLimits: { windowMinutes: 1, perAddress: 1_000_000, perAccount: 1_000_000 } },
  })
  try {
    await setupProgramme(web.app)
    const locked = await web.app.payload.create({
      collection: 'users',
      data: { email: 'bloquejada@xmess.example', password: PASSWORD, roles: ['mentee'] } as never,
    })
    const lock = () =>
      web.app.payload.update({
        collection: 'users',
        id: locked.id,
        data: {
          lockUntil: new Date(Date.now() + 3_600_000).toISOString(),
          loginAttempts: 5,
        } as never,
        overrideAccess: true,
      })
    await lock()
    const cases: Record<string, { email: string; password: string }> = {
      'contrasenya incorrecta (compte real)': {
        email: 'mentorada@xmess.example',
        password: 'incorrecta',
      },
      'adreça sense compte': { email: 'ningu@xmess.example', password: 'incorrecta' },
      'compte bloquejat': { email: 'bloquejada@xmess.example', password: 'incorrecta' },
      'referència: entrada correcta': { email: 'mentora@xmess.example', password: PASSWORD },
    }
    const samples: Record<string, number[]> = Object.fromEntries(
      Object.keys(cases).map((name) => [name, []]),
    )
    let address = 0
    for (let run = 0; run < RUNS + 2; run++) {
      for (const [name, body] of Object.entries(cases)) {
        // A wrong password counts towards the lockout: reset it so the real account stays a real, unlocked one.
        await web.app.payload.update({
          collection: 'users',
          where: { email: { equals: 'mentorada@xmess.example' } },
          data: { loginAttempts: 0, lockUntil: null } as never,
          overrideAccess: true,
        })
        const started = performance.now()
        const response = await web.request('POST', '/api/users/login', body, {
          headers: { 'X-Forwarded-For': `10.0.${Math.floor(address / 250)}.${address++ % 250}` },
        })
        const ms = performance.now() - started
        if (run >= 2) samples[name].push(ms) // the first two rounds warm up
        if (name.startsWith('referència') ? response.status !== 200 : response.status !== 401)
          throw new Error(`${name}: ${response.status} ${response.text}`)
      }
    }
    const base = median(samples['contrasenya incorrecta (compte real)'])
    console.log(`Inici de sessió, mediana de ${RUNS} intents per cas (ms):`)
    let worst = 0
    for (const [name, values] of Object.entries(samples)) {
      const value = median(values)
      const difference = (value - base) / base
      if (!name.startsWith('referència')) worst = Math.max(worst, Math.abs(difference))
      console.log(
        `  ${name.padEnd(40)} ${value.toFixed(0).padStart(6)}  (${difference >= 0 ? '+' : ''}${(difference * 100).toFixed(1)} %)`,
      )
    }
    console.log(
      `Diferència màxima entre els casos fallits: ${(worst * 100).toFixed(1)} % (objectiu: ≤ ${GOAL * 100} %) → ${worst <= GOAL ? 'compleix' : 'NO compleix'}`,
    )
    if (worst > GOAL) process.exitCode = 1
  } finally {
    await web.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
