import { describe, expect, it } from 'vitest'

import { DEFAULT_TOPICS, parseMentoriaOptions } from '../../src/lib/options'
import { currentEditionYear } from '../../seed/index'

describe('plugin options', () => {
  it('has documented defaults: 12 topics, two in-person meetings, one year', () => {
    const options = parseMentoriaOptions()
    expect(options.topics).toEqual(DEFAULT_TOPICS)
    expect(options.topics).toHaveLength(12)
    expect(options.requiredMeetings).toBe(2)
    expect(options.countingModalities).toEqual(['in_person'])
    expect(options.maxDurationMonths).toBe(12)
  })

  it('refuses unknown options, bad modalities and repeated topics with a message naming the option', () => {
    expect(() => parseMentoriaOptions({ requiredMeetings: -1 } as never)).toThrow(
      /requiredMeetings/,
    )
    expect(() => parseMentoriaOptions({ countingModalities: ['carrier_pigeon'] } as never)).toThrow(
      /countingModalities/,
    )
    expect(() =>
      parseMentoriaOptions({
        topics: [
          { value: 'a', label: 'A' },
          { value: 'a', label: 'B' },
        ],
      }),
    ).toThrow(/l'àmbit «a» està repetit/)
    expect(() => parseMentoriaOptions({ colour: 'red' } as never)).toThrow(/mentoriaPlugin/)
  })
})

describe('the current edition', () => {
  it('starts in September', () => {
    expect(currentEditionYear(new Date('2026-11-28T10:00:00Z'))).toBe(2026)
    expect(currentEditionYear(new Date('2026-09-01T10:00:00Z'))).toBe(2026)
    expect(currentEditionYear(new Date('2027-03-15T10:00:00Z'))).toBe(2026)
  })
})
