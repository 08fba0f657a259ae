import { describe, expect, it } from 'vitest'
import { matchEdition, MatchingInputError } from '../../../src/matching/engine'
import type {
  MatchingCandidate,
  MatchingInput,
  MatchingMentor,
  MatchResult,
} from '../../../src/matching/types'

// Real council coordinates, so distances read naturally in the sentences.
const PLACES = {
  barcelona: { lat: 41.3874, lon: 2.1686 },
  girona: { lat: 41.9794, lon: 2.8214 },
  lleida: { lat: 41.6176, lon: 0.62 },
  tarragona: { lat: 41.1189, lon: 1.2445 },
  vic: { lat: 41.9301, lon: 2.2549 },
  tortosa: { lat: 40.8125, lon: 0.5216 },
  figueres: { lat: 42.2664, lon: 2.9616 },
} as const
type Place = keyof typeof PLACES

function cand(
  id: string | number,
  place: Place,
  topics: string[],
  extra: Partial<MatchingCandidate> = {},
): MatchingCandidate {
  return {
    id,
    municipalityId: place,
    coordinates: PLACES[place],
    topics,
    languages: ['ca'],
    ...extra,
  }
}

function ment(
  id: string | number,
  place: Place,
  topics: string[],
  capacity = 1,
  extra: Partial<MatchingMentor> = {},
): MatchingMentor {
  return {
    id,
    municipalityId: place,
    coordinates: PLACES[place],
    topics,
    capacity,
    available: true,
    languages: ['ca'],
    ...extra,
  }
}

const pairsOf = (r: MatchResult): string[] =>
  r.proposals.map((p) => `${p.candidateId}→${p.mentorId}`)

describe('matchEdition: optimal assignment', () => {
  it('matches as many candidates as possible before maximising score (not greedy)', () => {
    // Greedy would give c1 its best mentor (m1) and leave c2 with nobody.
    const input: MatchingInput = {
      candidates: [
        cand('c1', 'girona', ['finances ètiques', 'habitatge cooperatiu']),
        cand('c2', 'lleida', ['finances ètiques']),
      ],
      mentors: [
        ment('m1', 'figueres', ['finances ètiques', 'habitatge cooperatiu']),
        ment('m2', 'tortosa', ['habitatge cooperatiu']),
      ],
    }
    const r = matchEdition(input, { maxDistanceKm: null })
    expect(pairsOf(r)).toEqual(['c1→m2', 'c2→m1'])
    expect(r.unmatched).toEqual([])
    expect(r.stats.matched).toBe(2)
  })

  it('among assignments of equal size picks the best total score', () => {
    const input: MatchingInput = {
      candidates: [
        cand('a', 'girona', ['energia comunitària']),
        cand('b', 'tarragona', ['energia comunitària']),
      ],
      mentors: [
        ment('near-girona', 'figueres', ['energia comunitària']),
        ment('near-tarragona', 'barcelona', ['energia comunitària']),
      ],
    }
    const r = matchEdition(input)
    expect(pairsOf(r)).toEqual(['a→near-girona', 'b→near-tarragona'])
    expect(r.totalScore).toBeCloseTo(
      r.proposals.reduce((s, p) => s + p.score.total, 0),
      6,
    )
  })

  it('respects capacity and the load already used in the edition (R4)', () => {
    const input: MatchingInput = {
      candidates: ['x', 'y', 'z'].map((id) => cand(id, 'girona', ['finances ètiques'])),
      mentors: [ment('m', 'barcelona', ['finances ètiques'], 3)],
      existingLoad: [{ mentorId: 'm', count: 2 }],
    }
    const r = matchEdition(input)
    expect(r.proposals).toHaveLength(1)
    expect(r.mentors).toEqual([
      { mentorId: 'm', capacity: 3, existingLoad: 2, proposed: 1, remaining: 0 },
    ])
    expect(r.unmatched.map((u) => u.reason)).toEqual(['places_taken', 'places_taken'])
  })

  it('gives every proposal its score parts, topics, distance and a Catalan sentence', () => {
    const r = matchEdition({
      candidates: [cand(1, 'girona', ['contractació pública responsable', 'finances ètiques'])],
      mentors: [ment(9, 'barcelona', ['finances ètiques', 'contractació pública responsable'])],
    })
    const [p] = r.proposals
    expect(p.matchedTopics).toEqual(['contractació pública responsable', 'finances ètiques'])
    expect(p.distanceKm).toBeCloseTo(85.3, 1)
    expect(p.score.topics).toBe(60)
    expect(p.score.language).toBe(10)
    expect(p.score.total).toBeCloseTo(p.score.topics + p.score.distance + p.score.language, 9)
    expect(p.explanation).toBe(
      'Coincideixen en 2 àmbits (contractació pública responsable, finances ètiques); els ajuntaments són a 85 km; parlen català.',
    )
    expect(p.locked).toBe(false)
  })

  it('handles an empty edition', () => {
    const r = matchEdition({ candidates: [], mentors: [] })
    expect(r.proposals).toEqual([])
    expect(r.unmatched).toEqual([])
    expect(r.stats.matched).toBe(0)
  })
})

describe('matchEdition: secretariat decisions', () => {
  const base: MatchingInput = {
    candidates: [
      cand('c1', 'girona', ['finances ètiques']),
      cand('c2', 'lleida', ['finances ètiques']),
    ],
    mentors: [
      ment('m1', 'figueres', ['finances ètiques']),
      ment('m2', 'tarragona', ['finances ètiques']),
    ],
  }

  it('keeps locked pairs even when the optimiser would choose otherwise', () => {
    const free = matchEdition(base, { maxDistanceKm: null })
    expect(pairsOf(free)).toEqual(['c1→m1', 'c2→m2'])
    const r = matchEdition(
      { ...base, locked: [{ candidateId: 'c1', mentorId: 'm2' }] },
      { maxDistanceKm: null },
    )
    expect(pairsOf(r)).toEqual(['c1→m2', 'c2→m1'])
    expect(r.proposals[0].locked).toBe(true)
    expect(r.proposals[0].explanation).toMatch(
      /^Parella fixada per la secretaria tècnica: coincideixen en 1 àmbit/,
    )
    expect(r.proposals[1].locked).toBe(false)
  })

  it('keeps a locked pair beyond the distance limit or without a shared need', () => {
    const r = matchEdition(
      {
        candidates: [cand('c', 'figueres', ['habitatge cooperatiu'])],
        mentors: [ment('m', 'tortosa', ['finances ètiques'])],
        locked: [{ candidateId: 'c', mentorId: 'm' }],
      },
      { maxDistanceKm: 100 },
    )
    expect(pairsOf(r)).toEqual(['c→m'])
    expect(r.rejectedLocks).toEqual([])
  })

  it('refuses locks that break R4/R5 or a refusal, and says why', () => {
    const r = matchEdition({
      candidates: [
        cand('same', 'girona', ['finances ètiques']),
        cand('dec', 'lleida', ['finances ètiques']),
        cand('full', 'vic', ['finances ètiques']),
        cand('twice', 'tortosa', ['finances ètiques']),
      ],
      mentors: [
        ment('g', 'girona', ['finances ètiques'], 2),
        ment('off', 'barcelona', ['finances ètiques'], 1, { available: false }),
        ment('busy', 'tarragona', ['finances ètiques'], 1),
        ment('h', 'figueres', ['finances ètiques'], 1),
      ],
      existingLoad: [{ mentorId: 'busy', count: 1 }],
      declined: [{ candidateId: 'dec', mentorId: 'g' }],
      locked: [
        { candidateId: 'same', mentorId: 'g' },
        { candidateId: 'dec', mentorId: 'g' },
        { candidateId: 'full', mentorId: 'busy' },
        { candidateId: 'full', mentorId: 'off' },
        { candidateId: 'twice', mentorId: 'g' },
        { candidateId: 'twice', mentorId: 'busy' },
        { candidateId: 'twice', mentorId: 'h' },
        { candidateId: 'ghost', mentorId: 'g' },
        { candidateId: 'same', mentorId: 'ghost' },
      ],
    })
    const reasons = Object.fromEntries(
      r.rejectedLocks.map((l) => [`${l.candidateId}→${l.mentorId}`, l.reason]),
    )
    expect(reasons).toEqual({
      'same→g': 'same_municipality',
      'dec→g': 'declined',
      'full→busy': 'mentor_at_capacity',
      'full→off': 'mentor_unavailable',
      'twice→busy': 'mentor_at_capacity',
      'twice→h': 'duplicate_candidate',
      'ghost→g': 'unknown_candidate',
      'same→ghost': 'unknown_mentor',
    })
    for (const l of r.rejectedLocks)
      expect(l.explanation).toMatch(/^No s'ha mantingut la parella fixada: .+\.$/)
    expect(r.proposals.find((p) => p.candidateId === 'twice')).toMatchObject({
      mentorId: 'g',
      locked: true,
    })
  })

  it('never proposes a declined pair again, even when it is the only option', () => {
    const r = matchEdition({
      candidates: [cand('c', 'girona', ['finances ètiques'])],
      mentors: [ment('m', 'barcelona', ['finances ètiques'])],
      declined: [{ candidateId: 'c', mentorId: 'm' }],
    })
    expect(r.proposals).toEqual([])
    expect(r.unmatched[0].reason).toBe('declined_or_excluded')
  })

  it('never proposes an excluded pair and routes around it', () => {
    const r = matchEdition(
      { ...base, excluded: [{ candidateId: 'c1', mentorId: 'm1' }] },
      { maxDistanceKm: null },
    )
    expect(pairsOf(r)).toEqual(['c1→m2', 'c2→m1'])
  })
})

describe('matchEdition: unmatched candidates', () => {
  const reasonOf = (
    input: MatchingInput,
    options = {},
  ): { reason: string; explanation: string } => {
    const r = matchEdition(input, options)
    expect(r.unmatched).toHaveLength(1)
    return r.unmatched[0]
  }

  it('no available mentor', () => {
    const u = reasonOf({
      candidates: [cand('c', 'girona', ['finances ètiques'])],
      mentors: [ment('m', 'barcelona', ['finances ètiques'], 1, { available: false })],
    })
    expect(u.reason).toBe('no_available_mentor')
    expect(u.explanation).toBe('No hi ha cap persona mentora disponible en aquesta convocatòria.')
  })

  it('no mentor shares any need', () => {
    const u = reasonOf({
      candidates: [
        cand('c', 'girona', ['sobirania alimentària', 'béns comuns i gestió comunitària']),
      ],
      mentors: [ment('m', 'barcelona', ['finances ètiques'])],
    })
    expect(u.reason).toBe('no_shared_topic')
    expect(u.explanation).toBe(
      'Cap persona mentora disponible no cobreix cap de les necessitats sol·licitades (sobirania alimentària, béns comuns i gestió comunitària).',
    )
  })

  it('only mentors of their own council', () => {
    const u = reasonOf({
      candidates: [cand('c', 'girona', ['finances ètiques'])],
      mentors: [
        ment('m', 'girona', ['finances ètiques']),
        ment('n', 'vic', ['habitatge cooperatiu']),
      ],
    })
    expect(u.reason).toBe('only_own_council')
    expect(u.explanation).toMatch(/mateix ens/)
  })

  it('too far', () => {
    const u = reasonOf(
      {
        candidates: [cand('c', 'figueres', ['finances ètiques'])],
        mentors: [ment('m', 'tortosa', ['finances ètiques'])],
      },
      { maxDistanceKm: 150 },
    )
    expect(u.reason).toBe('too_far')
    expect(u.explanation).toMatch(
      /^Totes les persones mentores compatibles són massa lluny: la més propera és a \d+ km i el màxim és de 150 km\.$/,
    )
  })

  it('all compatible mentors already at capacity', () => {
    const u = reasonOf({
      candidates: [cand('c', 'girona', ['finances ètiques'])],
      mentors: [
        ment('m', 'barcelona', ['finances ètiques'], 2),
        ment('z', 'vic', ['finances ètiques'], 0),
      ],
      existingLoad: [{ mentorId: 'm', count: 2 }],
    })
    expect(u.reason).toBe('mentors_at_capacity')
    expect(u.explanation).toBe(
      'Totes les persones mentores compatibles ja tenen la capacitat plena.',
    )
  })

  it('places taken by other candidates in this run', () => {
    const r = matchEdition({
      candidates: [
        cand('a', 'girona', ['finances ètiques']),
        cand('b', 'lleida', ['finances ètiques']),
      ],
      mentors: [ment('m', 'vic', ['finances ètiques'])],
    })
    expect(pairsOf(r)).toEqual(['a→m'])
    expect(r.unmatched).toEqual([
      {
        candidateId: 'b',
        reason: 'places_taken',
        explanation:
          "La plaça de l'única persona mentora compatible s'ha assignat a una altra sol·licitud, perquè així es formen més parelles o parelles amb més encaix.",
      },
    ])
  })
})

describe('matchEdition: determinism and input', () => {
  const input: MatchingInput = {
    candidates: [
      cand(3, 'girona', ['finances ètiques']),
      cand(1, 'lleida', ['finances ètiques']),
      cand(2, 'vic', ['finances ètiques']),
      cand(10, 'tortosa', ['finances ètiques']),
    ],
    // identical mentors: many optima, the tie must still be broken the same way
    mentors: [
      ment('b', 'barcelona', ['finances ètiques'], 2),
      ment('a', 'barcelona2' as Place, ['finances ètiques'], 1, { coordinates: PLACES.barcelona }),
    ],
  }

  it('gives the same output for the same input, whatever the order', () => {
    const r1 = matchEdition(input)
    expect(matchEdition(input)).toEqual(r1)
    const shuffled: MatchingInput = {
      candidates: [...input.candidates].reverse(),
      mentors: [...input.mentors].reverse(),
    }
    expect(matchEdition(shuffled)).toEqual(r1)
    expect(r1.proposals.map((p) => p.candidateId)).toEqual([1, 2, 3]) // sorted by id, numbers numerically
  })

  it('accepts numeric and string ids and relates "1" to 1', () => {
    const r = matchEdition({
      candidates: [cand(1, 'girona', ['finances ètiques'])],
      mentors: [ment(5, 'barcelona', ['finances ètiques']), ment('x', 'vic', ['finances ètiques'])],
      declined: [{ candidateId: '1', mentorId: 'x' }],
    })
    expect(pairsOf(r)).toEqual(['1→5'])
  })

  it('refuses duplicated ids and impossible capacities', () => {
    expect(() =>
      matchEdition({ candidates: [cand(1, 'girona', []), cand('1', 'vic', [])], mentors: [] }),
    ).toThrow(MatchingInputError)
    try {
      matchEdition({ candidates: [], mentors: [ment('m', 'vic', [], 1.5)] })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(MatchingInputError)
      expect((error as MatchingInputError).code).toBe('invalid_capacity')
    }
    expect(() =>
      matchEdition({
        candidates: [],
        mentors: [ment('m', 'vic', [])],
        existingLoad: [{ mentorId: 'm', count: -1 }],
      }),
    ).toThrow(/càrrega/)
  })
})
