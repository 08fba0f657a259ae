import crypto from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { signCheckinLink, verifyCheckinLink } from '../../src/notifications/checkin-links'
import { newNonce, signProposalLink, verifyProposalLink } from '../../src/notifications/links'
import { signOfferLink, verifyOfferLink } from '../../src/notifications/offer-links'
import { signedTokens } from '../../src/notifications/signed-tokens'

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

describe('one signing for every link in an email (src/notifications/signed-tokens.ts)', () => {
  const offer = { mentor: '3', edition: '7', nonce: newNonce() }
  const checkin = { checkin: '9', answer: '4' as const, nonce: newNonce() }

  it('never takes a link of one kind for another, even with the same secret', () => {
    const proposal = signProposalLink(secret, link)
    expect(verifyOfferLink(secret, proposal)).toBeNull()
    expect(verifyCheckinLink(secret, proposal)).toBeNull()
    expect(verifyProposalLink(secret, signOfferLink(secret, offer))).toEqual({
      ok: false,
      reason: 'forged',
    })
    expect(verifyOfferLink(secret, signCheckinLink(secret, checkin))).toBeNull()
    expect(verifyOfferLink(secret, signOfferLink(secret, offer))).toEqual(offer)
    expect(verifyCheckinLink(secret, signCheckinLink(secret, checkin))).toEqual(checkin)
  })

  it('refuses a signed body that is not an object, a token too long, and another secret', () => {
    const tokens = signedTokens('test-links', 200)
    // Signed with the right key by hand: valid signatures over JSON that is not an object.
    const key = crypto.createHmac('sha256', secret).update('mentoria-xmess/test-links/v1').digest()
    for (const json of ['[1,2]', '"text"', '42', 'null', '{not json']) {
      const body = Buffer.from(json).toString('base64url')
      const signature = crypto.createHmac('sha256', key).update(body).digest('base64url')
      expect(tokens.open(secret, `${body}.${signature}`), json).toEqual({
        ok: false,
        reason: 'malformed',
      })
    }
    expect(tokens.open(secret, tokens.sign(secret, { a: 1 }))).toEqual({ ok: true, body: { a: 1 } })
    expect(tokens.open(secret, `${'a'.repeat(150)}.${'b'.repeat(60)}`)).toEqual({
      ok: false,
      reason: 'malformed',
    })
    expect(tokens.open('another-secret', tokens.sign(secret, { a: 1 }))).toEqual({
      ok: false,
      reason: 'forged',
    })
  })
})
