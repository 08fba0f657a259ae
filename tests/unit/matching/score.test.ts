import { describe, expect, it } from 'vitest'
import { haversineKm } from '../../../src/matching/geo'
import {
  defaultMatchingWeights,
  resolveMatchingOptions,
  topicPriorityWeight,
} from '../../../src/matching/options'
import { buildScoreMatrix, pairDetails, preparePeople } from '../../../src/matching/prepare'
import { scorePair } from '../../../src/matching/engine'
import type { MatchingCandidate, MatchingMentor } from '../../../src/matching/types'

const BARCELONA = { lat: 41.3874, lon: 2.1686 }
const GIRONA = { lat: 41.9794, lon: 2.8214 }

function candidate(overrides: Partial<MatchingCandidate> = {}): MatchingCandidate {
  return {
    id: 1,
    municipalityId: 'girona',
    coordinates: GIRONA,
    topics: ['contractació pública responsable', 'finances ètiques', 'habitatge cooperatiu'],
    languages: ['ca'],
    ...overrides,
  }
}

function mentor(overrides: Partial<MatchingMentor> = {}): MatchingMentor {
  return {
    id: 'm1',
    municipalityId: 'barcelona',
    coordinates: BARCELONA,
    topics: ['finances ètiques', 'contractació pública responsable'],
    capacity: 1,
    available: true,
    languages: ['ca', 'es'],
    ...overrides,
  }
}

describe('defaults', () => {
  it('weighs a perfect pair at 100 points, needs first', () => {
    expect(defaultMatchingWeights).toEqual({ topics: 60, distance: 30, language: 10 })
  })

  it('harmonic priority weights are 1/(i+1); linear ones (n−i)/n', () => {
    expect([0, 1, 2].map((i) => topicPriorityWeight(i, 3, 'harmonic'))).toEqual([1, 1 / 2, 1 / 3])
    expect([0, 1, 2].map((i) => topicPriorityWeight(i, 3, 'linear'))).toEqual([1, 2 / 3, 1 / 3])
  })

  it('rejects weights and distances that make no sense', () => {
    expect(() => resolveMatchingOptions({ weights: { topics: -1 } })).toThrow(RangeError)
    expect(() => resolveMatchingOptions({ maxDistanceKm: Number.NaN })).toThrow(RangeError)
    expect(() => resolveMatchingOptions({ distanceScaleKm: 0 })).toThrow(RangeError)
    expect(() => resolveMatchingOptions({ weights: { topics: 3e6 } })).toThrow(RangeError)
  })
})

describe('scorePair: topics', () => {
  const noDistance = { coordinates: null }

  it('weighs earlier needs more (harmonic by default)', () => {
    const c = candidate({ ...noDistance, languages: [] })
    const first = scorePair(
      c,
      mentor({ ...noDistance, topics: ['contractació pública responsable'] }),
    )
    const second = scorePair(c, mentor({ ...noDistance, topics: ['finances ètiques'] }))
    const third = scorePair(c, mentor({ ...noDistance, topics: ['habitatge cooperatiu'] }))
    // weights 1, 1/2, 1/3 normalised by 11/6
    expect(first.score.topics).toBeCloseTo((60 * 6) / 11, 3)
    expect(second.score.topics).toBeCloseTo((60 * 3) / 11, 3)
    expect(third.score.topics).toBeCloseTo((60 * 2) / 11, 3)
    expect(first.score.topics).toBeGreaterThan(second.score.topics)
    expect(second.score.topics).toBeGreaterThan(third.score.topics)
  })

  it('gives the full topic weight when every need is covered', () => {
    const c = candidate({ ...noDistance })
    const all = scorePair(c, mentor({ ...noDistance, topics: [...c.topics] }))
    expect(all.score.topics).toBe(60)
    expect(all.matchedTopics).toEqual([...c.topics])
  })

  it('supports a linear decay', () => {
    const c = candidate({ ...noDistance })
    const r = scorePair(
      c,
      mentor({ ...noDistance, topics: ['contractació pública responsable'] }),
      {
        topicDecay: 'linear',
      },
    )
    // weights 1, 2/3, 1/3 → the first is half of the total
    expect(r.score.topics).toBe(30)
  })

  it('matches topics regardless of case and spaces, keeping the candidate spelling and order', () => {
    const r = scorePair(
      candidate(),
      mentor({ topics: ['  FINANCES ètiques ', 'Contractació pública responsable'] }),
    )
    expect(r.matchedTopics).toEqual(['contractació pública responsable', 'finances ètiques'])
  })

  it('forbids a pair with no shared need unless told otherwise', () => {
    const m = mentor({ topics: ['energia comunitària'] })
    const strict = scorePair(candidate(), m)
    expect(strict.allowed).toBe(false)
    expect(strict.forbiddenReason).toBe('no_shared_topic')
    expect(strict.explanation).toMatch(/^No es pot proposar/)
    const loose = scorePair(candidate(), m, { requireSharedTopic: false })
    expect(loose.allowed).toBe(true)
    expect(loose.score.topics).toBe(0)
    expect(loose.explanation).toMatch(/^No comparteixen cap àmbit; /)
  })

  it('lets a candidate with no stated needs be paired on distance and language', () => {
    const r = scorePair(candidate({ topics: [] }), mentor())
    expect(r.allowed).toBe(true)
    expect(r.score.topics).toBe(0)
  })

  it('uses topicLabel for the explanation', () => {
    const r = scorePair(candidate({ coordinates: null }), mentor({ coordinates: null }), {
      topicLabel: (t) => t.toUpperCase(),
    })
    expect(r.matchedTopics).toEqual(['CONTRACTACIÓ PÚBLICA RESPONSABLE', 'FINANCES ÈTIQUES'])
  })
})

describe('scorePair: distance', () => {
  it('scores nearer councils higher, linearly up to distanceScaleKm', () => {
    const r = scorePair(candidate(), mentor())
    const km = haversineKm(GIRONA, BARCELONA)
    expect(r.distanceKm).toBeCloseTo(km, 1)
    expect(r.score.distance).toBeCloseTo(30 * (1 - km / 200), 3)
    const near = scorePair(
      candidate(),
      mentor({ coordinates: { lat: 41.98, lon: 2.7 }, municipalityId: 'salt' }),
    )
    expect(near.score.distance).toBeGreaterThan(r.score.distance)
    const sameSpot = scorePair(
      candidate(),
      mentor({ coordinates: GIRONA, municipalityId: 'other' }),
    )
    expect(sameSpot.score.distance).toBe(30)
  })

  it('makes pairs beyond the maximum distance impossible (global or personal limit)', () => {
    expect(scorePair(candidate(), mentor(), { maxDistanceKm: 50 }).forbiddenReason).toBe('too_far')
    expect(scorePair(candidate(), mentor(), { maxDistanceKm: 100 }).allowed).toBe(true)
    expect(
      scorePair(candidate({ constraints: { maxDistanceKm: 60 } }), mentor(), {
        maxDistanceKm: null,
      }).forbiddenReason,
    ).toBe('too_far')
    expect(
      scorePair(candidate(), mentor({ constraints: { maxDistanceKm: 60 } })).forbiddenReason,
    ).toBe('too_far')
    expect(scorePair(candidate(), mentor(), { maxDistanceKm: null }).allowed).toBe(true)
  })

  it('treats missing coordinates as unknown distance: no points, not forbidden', () => {
    const r = scorePair(candidate({ coordinates: null }), mentor(), { maxDistanceKm: 10 })
    expect(r.allowed).toBe(true)
    expect(r.distanceKm).toBeNull()
    expect(r.score.distance).toBe(0)
    expect(r.explanation).toContain('no es coneix la distància entre els ajuntaments')
  })

  it('gives nothing for distances past distanceScaleKm', () => {
    const r = scorePair(candidate(), mentor(), { maxDistanceKm: null, distanceScaleKm: 50 })
    expect(r.score.distance).toBe(0)
  })
})

describe('scorePair: language and rules', () => {
  it('gives the language bonus for a shared language, codes and names alike', () => {
    const r = scorePair(candidate({ languages: ['català'] }), mentor({ languages: ['CA'] }))
    expect(r.score.language).toBe(10)
    expect(r.sharedLanguages).toEqual(['català'])
    const none = scorePair(candidate({ languages: ['en'] }), mentor({ languages: ['ca'] }))
    expect(none.score.language).toBe(0)
    expect(none.explanation).toContain('no consta cap llengua en comú')
  })

  it('never pairs people of the same council (R5), whatever the id type', () => {
    const r = scorePair(candidate({ municipalityId: 7 }), mentor({ municipalityId: '7' }))
    expect(r.allowed).toBe(false)
    expect(r.forbiddenReason).toBe('same_municipality')
  })

  it('never proposes an unavailable mentor or one with no capacity (R4)', () => {
    expect(scorePair(candidate(), mentor({ available: false })).forbiddenReason).toBe(
      'mentor_unavailable',
    )
    expect(scorePair(candidate(), mentor({ capacity: 0 })).forbiddenReason).toBe(
      'mentor_at_capacity',
    )
  })

  it('explains a pair in one Catalan sentence', () => {
    const r = scorePair(candidate(), mentor())
    expect(r.explanation).toBe(
      'Coincideixen en 2 àmbits (contractació pública responsable, finances ètiques); els ajuntaments són a 85 km; parlen català.',
    )
    const one = scorePair(
      candidate(),
      mentor({ topics: ['finances ètiques'], languages: ['ca', 'es'] }),
      {},
    )
    expect(one.explanation).toMatch(/^Coincideixen en 1 àmbit \(finances ètiques\); /)
    const two = scorePair(candidate({ languages: ['es', 'ca'] }), mentor())
    expect(two.explanation).toMatch(/parlen castellà i català\.$/)
  })

  it('splits the score into parts that add up to the total', () => {
    const r = scorePair(candidate(), mentor(), {
      weights: { topics: 7, distance: 2.5, language: 0.5 },
    })
    expect(r.score.total).toBeCloseTo(r.score.topics + r.score.distance + r.score.language, 9)
    expect(r.scoreUnits).toBe(Math.round(r.score.total * 1000))
    expect(r.score.language).toBe(0.5)
  })
})

describe('score matrix', () => {
  it('computes exactly the units pairDetails reports, pair by pair', () => {
    const topics = ['a', 'b', 'c', 'd', 'e']
    let seed = 12345
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const pick = (n: number): string[] => topics.filter(() => rnd() < n)
    const place = (): { lat: number; lon: number } | null =>
      rnd() < 0.15 ? null : { lat: 40.6 + rnd() * 2, lon: 0.3 + rnd() * 3 }
    const candidates: MatchingCandidate[] = Array.from({ length: 40 }, (_, i) => ({
      id: i,
      municipalityId: Math.floor(rnd() * 10),
      coordinates: place(),
      topics: pick(0.4),
      languages: pick(0.3).map((t) => (t === 'a' ? 'ca' : t === 'b' ? 'es' : 'en')),
      constraints: rnd() < 0.2 ? { maxDistanceKm: 80 } : null,
    }))
    const mentors: MatchingMentor[] = Array.from({ length: 25 }, (_, j) => ({
      id: `m${j}`,
      municipalityId: Math.floor(rnd() * 10),
      coordinates: place(),
      topics: pick(0.5),
      capacity: 1,
      available: true,
      languages: rnd() < 0.5 ? ['ca'] : ['es', 'en'],
    }))
    const opts = resolveMatchingOptions({ maxDistanceKm: 150 })
    const p = preparePeople(candidates, mentors, opts)
    const rows = Int32Array.from(candidates.keys())
    const cols = Int32Array.from(mentors.keys())
    const matrix = buildScoreMatrix(p, rows, cols)
    let allowed = 0
    for (let i = 0; i < candidates.length; i++) {
      for (let j = 0; j < mentors.length; j++) {
        const d = pairDetails(p, i, j)
        const expected = d.status === 0 ? d.topicUnits + d.distanceUnits + d.languageUnits : -1
        expect(matrix[i * mentors.length + j]).toBe(expected)
        const single = scorePair(candidates[i], mentors[j], { maxDistanceKm: 150 })
        expect(single.allowed).toBe(expected >= 0)
        if (expected >= 0) {
          allowed++
          expect(single.scoreUnits).toBe(expected)
        }
      }
    }
    expect(allowed).toBeGreaterThan(50)
  })
})
