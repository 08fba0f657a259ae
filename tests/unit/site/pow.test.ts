import crypto from 'node:crypto'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { leadingZeroBits, powBitsOf, powInput, sha256, solveChallenge } from '../../../src/site/pow'
import { issueChallenge, verifyProof } from '../../../src/site/pow-server'

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

describe('the browser SHA-256', () => {
  it('matches Node for known vectors and arbitrary text (block boundaries included)', () => {
    expect(hex(sha256(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    for (const length of [55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = crypto.randomBytes(length)
      expect(hex(sha256(bytes))).toBe(crypto.createHash('sha256').update(bytes).digest('hex'))
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const bytes = new TextEncoder().encode(text)
        expect(hex(sha256(bytes))).toBe(crypto.createHash('sha256').update(bytes).digest('hex'))
      }),
    )
  })

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0, 0x10, 0xff]))).toBe(19)
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0)
    expect(leadingZeroBits(new Uint8Array(4))).toBe(32)
  })
})

describe('the proof of work', () => {
  const secret = 'a-secret-for-the-test-0123456789'

  it('solves a challenge that the server then accepts, once, for that email only', async () => {
    const challenge = issueChallenge(secret, 10)
    const proof = await solveChallenge(challenge, ' Anna@Ajuntament.example ')
    expect(
      powBitsOf(powInput(challenge, 'anna@ajuntament.example', proof.nonce)),
    ).toBeGreaterThanOrEqual(10)
    expect(verifyProof(secret, proof, 'anna@ajuntament.example', 10)).toBe(true)
    expect(verifyProof(secret, proof, 'pere@ajuntament.example', 10)).toBe(false)
    expect(
      verifyProof('another-secret-0123456789abcdef', proof, 'anna@ajuntament.example', 10),
    ).toBe(false)
    // Harder than this challenge: refused.
    expect(verifyProof(secret, proof, 'anna@ajuntament.example', 12)).toBe(false)
    // Old: refused.
    const old = issueChallenge(secret, 4, Date.now() - 3 * 60 * 60 * 1000)
    expect(verifyProof(secret, await solveChallenge(old, 'a@b.example'), 'a@b.example', 4)).toBe(
      false,
    )
    // Garbage never throws.
    for (const junk of [
      null,
      'x',
      { challenge: 1 },
      { challenge: 'v1.a.b.c.d', nonce: '1' },
      { challenge: challenge, nonce: '-1' },
    ]) {
      expect(verifyProof(secret, junk, 'a@b.example', 10)).toBe(false)
    }
  })
})
