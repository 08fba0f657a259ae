import { ca } from '@payloadcms/translations/languages/ca'
import { en } from '@payloadcms/translations/languages/en'
import { initI18n } from '@payloadcms/translations'
import type { Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { mentoriaPlugin } from '../../src/plugin'
import { catalanOverrides } from '../../src/plugin/translations'

/** The Catalan the admin shows: Payload's, with what the plugin puts in `i18n.translations`, merged by Payload. */
async function catalanOfTheAdmin() {
  const config = (await mentoriaPlugin()({
    collections: [],
    i18n: { supportedLanguages: { ca, en }, fallbackLanguage: 'ca' },
  } as unknown as Config)) as Config
  const i18n = await initI18n({
    config: {
      ...config.i18n,
      supportedLanguages: { ca, en },
      fallbackLanguage: 'ca',
      translations: config.i18n?.translations,
    } as never,
    context: 'client',
    language: 'ca',
  })
  const strings: Record<string, string> = {}
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') strings[path] = value
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}:${key}` : key)
  }
  walk(i18n.translations, '')
  return { i18n, strings }
}

describe("Payload's Catalan, as a council employee reads it", () => {
  it('overrides these keys', () => {
    const keys = Object.entries(catalanOverrides).flatMap(([group, strings]) =>
      Object.keys(strings).map((key) => `${group}:${key}`),
    )
    expect(keys.sort()).toEqual(
      [
        'authentication:alreadyLoggedIn',
        'authentication:backToLogin',
        'authentication:checkYourEmailForPasswordReset',
        'authentication:forgotPassword',
        'authentication:forgotPasswordEmailInstructions',
        'authentication:forgotPasswordQuestion',
        'authentication:forgotPasswordUsernameInstructions',
        'authentication:logBackIn',
        'authentication:loggedIn',
        'authentication:loggedInChangePassword',
        'authentication:loggedOutInactivity',
        'authentication:loggedOutSuccessfully',
        'authentication:login',
        'authentication:loginWithAnotherUser',
        'authentication:logout',
        'authentication:logoutSuccessful',
        'authentication:newAccountCreated',
        'authentication:resetPassword',
        'authentication:resetYourPassword',
        'authentication:stayLoggedIn',
        'authentication:verifyYourEmail',
        'authentication:youAreInactive',
        'authentication:youAreReceivingResetPassword',
        'authentication:youDidNotRequestPassword',
        'error:deletingTitle',
        'error:documentNotFound',
        'error:notAllowedToAccessPage',
        'error:notAllowedToPerformAction',
        'error:unauthorized',
        'error:unverifiedEmail',
        'general:changesNotSaved',
        'general:currentlyEditing',
        'general:email',
        'general:false',
        'general:noResults',
        'general:or',
        'general:payloadSettings',
        'general:perPage',
        'general:resetPreferencesDescription',
        'general:thisLanguage',
        'general:true',
        'general:unsavedChanges',
        'general:unsavedChangesDuplicate',
        'validation:emailAddress',
        'validation:enterNumber',
        'validation:username',
      ].sort(),
    )
    // Each one is a key Payload has (a typo here would add a string nobody reads).
    for (const key of keys) {
      const [group, name] = key.split(':')
      expect(
        (ca.translations as Record<string, Record<string, string>>)[group]?.[name],
        key,
      ).toBeTypeOf('string')
    }
  })

  it('has none of the known-bad strings left in the Catalan the admin uses', async () => {
    const { i18n, strings } = await catalanOfTheAdmin()
    const bad: [RegExp, string][] = [
      [/pagian/i, 'typo «Per pagian»'],
      [/^Veritat$/, '«Veritat» for yes'],
      [/configuracio\b/, 'no accent in «configuració»'],
      [/^Catala$/, 'no accent in «Català»'],
      [/^O$/, 'a capital «O» in «Cerca per Nom O Correu»'],
    ]
    for (const [pattern, why] of bad)
      expect(
        Object.entries(strings).filter(([, text]) => pattern.test(text)),
        why,
      ).toEqual([])
    // The sign-in, forgotten-password and sign-out pages speak «vós», as the rest of the app.
    const tu =
      /\b(has|ets|estàs|tens|vols|pots|rebràs|podràs|introdueix|teu|teva|teus|teves|tu|ves|fes clic)\b/i
    const signIn = Object.entries(strings).filter(
      ([key]) =>
        key.startsWith('authentication:') &&
        Object.keys(catalanOverrides.authentication).includes(key.split(':')[1]),
    )
    expect(signIn.length).toBe(Object.keys(catalanOverrides.authentication).length)
    for (const key of [
      'authentication:forgotPasswordQuestion',
      'authentication:forgotPasswordEmailInstructions',
      'authentication:checkYourEmailForPasswordReset',
      'authentication:alreadyLoggedIn',
      'authentication:loggedOutInactivity',
      'general:unsavedChanges',
      'error:notAllowedToAccessPage',
    ]) {
      expect(strings[key], key).toBeDefined()
      expect(strings[key], key).not.toMatch(tu)
    }
    for (const [key, text] of signIn) expect(text, key).not.toMatch(tu)
    // As the list view builds them.
    expect(i18n.t('general:perPage', { limit: 10 })).toBe('Per pàgina: 10')
    expect(`${i18n.t('general:searchBy', { label: 'Nom' })} ${i18n.t('general:or')} Correu`).toBe(
      'Cerca per Nom o Correu',
    )
    expect(i18n.t('general:true')).toBe('Sí')
    expect(i18n.t('general:thisLanguage')).toBe('Català')
    expect(i18n.t('general:payloadSettings')).toBe('Configuració')
  })

  it('keeps the one answer for a failed sign-in, pointing at the link as it now reads', async () => {
    const { strings } = await catalanOfTheAdmin()
    expect(strings['error:emailOrPasswordIncorrect']).toContain(
      `«${strings['authentication:forgotPasswordQuestion']}»`,
    )
    expect(strings['error:userLocked']).toBe(strings['error:emailOrPasswordIncorrect'])
  })
})

describe("The XMESS's face in the admin", () => {
  it('shows our own wordmark and icon (public/), not Payload’s, on sign-in and beside the navigation', async () => {
    const fs = await import('node:fs')
    const config = (await mentoriaPlugin()({ collections: [] } as unknown as Config)) as Config
    expect(config.admin?.components?.graphics).toEqual({
      Logo: '/src/admin/brand/Logo#Logo',
      Icon: '/src/admin/brand/Logo#Icon',
    })
    const importMap = fs.readFileSync('src/app/(payload)/admin/importMap.js', 'utf8')
    expect(importMap).toContain('"/src/admin/brand/Logo#Logo"')
    expect(importMap).toContain('"/src/admin/brand/Logo#Icon"')
    for (const file of ['public/xmess-logo.svg', 'public/xmess-icon.svg']) {
      const svg = fs.readFileSync(file, 'utf8')
      expect(svg).toContain('<title id=')
      expect(svg).toContain('Mentoria XMESS')
      // Drawn here: no script, no image or font fetched from elsewhere.
      expect(svg).not.toMatch(/<script|href=|url\(|@import/)
    }
    expect(fs.readFileSync('public/xmess-logo.svg', 'utf8')).toContain('>XMESS<')
    // A host app that brings its own keeps it.
    const own = (await mentoriaPlugin()({
      collections: [],
      admin: { components: { graphics: { Logo: '/x#Logo' } } },
    } as unknown as Config)) as Config
    expect(own.admin?.components?.graphics?.Logo).toBe('/x#Logo')
  })
})

describe('No rule codes in what people read', () => {
  const ruleCode = /\bR\d{1,2}\b/

  it('in no label or description of a collection or field (every language)', async () => {
    const config = (await mentoriaPlugin()({ collections: [] } as unknown as Config)) as Config
    const found: string[] = []
    const texts = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : value && typeof value === 'object' && typeof value !== 'function'
          ? Object.values(value).flatMap(texts)
          : []
    const visit = (fields: unknown[], where: string) => {
      for (const field of fields as Record<string, any>[]) {
        const name = `${where}.${field.name ?? field.type}`
        for (const text of [
          ...texts(field.label),
          ...texts(field.admin?.description),
          ...texts(field.labels),
          ...(field.options ?? []).flatMap((option: unknown) =>
            texts((option as { label?: unknown }).label),
          ),
        ])
          if (ruleCode.test(text)) found.push(`${name}: ${text}`)
        if (field.fields) visit(field.fields, name)
        for (const tab of field.tabs ?? []) visit(tab.fields, `${name}.${tab.name ?? 'tab'}`)
        for (const block of field.blocks ?? []) visit(block.fields, `${name}.${block.slug}`)
      }
    }
    for (const collection of config.collections ?? []) {
      for (const text of [...texts(collection.labels), ...texts(collection.admin?.description)])
        if (ruleCode.test(text)) found.push(`${collection.slug}: ${text}`)
      visit(collection.fields, collection.slug)
    }
    expect(found).toEqual([])
  })

  it("in none of the matching's reasons why a pair cannot be proposed", async () => {
    const { forbiddenSentence } = await import('../../src/matching/explain')
    for (const reason of [
      'same_municipality',
      'mentor_unavailable',
      'mentor_at_capacity',
      'declined',
      'excluded',
      'too_far',
      'no_shared_topic',
    ] as const)
      expect(forbiddenSentence(reason)).not.toMatch(ruleCode)
  })
})
