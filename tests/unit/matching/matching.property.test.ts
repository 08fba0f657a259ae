import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

// Hundreds of brute-force checks per property: generous limits for a busy CI machine.
const SLOW = { timeout: 60_000 }
import { matchEdition, scorePair } from '../../../src/matching/engine'
import { CapacitatedAssignment } from '../../../src/matching/assignment'
import { maximiseMatches } from '../../../src/matching/optimise'
import type {
  Id,
  MatchingCandidate,
  MatchingInput,
  MatchingMentor,
  MatchingOptions,
  MatchResult,
  PairRef,
} from '../../../src/matching/types'

/**
 * Brute force: every way of giving each row one allowed column (or none)
 * within capacities; best (cardinality, score) lexicographically.
 */
function bruteForce(allowed: number[][], capacity: number[]): { matched: number; score: number } {
  let best = { matched: -1, score: -1 }
  const load = capacity.map(() => 0)
  const walk = (r: number, matched: number, score: number): void => {
    if (r === allowed.length) {
      if (matched > best.matched || (matched === best.matched && score > best.score))
        best = { matched, score }
      return
    }
    walk(r + 1, matched, score)
    for (let c = 0; c < capacity.length; c++) {
      const s = allowed[r][c]
      if (s < 0 || load[c] >= capacity[c]) continue
      load[c]++
      walk(r + 1, matched + 1, score + s)
      load[c]--
    }
  }
  walk(0, 0, 0)
  return best
}

/**
 * Textbook min-cost max-flow, independent of the engine: s → rows → columns → t,
 * cost −score on pair edges, successive shortest paths found by Bellman–Ford
 * (negative costs allowed), one unit at a time until no path is left. Each
 * step keeps the flow min-cost for its value, so the end is the maximum
 * cardinality with the maximum score.
 */
function minCostMaxFlow(
  score: Int32Array,
  rows: number,
  cols: number,
  capacity: readonly number[],
): { matched: number; score: number } {
  const n = rows + cols + 2
  const source = rows + cols
  const sink = source + 1
  const to: number[] = []
  const cap: number[] = []
  const cost: number[] = []
  const head: number[][] = Array.from({ length: n }, () => [])
  const addEdge = (u: number, v: number, c: number, w: number): void => {
    head[u].push(to.length)
    to.push(v)
    cap.push(c)
    cost.push(w)
    head[v].push(to.length)
    to.push(u)
    cap.push(0)
    cost.push(-w)
  }
  for (let r = 0; r < rows; r++) addEdge(source, r, 1, 0)
  for (let c = 0; c < cols; c++) addEdge(rows + c, sink, capacity[c], 0)
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++)
      if (score[r * cols + c] >= 0) addEdge(r, rows + c, 1, -score[r * cols + c])
  }
  let matched = 0
  let total = 0
  for (;;) {
    const dist = new Array<number>(n).fill(Number.POSITIVE_INFINITY)
    const via = new Array<number>(n).fill(-1)
    dist[source] = 0
    for (let round = 0; round < n; round++) {
      let changed = false
      for (let u = 0; u < n; u++) {
        if (dist[u] === Number.POSITIVE_INFINITY) continue
        for (const e of head[u]) {
          if (cap[e] > 0 && dist[u] + cost[e] < dist[to[e]]) {
            dist[to[e]] = dist[u] + cost[e]
            via[to[e]] = e
            changed = true
          }
        }
      }
      if (!changed) break
    }
    if (dist[sink] === Number.POSITIVE_INFINITY) return { matched, score: total }
    for (let v = sink; v !== source; v = to[via[v] ^ 1]) {
      cap[via[v]]--
      cap[via[v] ^ 1]++
    }
    matched++
    total -= dist[sink]
  }
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items]
  let a = seed >>> 0
  for (let k = out.length - 1; k > 0; k--) {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0
    const j = a % (k + 1)
    ;[out[k], out[j]] = [out[j], out[k]]
  }
  return out
}

const TOPICS = [
  'finances ètiques',
  'habitatge cooperatiu',
  'energia comunitària',
  'sobirania alimentària',
]
const LANGUAGES = ['ca', 'es', 'en']

const place = fc.option(
  fc.record({
    lat: fc.double({ min: 40.5, max: 42.8, noNaN: true }),
    lon: fc.double({ min: 0.2, max: 3.3, noNaN: true }),
  }),
  { nil: null, freq: 5 },
)

const pairIndex = fc.tuple(fc.nat(5), fc.nat(3))

const instance = fc.record({
  places: fc.array(place, { minLength: 4, maxLength: 4 }),
  candidates: fc.array(
    fc.record({
      place: fc.nat(3),
      topics: fc.shuffledSubarray(TOPICS, { maxLength: 3 }),
      languages: fc.subarray(LANGUAGES),
      maxKm: fc.constantFrom(undefined, undefined, undefined, 60, 120),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  mentors: fc.array(
    fc.record({
      place: fc.nat(3),
      topics: fc.subarray(TOPICS),
      capacity: fc.integer({ min: 0, max: 3 }),
      // 0 means unavailable: about one mentor in six.
      unavailable: fc.integer({ min: 0, max: 5 }),
      languages: fc.subarray(LANGUAGES),
      load: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  declined: fc.array(pairIndex, { maxLength: 4 }),
  excluded: fc.array(pairIndex, { maxLength: 4 }),
  locked: fc.array(pairIndex, { maxLength: 3 }),
  options: fc.record({
    maxDistanceKm: fc.constantFrom(null, null, 80, 150, 250),
    requireSharedTopic: fc.boolean(),
    topicDecay: fc.constantFrom('harmonic' as const, 'linear' as const),
    weights: fc.record({
      topics: fc.integer({ min: 0, max: 100 }),
      distance: fc.integer({ min: 0, max: 100 }),
      language: fc.integer({ min: 0, max: 20 }),
    }),
    candidateListSize: fc.integer({ min: 1, max: 4 }),
  }),
  numericIds: fc.boolean(),
  shuffleSeed: fc.nat(),
})

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never

function toInput(x: Instance): { input: MatchingInput; options: MatchingOptions } {
  const cid = (i: number): Id => (x.numericIds ? 10 - i : `sol-${i}`)
  const mid = (j: number): Id => (x.numericIds ? 100 + j : `m-${3 - j}`)
  const candidates: MatchingCandidate[] = x.candidates.map((c, i) => ({
    id: cid(i),
    municipalityId: c.place,
    coordinates: x.places[c.place],
    topics: c.topics,
    languages: c.languages,
    constraints: c.maxKm === undefined ? null : { maxDistanceKm: c.maxKm },
  }))
  const mentors: MatchingMentor[] = x.mentors.map((m, j) => ({
    id: mid(j),
    municipalityId: m.place,
    coordinates: x.places[m.place],
    topics: m.topics,
    capacity: m.capacity,
    available: m.unavailable !== 0,
    languages: m.languages,
  }))
  const refs = (pairs: [number, number][]): PairRef[] =>
    pairs
      .filter(([i, j]) => i < candidates.length && j < mentors.length)
      .map(([i, j]) => ({ candidateId: cid(i), mentorId: mid(j) }))
  return {
    input: {
      candidates,
      mentors,
      declined: refs(x.declined),
      excluded: refs(x.excluded),
      locked: refs(x.locked),
      existingLoad: x.mentors.map((m, j) => ({ mentorId: mid(j), count: m.load })),
    },
    options: x.options,
  }
}

const key = (c: Id, m: Id): string => `${String(c)}|${String(m)}`

/** Checks one result against the rules and against brute force. */
function checkAgainstBruteForce(
  input: MatchingInput,
  options: MatchingOptions,
  result: MatchResult,
): void {
  const { candidates, mentors } = input
  const declined = new Set((input.declined ?? []).map((p) => key(p.candidateId, p.mentorId)))
  const excluded = new Set((input.excluded ?? []).map((p) => key(p.candidateId, p.mentorId)))
  const load = new Map((input.existingLoad ?? []).map((l) => [String(l.mentorId), l.count]))
  const remaining = mentors.map((m) =>
    m.available ? Math.max(0, m.capacity - (load.get(String(m.id)) ?? 0)) : 0,
  )

  // Every candidate appears exactly once, as a proposal or as unmatched with a reason.
  const seen = [
    ...result.proposals.map((p) => p.candidateId),
    ...result.unmatched.map((u) => u.candidateId),
  ]
  expect(seen.map(String).sort()).toEqual(candidates.map((c) => String(c.id)).sort())
  for (const u of result.unmatched) expect(u.explanation).toMatch(/^\S.*\.$/)

  // Locks the engine kept: they must satisfy R4/R5 and refusals; the rest is optimised around them.
  const lockedKept = result.proposals.filter((p) => p.locked)
  const lockedCandidates = new Set(lockedKept.map((p) => String(p.candidateId)))
  for (const p of lockedKept) {
    const c = candidates.find((x) => x.id === p.candidateId)!
    const m = mentors.find((x) => x.id === p.mentorId)!
    expect(m.available).toBe(true)
    expect(String(c.municipalityId)).not.toBe(String(m.municipalityId))
    expect(declined.has(key(c.id, m.id)) || excluded.has(key(c.id, m.id))).toBe(false)
  }
  const lockedLoad = mentors.map((m) => lockedKept.filter((p) => p.mentorId === m.id).length)

  const perMentor = mentors.map(() => 0)
  for (const p of result.proposals) {
    const j = mentors.findIndex((m) => m.id === p.mentorId)
    perMentor[j]++
    expect(p.explanation).toMatch(/\.$/)
    if (p.locked) continue
    const c = candidates.find((x) => x.id === p.candidateId)!
    const evaluation = scorePair(c, mentors[j], options)
    // No forbidden pair is ever proposed.
    expect(evaluation.allowed).toBe(true)
    expect(declined.has(key(c.id, mentors[j].id))).toBe(false)
    expect(excluded.has(key(c.id, mentors[j].id))).toBe(false)
    expect(p.scoreUnits).toBe(evaluation.scoreUnits)
  }
  // Capacities hold (R4), counting what the edition already used.
  perMentor.forEach((n, j) => expect(n).toBeLessThanOrEqual(remaining[j]))

  // Optimality of the free part: brute force over the candidates that were not locked.
  const free = candidates.filter((c) => !lockedCandidates.has(String(c.id)))
  const allowed = free.map((c) =>
    mentors.map((m, j) => {
      if (remaining[j] - lockedLoad[j] <= 0) return -1
      if (declined.has(key(c.id, m.id)) || excluded.has(key(c.id, m.id))) return -1
      const e = scorePair(c, m, options)
      return e.allowed ? e.scoreUnits : -1
    }),
  )
  const best = bruteForce(
    allowed,
    mentors.map((_, j) => Math.max(0, remaining[j] - lockedLoad[j])),
  )
  const freeProposals = result.proposals.filter((p) => !p.locked)
  expect(freeProposals.length).toBe(best.matched)
  expect(freeProposals.reduce((s, p) => s + p.scoreUnits, 0)).toBe(best.score)
  expect(result.stats.scoreUnits).toBe(result.proposals.reduce((s, p) => s + p.scoreUnits, 0))
}

describe('matchEdition against brute force (fast-check)', SLOW, () => {
  it('finds the (cardinality, score) optimum, never proposes a forbidden pair and respects capacities', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const { input, options } = toInput(x)
        checkAgainstBruteForce(input, options, matchEdition(input, options))
      }),
      { numRuns: 400 },
    )
  })

  it('is deterministic and independent of input order', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const { input, options } = toInput(x)
        const first = matchEdition(input, options)
        expect(matchEdition(input, options)).toEqual(first)
        const shuffled: MatchingInput = {
          candidates: shuffle(input.candidates, x.shuffleSeed),
          mentors: shuffle(input.mentors, x.shuffleSeed + 1),
          declined: shuffle(input.declined ?? [], x.shuffleSeed + 2),
          excluded: shuffle(input.excluded ?? [], x.shuffleSeed + 3),
          locked: shuffle(input.locked ?? [], x.shuffleSeed + 4),
          existingLoad: shuffle(input.existingLoad ?? [], x.shuffleSeed + 5),
        }
        // Ids are sorted before solving, so even among several optima the same pairs come out.
        expect(matchEdition(shuffled, options)).toEqual(first)
      }),
      { numRuns: 200 },
    )
  })
})

describe('capacitated solver against brute force (fast-check)', SLOW, () => {
  it('is optimal on random sparse matrices, including when its first sparse pass must be widened', () => {
    const matrix = fc
      .record({ rows: fc.integer({ min: 0, max: 7 }), cols: fc.integer({ min: 1, max: 4 }) })
      .chain(({ rows, cols }) =>
        fc.record({
          rows: fc.constant(rows),
          cols: fc.constant(cols),
          score: fc.array(
            fc.oneof(
              fc.constant(-1),
              fc.integer({ min: 0, max: 6 }),
              fc.integer({ min: 0, max: 100000 }),
            ),
            {
              minLength: rows * cols,
              maxLength: rows * cols,
            },
          ),
          capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
          listSize: fc.integer({ min: 1, max: 3 }),
        }),
      )
    fc.assert(
      fc.property(matrix, ({ rows, cols, score, capacity, listSize }) => {
        const result = maximiseMatches(
          Int32Array.from(score),
          rows,
          cols,
          Int32Array.from(capacity),
          listSize,
        )
        const allowed = Array.from({ length: rows }, (_, r) =>
          score.slice(r * cols, r * cols + cols),
        )
        const best = bruteForce(allowed, capacity)
        expect([result.matched, result.scoreUnits]).toEqual([best.matched, best.score])
        const load = capacity.map(() => 0)
        result.rowCol.forEach((c, r) => {
          if (c < 0) return
          expect(score[r * cols + c]).toBeGreaterThanOrEqual(0)
          load[c]++
        })
        load.forEach((n, c) => expect(n).toBeLessThanOrEqual(capacity[c]))
      }),
      { numRuns: 1000 },
    )
  })

  it('stays optimal when rows are taken out and put back (the repair path)', () => {
    const scenario = fc
      .record({
        rows: fc.integer({ min: 1, max: 30 }),
        cols: fc.integer({ min: 1, max: 10 }),
        seed: fc.nat(),
      })
      .map(({ rows, cols, seed }) => {
        let a = seed
        const next = (): number => {
          a = (Math.imul(a, 1664525) + 1013904223) >>> 0
          return a / 4294967296
        }
        const forbidden = next() * 0.5
        const score = Int32Array.from({ length: rows * cols }, () =>
          next() < forbidden ? -1 : Math.floor(next() * 20),
        )
        const capacity = Array.from({ length: cols }, () => Math.floor(next() * 3))
        const removed = Array.from({ length: rows }, (_, r) => r).filter(() => next() < 0.4)
        return { rows, cols, score, capacity, removed }
      })
    fc.assert(
      fc.property(scenario, ({ rows, cols, score, capacity, removed }) => {
        let best = 0
        for (const s of score) best = Math.max(best, s)
        const rowStart = new Int32Array(rows + 1)
        const colIndex: number[] = []
        const cost: number[] = []
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            if (score[r * cols + c] < 0) continue
            colIndex.push(c)
            cost.push(best - score[r * cols + c])
          }
          rowStart[r + 1] = colIndex.length
        }
        const solver = new CapacitatedAssignment(
          rows,
          cols,
          Int32Array.from(capacity),
          (rows + 1) * best + 1,
          {
            rowStart,
            colIndex: Int32Array.from(colIndex),
            cost: Float64Array.from(cost),
          },
        )
        for (let r = 0; r < rows; r++) solver.insertRow(r)
        const objective = (): { matched: number; score: number } => {
          let matched = 0
          let total = 0
          solver.rowCol.forEach((c, r) => {
            if (c < 0) return
            matched++
            total += score[r * cols + c]
          })
          return { matched, score: total }
        }
        for (const r of removed) solver.removeRow(r)
        const kept = Array.from({ length: rows }, (_, r) => r).filter((r) => !removed.includes(r))
        const keptScore = Int32Array.from(
          kept.flatMap((r) => Array.from(score.subarray(r * cols, r * cols + cols))),
        )
        expect(objective()).toEqual(minCostMaxFlow(keptScore, kept.length, cols, capacity))
        for (const r of removed) solver.insertRow(r)
        expect(objective()).toEqual(minCostMaxFlow(score, rows, cols, capacity))
      }),
      { numRuns: 300 },
    )
  })

  it('agrees with a textbook min-cost max-flow on medium random instances', () => {
    const matrix = fc
      .record({
        rows: fc.integer({ min: 1, max: 45 }),
        cols: fc.integer({ min: 1, max: 15 }),
        seed: fc.nat(),
      })
      .map(({ rows, cols, seed }) => {
        let a = seed
        const next = (): number => {
          a = (Math.imul(a, 1664525) + 1013904223) >>> 0
          return a / 4294967296
        }
        const forbidden = next() * 0.6
        const spread = [3, 50, 100000][Math.floor(next() * 3)]
        const score = Int32Array.from({ length: rows * cols }, () =>
          next() < forbidden ? -1 : Math.floor(next() * spread),
        )
        const capacity = Array.from({ length: cols }, () => Math.floor(next() * 4))
        return { rows, cols, score, capacity, listSize: 1 + Math.floor(next() * 6) }
      })
    fc.assert(
      fc.property(matrix, ({ rows, cols, score, capacity, listSize }) => {
        const result = maximiseMatches(score, rows, cols, Int32Array.from(capacity), listSize)
        expect([result.matched, result.scoreUnits]).toEqual(
          Object.values(minCostMaxFlow(score, rows, cols, capacity)),
        )
      }),
      { numRuns: 150 },
    )
  })
})
