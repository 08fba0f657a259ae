import { describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '../../seed/data'
import { PASSWORD } from '../helpers/fixtures'
import { checkNewPassword, PASSWORD_MIN_LENGTH } from '../../src/rules/passwords'

const reason = (password: unknown, person?: { email?: string; name?: string }) => {
  const check = checkNewPassword(password, person)
  return check.ok ? 'ok' : check.reason
}

describe('the password policy (NIST SP 800-63B: length and a list of refused passwords)', () => {
  it('refuses fewer than 8 characters, counted as a person counts them', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8)
    for (const password of ['1234', '', 'àèìòùçñ', undefined, 42])
      expect(reason(password)).toBe('short')
    expect(reason('x'.repeat(257))).toBe('long')
  })

  it('refuses common passwords, also with capitals, accents or digits and signs added', () => {
    for (const password of [
      'password',
      'Password123!',
      '12345678',
      '123456789',
      'qwertyuiop',
      'P@ssw0rd',
      'Contrasenya2024',
      'CONTRASEÑA1',
      'Barcelona1!',
      '1password',
      'iloveyou!!',
      'Visca-Barça-1',
    ]) {
      expect(reason(password), password).toBe('common')
    }
  })

  it('refuses runs and repetitions', () => {
    for (const password of [
      'aaaaaaaa',
      'abcdefghij',
      '98765432',
      '12121212',
      'abcabcabc',
      '!!!!!!!!!',
    ])
      expect(reason(password), password).toBe('common')
  })

  it('refuses the programme’s name and the person’s own email or name, alone or with digits', () => {
    for (const password of ['xmess2026', 'Mentoria2026!', 'MentoriaXMESS', 'xmess-mentor'])
      expect(reason(password), password).toBe('personal')
    const laia = { email: 'laia.puig@sabadell.example', name: 'Laia Puig i Serra' }
    for (const password of ['laia.puig', 'LaiaPuig1990', 'puig-laia-2026', 'laiapuig!!'])
      expect(reason(password, laia), password).toBe('personal')
    expect(reason('laia.puig', {})).toBe('ok')
  })

  it('accepts long passwords of one’s own, with words of the programme inside', () => {
    for (const password of [
      'cavall-bateria-grapa-correcte',
      'Mentoria-demo-2026',
      'una tarda de pluja a Olot',
      'mentora-tria-la-seva-1',
      'lq8#Vz2!mR',
    ]) {
      expect(
        reason(password, { email: 'laia@sabadell.example', name: 'Laia Puig' }),
        password,
      ).toBe('ok')
    }
  })

  it('accepts the passwords the demo and the tests sign in with', () => {
    expect(reason(DEMO_PASSWORD, { email: 'secretaria@xmess.cat' })).toBe('ok')
    expect(reason(PASSWORD, { email: 'secretaria@xmess.example' })).toBe('ok')
  })

  it('says what to do, in Catalan, Spanish and English', () => {
    const check = checkNewPassword('1234')
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.message.ca).toMatch(/almenys 8 caràcters/)
    expect(check.message.es).toMatch(/al menos 8 caracteres/)
    expect(check.message.en).toMatch(/at least 8 characters/)
  })
})
