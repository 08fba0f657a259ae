import { describe, expect, it } from 'vitest'

import {
  addressedTo,
  addressesIn,
  anonymisedTitle,
  ERASED_NAME,
  ERASED_TEXT,
  erasedEmail,
  erasedText,
  isErasedEmail,
  mentionsPerson,
  personMatchers,
  quotedTextMatcher,
  retentionExpired,
  scrubDeep,
  scrubText,
  wasEverPaired,
} from '../../src/rules/personal-data'
import { MESSAGES } from '../../src/site/i18n'

const marks = {
  names: ['Pau Mentorat'],
  emails: ['pau@vilafranca.example'],
  phones: ['+34 611 22 33 44'],
}
const matchers = personMatchers(marks)

describe('erasing a person from texts', () => {
  it('replaces the name in any case and spacing, the email and the phone however it is written', () => {
    expect(
      scrubText(
        'Hola PAU  MENTORAT, us escric a Pau@Vilafranca.example o al 611 223 344 (o +34-611.22.33.44).',
        matchers,
      ),
    ).toBe(
      `Hola ${ERASED_NAME}, us escric a [correu esborrat] o al [telèfon esborrat] (o [telèfon esborrat]).`,
    )
  })

  it('leaves other people and other numbers alone', () => {
    const text = 'Laia Mentora, 600000001, pau.altre@olot.example, Pau Vila'
    expect(scrubText(text, matchers)).toBe(text)
  })

  it('goes through rich text and job inputs', () => {
    const body = {
      root: {
        children: [
          {
            type: 'paragraph',
            children: [{ type: 'text', text: 'Amb en Pau Mentorat', format: 0 }],
          },
        ],
      },
    }
    expect(scrubDeep(body, matchers)).toEqual({
      root: {
        children: [
          {
            type: 'paragraph',
            children: [{ type: 'text', text: `Amb en ${ERASED_NAME}`, format: 0 }],
          },
        ],
      },
    })
    expect(mentionsPerson(body, marks)).toBe(true)
    expect(mentionsPerson(scrubDeep(body, matchers), marks)).toBe(false)
  })

  it('marks an erased text only where there was one, and gives each record an address that receives nothing', () => {
    expect(erasedText('Necessitem un pla')).toMatch(/esborrat/)
    expect(erasedText('')).toBe('')
    expect(erasedText(null)).toBeNull()
    expect(erasedEmail('candidates', 7)).toBe('candidates-7@esborrada.invalid')
    expect(isErasedEmail('Candidates-7@ESBORRADA.invalid')).toBe(true)
    expect(isErasedEmail('pau@vilafranca.example')).toBe(false)
  })
})

describe('retention', () => {
  it('ends the given number of months after the applications closed', () => {
    const closed = '2024-09-30T22:00:00.000Z'
    expect(retentionExpired(closed, 24, new Date('2026-09-30T21:59:59.000Z'))).toBe(false)
    expect(retentionExpired(closed, 24, new Date('2026-09-30T22:00:00.000Z'))).toBe(true)
  })

  it('counts as paired only an accompaniment that was accepted at some point', () => {
    expect(wasEverPaired({ status: 'proposed' })).toBe(false)
    expect(wasEverPaired({ status: 'declined', answeredAt: '2025-10-01' })).toBe(false)
    expect(wasEverPaired({ status: 'cancelled' })).toBe(false)
    expect(wasEverPaired({ status: 'cancelled', answeredAt: '2025-10-01' })).toBe(true)
    for (const status of ['accepted', 'active', 'completed'])
      expect(wasEverPaired({ status })).toBe(true)
  })

  it('the application form says the same period and what erasure means, in each language', () => {
    expect(MESSAGES.ca.privacyText(18).join(' ')).toMatch(/18 mesos després del tancament/)
    expect(MESSAGES.ca.privacyText(18).join(' ')).toMatch(/el compte s'elimina/)
    expect(MESSAGES.es.privacyText(18).join(' ')).toMatch(/18 meses después del cierre/)
    expect(MESSAGES.en.privacyText(18).join(' ')).toMatch(/18 months after the call closes/)
  })
})

describe('whole addresses and names, quoted texts, titles (issue 18)', () => {
  it('reads every address of a recipient list, in lower case, and matches whole ones only', () => {
    expect(addressesIn('Anna <ANNA@vic.cat>, b@y.example; "C" <c@z.example>.')).toEqual([
      'anna@vic.cat',
      'b@y.example',
      'c@z.example',
    ])
    expect(addressesIn(['x@y.example', { address: 'Z@Y.example' }])).toEqual([
      'x@y.example',
      'z@y.example',
    ])
    expect(addressedTo('marianna@vic.cat', ['anna@vic.cat'])).toBe(false)
    expect(addressedTo('anna@vic.cat.example', ['anna@vic.cat'])).toBe(false)
    expect(addressedTo('Anna <Anna@Vic.cat>, x@y.example', ['anna@vic.cat'])).toBe(true)
  })

  it('scrubs a whole address or name, never a piece of someone else’s', () => {
    const anna = personMatchers({ names: ['Anna Puig'], emails: ['anna@vic.cat'], phones: [] })
    expect(
      scrubText('marianna@vic.cat i anna@vic.cat. Anna@Vic.cat, Marianna Puig, Anna Puig.', anna),
    ).toBe(
      `marianna@vic.cat i [correu esborrat]. [correu esborrat], Marianna Puig, ${ERASED_NAME}.`,
    )
  })

  it('finds a quoted text whatever its line breaks and spaces; short texts are left alone', () => {
    const quoted = quotedTextMatcher(['Sóc en Pau i necessito\n un pla', 'curt', null])!
    expect(
      'En paraules seves: «Sóc en Pau i necessito un pla»'.replace(
        quoted.pattern,
        quoted.replacement,
      ),
    ).toBe(`En paraules seves: «${ERASED_TEXT}»`)
    expect(quotedTextMatcher(['curt', ''])).toBeUndefined()
  })

  it('puts the erased name on the erased person’s side of a pairing title, whatever name it was written with', () => {
    expect(anonymisedTitle('Laia Antiga → Pau Mentorat', 'mentor', matchers)).toBe(
      `${ERASED_NAME} → ${ERASED_NAME}`,
    )
    expect(
      anonymisedTitle(
        'Laia Mentora → Nom Antic',
        'mentee',
        personMatchers({ names: [], emails: [], phones: [] }),
      ),
    ).toBe(`Laia Mentora → ${ERASED_NAME}`)
  })
})
