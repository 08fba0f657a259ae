import { describe, expect, it } from 'vitest'

import { formValuesFrom, fromFormEntries, validateApplication } from '../../../src/site/schema'

const context = {
  topics: ['cooperativisme', 'finances-etiques', 'bens-comuns'],
  languages: ['ca', 'es', 'en'],
}

const valid = {
  name: '  Laia   Puig ',
  position: 'Tècnica',
  municipality: 12,
  email: ' Laia@Ajuntament.CAT ',
  topics: ['finances-etiques', 'cooperativisme'],
  needs: 'Un pla.\r\nI una mica més.',
  availability: 'Dimarts',
  languages: ['ca', 'ca', 'es'],
  consents: { dataProcessing: true, commitment: 'on' },
}

describe('the application schema (browser and server)', () => {
  it('cleans a good application: trimmed, email in lower case, order of topics kept', () => {
    const result = validateApplication(valid, context)
    expect(result).toMatchObject({
      ok: true,
      data: {
        name: 'Laia   Puig',
        municipality: '12',
        email: 'laia@ajuntament.cat',
        topics: ['finances-etiques', 'cooperativisme'],
        needs: 'Un pla.\nI una mica més.',
        languages: ['ca', 'es'],
        consents: { dataProcessing: true, commitment: true },
      },
    })
  })

  it('drops line breaks and control characters from one-line fields (no header injection in emails)', () => {
    const result = validateApplication(
      { ...valid, name: 'Laia\r\nBcc: robot@example.com\u0000' },
      context,
    )
    expect(result.ok && result.data.name).toBe('Laia Bcc: robot@example.com')
  })

  it('reads the form as a browser sends it, keeping the order of the priorities', () => {
    const form = new URLSearchParams(
      'name=Laia&topics=&topics=bens-comuns&topics=cooperativisme&languages=ca&consents.dataProcessing=on&__proto__=x',
    )
    const input = fromFormEntries(form)
    expect(input.topics).toEqual(['', 'bens-comuns', 'cooperativisme'])
    expect(input.consents).toEqual({ dataProcessing: 'on' })
    expect(Object.getPrototypeOf(input)).toBeNull()
    expect(formValuesFrom(input)).toMatchObject({
      name: 'Laia',
      topics: ['', 'bens-comuns', 'cooperativisme'],
      dataProcessing: true,
      commitment: false,
    })
  })

  it('speaks the form’s language', () => {
    const result = validateApplication({ ...valid, name: '' }, { ...context, lang: 'en' })
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'name', message: 'Enter your full name.' }],
    })
  })
})
