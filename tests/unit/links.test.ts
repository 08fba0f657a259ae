import { describe, expect, it } from 'vitest'

import { newNonce, signProposalLink, verifyProposalLink } from '../../src/notifications/links'

const secret = 'a-secret-of-the-app-0123456789abcdef'
const link = {
  pairing: '42',
  decision: 'accept' as const,
  expiresAt: Date.now() + 60_000,
  nonce: newNonce(),
}

describe('signed proposal links', () => {
  it('verifies what it signed', () => {
    expect(verifyProposalLink(secret, signProposalLink(secret, link))).toEqual({ ok: true, link })
  })
  it('refuses forged, tampered, foreign and malformed tokens', () => {
    const token = signProposalLink(secret, link)
    const [body, signature] = token.split('.')
    const otherBody = Buffer.from(
      JSON.stringify({ p: '43', d: 'accept', e: link.expiresAt, n: link.nonce }),
    ).toString('base64url')
    expect(verifyProposalLink(secret, `${otherBody}.${signature}`)).toEqual({
      ok: false,
      reason: 'forged',
    })
    expect(verifyProposalLink('another-secret-0123456789abcdef012', token)).toEqual({
      ok: false,
      reason: 'forged',
    })
    expect(verifyProposalLink(secret, `${body}.`)).toMatchObject({ ok: false })
    expect(verifyProposalLink(secret, 'nonsense')).toEqual({ ok: false, reason: 'malformed' })
    expect(verifyProposalLink(secret, undefined)).toEqual({ ok: false, reason: 'malformed' })
    expect(verifyProposalLink(secret, `${token}.extra`)).toEqual({ ok: false, reason: 'malformed' })
  })
  it('refuses expired links', () => {
    const token = signProposalLink(secret, { ...link, expiresAt: Date.now() - 1 })
    expect(verifyProposalLink(secret, token)).toEqual({ ok: false, reason: 'expired' })
  })
})
