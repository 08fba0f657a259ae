import { describe, expect, it } from 'vitest'

import { ConfigError, loadEnv } from '../../src/host/config/env'

const secret = 'x'.repeat(40)

describe('configuration from the environment', () => {
  it('defaults to an SQLite file under ./data when DATABASE_URI is unset', () => {
    expect(loadEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: secret }).database).toEqual({
      kind: 'sqlite',
      uri: 'file:./data/mentoria.db',
    })
    expect(loadEnv({}).database.uri).toBe('file:./data/mentoria-dev.db')
  })

  it('chooses MongoDB for mongodb:// and mongodb+srv:// addresses', () => {
    expect(loadEnv({ DATABASE_URI: 'mongodb://db:27017/mentoria' }).database.kind).toBe('mongodb')
    expect(
      loadEnv({ DATABASE_URI: 'mongodb+srv://user:pw@cluster.example/mentoria' }).database.kind,
    ).toBe('mongodb')
  })

  it('takes MONGODB_COMPATIBILITY for a MongoDB-compatible service, and refuses an unknown one or one without MongoDB, in Catalan', () => {
    expect(
      loadEnv({ DATABASE_URI: 'mongodb://db:27017/m', MONGODB_COMPATIBILITY: 'ferretdb' }).database,
    ).toEqual({ kind: 'mongodb', uri: 'mongodb://db:27017/m', compatibility: 'ferretdb' })
    expect(
      loadEnv({ DATABASE_URI: 'mongodb://db:27017/m', MONGODB_COMPATIBILITY: 'documentdb' })
        .database.compatibility,
    ).toBe('documentdb')
    expect(
      loadEnv({ DATABASE_URI: 'mongodb://db:27017/m', MONGODB_COMPATIBILITY: '' }).database
        .compatibility,
    ).toBeUndefined()
    expect(() =>
      loadEnv({ DATABASE_URI: 'mongodb://db:27017/m', MONGODB_COMPATIBILITY: 'mariadb' }),
    ).toThrow(
      "Configuració no vàlida: MONGODB_COMPATIBILITY: ha de ser un d'aquests valors: ferretdb, documentdb, cosmosdb, firestore (o no posar-la per a MongoDB mateix)",
    )
    expect(() => loadEnv({ MONGODB_COMPATIBILITY: 'ferretdb' })).toThrow(
      /MONGODB_COMPATIBILITY: només té sentit amb una DATABASE_URI de MongoDB/,
    )
  })

  it('refuses any other database address, naming DATABASE_URI', () => {
    expect(() => loadEnv({ DATABASE_URI: 'postgres://localhost/mentoria' })).toThrow(ConfigError)
    expect(() => loadEnv({ DATABASE_URI: 'postgres://localhost/mentoria' })).toThrow(/DATABASE_URI/)
  })

  it('requires a secret of at least 32 characters in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET: cal en producció/)
    expect(() => loadEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'curt' })).toThrow(
      /PAYLOAD_SECRET: és massa curt \(4 caràcters\)/,
    )
    expect(loadEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: secret }).secret).toBe(secret)
  })

  it('uses a development secret outside production and says so', () => {
    const env = loadEnv({ NODE_ENV: 'development' })
    expect(env.usingDevSecret).toBe(true)
    expect(env.secret.length).toBeGreaterThanOrEqual(32)
  })

  it('lets `next build` import the config without a secret', () => {
    expect(
      loadEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }).usingDevSecret,
    ).toBe(true)
  })

  it('names the variable of a bad port, URL or embed origin', () => {
    expect(() => loadEnv({ PORT: 'abc' })).toThrow(/PORT/)
    expect(() => loadEnv({ PORT: '70000' })).toThrow(/PORT: ha de ser entre 1 i 65535/)
    expect(() => loadEnv({ SERVER_URL: 'not a url' })).toThrow(/SERVER_URL/)
    expect(() => loadEnv({ EMBED_ORIGINS: 'https://xmess.cat, javascript:alert(1)' })).toThrow(
      /EMBED_ORIGINS/,
    )
    expect(() => loadEnv({ SECRETARIAT_EMAIL: 'secretaria' })).toThrow(/SECRETARIAT_EMAIL/)
  })

  it('reads the sign-in and public form limits, and names a bad one', () => {
    expect(loadEnv({}).limits).toEqual({
      login: { attempts: 10, perAccount: 10, windowMinutes: 15 },
      publicForms: { posts: 20, windowMinutes: 60 },
    })
    const env = loadEnv({
      LOGIN_ATTEMPTS: '3',
      LOGIN_ATTEMPTS_PER_ACCOUNT: '5',
      LOGIN_WINDOW_MINUTES: '1',
      PUBLIC_FORM_POSTS: '7',
      PUBLIC_FORM_WINDOW_MINUTES: '30',
    })
    expect(env.limits).toEqual({
      login: { attempts: 3, perAccount: 5, windowMinutes: 1 },
      publicForms: { posts: 7, windowMinutes: 30 },
    })
    expect(() => loadEnv({ LOGIN_ATTEMPTS: '0' })).toThrow(
      /LOGIN_ATTEMPTS: ha de ser com a mínim 1/,
    )
    expect(() => loadEnv({ PUBLIC_FORM_POSTS: 'molts' })).toThrow(
      /PUBLIC_FORM_POSTS: ha de ser un nombre enter d'enviaments/,
    )
  })

  it('normalises embed origins and the server URL', () => {
    const env = loadEnv({
      EMBED_ORIGINS: 'https://xmess.cat/mentoria, http://localhost:8080',
      SERVER_URL: 'https://mentoria.xmess.cat/',
    })
    expect(env.embedOrigins).toEqual(['https://xmess.cat', 'http://localhost:8080'])
    expect(env.serverURL).toBe('https://mentoria.xmess.cat')
  })

  it('reads SMTP settings only when a host is given', () => {
    expect(loadEnv({}).smtp).toBeUndefined()
    expect(
      loadEnv({ SMTP_HOST: 'smtp.example', SMTP_PORT: '465', SMTP_SECURE: 'true' }).smtp,
    ).toMatchObject({
      host: 'smtp.example',
      port: 465,
      secure: true,
    })
  })
})
