import { describe, expect, it } from 'vitest'

import {
  currentEdition,
  editionPhase,
  isUpcoming,
  NO_PAIRINGS,
  phaseNeedsPairings,
} from '../../src/rules/phases'
import { adminListUrl, daysSince, summaryFilters, whereQuery } from '../../src/rules/summary'

const edition = {
  applicationsOpenAt: '2026-09-01T07:00:00Z',
  applicationsCloseAt: '2026-09-30T21:59:00Z',
  matchingBy: '2026-10-31T12:00:00Z',
  startBy: '2026-11-30T12:00:00Z',
}
const at = (iso: string) => new Date(iso)
const facts = (over: Partial<typeof NO_PAIRINGS>) => ({ ...NO_PAIRINGS, ...over })

describe('the phase of an edition (DOMAIN.md, seed §4)', () => {
  it('follows the calendar: applications in September, matching in October, the start in November', () => {
    expect(editionPhase(edition, NO_PAIRINGS, at('2026-08-20T10:00:00Z'))).toBe('applications')
    expect(isUpcoming(edition, at('2026-08-20T10:00:00Z'))).toBe(true)
    expect(editionPhase(edition, NO_PAIRINGS, at('2026-09-15T10:00:00Z'))).toBe('applications')
    expect(isUpcoming(edition, at('2026-09-15T10:00:00Z'))).toBe(false)
    expect(editionPhase(edition, facts({ accepted: 3 }), at('2026-10-10T10:00:00Z'))).toBe(
      'matching',
    )
    // The last day of matching is still matching, whatever the time of day.
    expect(editionPhase(edition, NO_PAIRINGS, at('2026-10-31T22:30:00Z'))).toBe('matching')
    expect(editionPhase(edition, facts({ active: 2 }), at('2026-11-10T10:00:00Z'))).toBe('start')
  })

  it('after the start, follows the pairings: accompaniment, closing while a fitxa is owed, then closed', () => {
    const winter = at('2027-02-01T10:00:00Z')
    expect(editionPhase(edition, facts({ active: 1, completed: 4, fitxaPending: 4 }), winter)).toBe(
      'accompaniment',
    )
    expect(editionPhase(edition, facts({ completed: 4, fitxaPending: 1 }), winter)).toBe('closing')
    expect(editionPhase(edition, facts({ completed: 4 }), winter)).toBe('closed')
    // Accepted pairings that never started keep the edition in its start.
    expect(editionPhase(edition, facts({ accepted: 1, completed: 2 }), winter)).toBe('start')
    expect(editionPhase(edition, NO_PAIRINGS, winter)).toBe('closed')
  })

  it('without a matching deadline, matching lasts until a mentor accepts', () => {
    const noDeadline = {
      applicationsOpenAt: edition.applicationsOpenAt,
      applicationsCloseAt: edition.applicationsCloseAt,
    }
    expect(editionPhase(noDeadline, facts({ proposed: 5 }), at('2026-10-20T10:00:00Z'))).toBe(
      'matching',
    )
    expect(
      editionPhase(noDeadline, facts({ proposed: 4, accepted: 1 }), at('2026-10-20T10:00:00Z')),
    ).toBe('start')
    expect(editionPhase(noDeadline, facts({ active: 1 }), at('2026-12-20T10:00:00Z'))).toBe(
      'accompaniment',
    )
  })

  it('asks for the pairings only when the dates do not decide', () => {
    expect(phaseNeedsPairings(edition, at('2026-09-15T10:00:00Z'))).toBe(false)
    expect(phaseNeedsPairings(edition, at('2026-10-15T10:00:00Z'))).toBe(false)
    expect(phaseNeedsPairings(edition, at('2026-11-15T10:00:00Z'))).toBe(false)
    expect(phaseNeedsPairings(edition, at('2026-12-15T10:00:00Z'))).toBe(true)
    // Whenever the answer needs no pairings, it is the same as with any pairings.
    for (const day of ['2026-08-01', '2026-09-15', '2026-10-15', '2026-11-15']) {
      const now = at(`${day}T10:00:00Z`)
      expect(editionPhase(edition, facts({ active: 3, completed: 1, fitxaPending: 1 }), now)).toBe(
        editionPhase(edition, NO_PAIRINGS, now),
      )
    }
  })

  it('the current edition is the latest whose applications opened', () => {
    const editions = [2025, 2026, 2027].map((year) => ({
      year,
      applicationsOpenAt: `${year}-09-01T07:00:00Z`,
    }))
    expect(currentEdition(editions, at('2026-12-01T10:00:00Z'))?.year).toBe(2026)
    expect(currentEdition(editions, at('2025-01-01T10:00:00Z'))?.year).toBe(2025)
  })
})

describe('dashboard figures (pure parts)', () => {
  const now = at('2027-02-01T10:00:00Z')

  it('counts whole days of waiting', () => {
    expect(daysSince('2027-01-29T12:00:00Z', now)).toBe(2)
    expect(daysSince(undefined, now)).toBeNull()
  })

  it('compares end dates by calendar day: due today is ending soon, not overdue', () => {
    const filters = summaryFilters(7, now)
    expect(filters.overdue.and).toContainEqual({
      endDate: { less_than: '2027-02-01T00:00:00.000Z' },
    })
    expect(filters.endingSoon.and).toContainEqual({
      endDate: { greater_than_equal: '2027-02-01T00:00:00.000Z' },
    })
    expect(filters.endingSoon.and).toContainEqual({
      endDate: { less_than: '2027-03-04T00:00:00.000Z' },
    })
  })

  it('links to the admin list with the filter as the list reads it', () => {
    expect(whereQuery({ and: [{ edition: { equals: 3 } }, { status: { in: ['a', 'b'] } }] })).toBe(
      'where[and][0][edition][equals]=3&where[and][1][status][in][0]=a&where[and][1][status][in][1]=b',
    )
    expect(adminListUrl('incidents', { 'pairing.edition': { equals: 2 } })).toBe(
      '/admin/collections/incidents?where[pairing.edition][equals]=2',
    )
  })
})
