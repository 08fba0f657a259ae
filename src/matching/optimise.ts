import { CapacitatedAssignment } from './assignment'

/**
 * Lexicographic optimum on a dense score matrix: first as many matched rows as
 * possible, then the highest total score, within column capacities.
 *
 * Cardinality first: leaving a row unassigned costs D = (rows + 1)·S + 1 and a
 * pair costs S − score ∈ [0, S] (S = best pair score). One more match saves at
 * least D − S > rows·S, more than any difference in total score can be, so the
 * minimum cost has the maximum cardinality and, among those, the maximum score.
 *
 * Speed: in dense instances a candidate's optimal mentor is almost always among
 * its best few, so the solver first works on a sparse graph: each row's
 * `listSize` best columns, plus each column's best rows (about listSize/2 per
 * place, so that unpopular mentors stay reachable). The potentials it ends with
 * are then checked against every allowed pair: when no reduced cost is
 * negative, they prove the flow min-cost on the full graph, i.e. the answer is
 * optimal (the assignment LP is totally unimodular). Rows with a violated pair
 * are taken out, get wider lists and go back in, until the proof holds.
 */

export interface OptimiseResult {
  /** Column of each row, -1 when unassigned. */
  rowCol: Int32Array
  matched: number
  scoreUnits: number
  /** Optimality checks it took (1 when the first sparse pass was already proven optimal). */
  rounds: number
  /** Edges of the sparse graph the solver worked on. */
  edges: number
}

/**
 * Costs and potentials are integers kept in float64, exact below 2^53. Potentials
 * stay within a few D of each other, and t's potential drifts by at most about D
 * per row taken out (a handful of rounds at most): 8·(rows + 2)·D ≤ 2^53 keeps
 * every sum exact, with a wide margin for any real edition.
 */
const MAX_EXACT = 2 ** 53

/**
 * @param score  rows × cols, row-major; -1 marks a forbidden pair, otherwise an integer ≥ 0.
 * @param capacity places per column (≥ 0).
 * @param listSize best columns kept per row in the first pass (speed only).
 */
export function maximiseMatches(
  score: Int32Array,
  rows: number,
  cols: number,
  capacity: Int32Array,
  listSize = 24,
): OptimiseResult {
  let best = 0
  for (let k = 0; k < score.length; k++) if (score[k] > best) best = score[k]
  const unassignedCost = (rows + 1) * best + 1
  if (unassignedCost * 8 * (rows + 2) > MAX_EXACT) {
    throw new RangeError(
      'El problema de matching és massa gran per calcular-lo amb precisió exacta: redueix els pesos.',
    )
  }

  const rowLimit = Math.max(1, Math.floor(listSize))
  const colLimit = Math.max(2, Math.ceil(rowLimit / 2))
  const graph = buildSparseGraph(score, rows, cols, capacity, best, rowLimit, colLimit)
  const solver = new CapacitatedAssignment(rows, cols, capacity, unassignedCost, graph)
  for (let r = 0; r < rows; r++) solver.insertRow(r)

  const rowLimits = new Int32Array(rows).fill(rowLimit)
  let rounds = 0
  for (;;) {
    rounds++
    const violated = findViolations(score, rows, cols, best, solver)
    if (violated.size === 0) break
    const widened = [...violated.keys()].sort((x, y) => x - y)
    for (const r of widened) solver.removeRow(r)
    for (const r of widened) {
      rowLimits[r] = Math.min(cols, rowLimits[r] * 4)
      const list = rowList(score, r, cols, best, rowLimits[r], graph, violated.get(r) ?? [])
      solver.setRowEdges(r, list.colIndex, list.cost)
    }
    for (const r of widened) solver.insertRow(r)
  }

  let matched = 0
  let scoreUnits = 0
  for (let r = 0; r < rows; r++) {
    const c = solver.rowCol[r]
    if (c >= 0) {
      matched++
      scoreUnits += score[r * cols + c]
    }
  }
  return { rowCol: solver.rowCol, matched, scoreUnits, rounds, edges: graph.colIndex.length }
}

/** Allowed pairs whose reduced cost is negative, by row. */
function findViolations(
  score: Int32Array,
  rows: number,
  cols: number,
  best: number,
  solver: CapacitatedAssignment,
): Map<number, number[]> {
  const violated = new Map<number, number[]>()
  const phiRow = solver.phiRow
  const phiCol = solver.phiCol
  for (let r = 0; r < rows; r++) {
    const base = r * cols
    const bound = best + phiRow[r]
    for (let c = 0; c < cols; c++) {
      const s = score[base + c]
      // reduced cost = (best − s) + φr − φc
      if (s >= 0 && bound - s - phiCol[c] < 0) {
        let list = violated.get(r)
        if (list === undefined) violated.set(r, (list = []))
        list.push(c)
      }
    }
  }
  return violated
}

interface SparseGraph {
  rowStart: Int32Array
  colIndex: Int32Array
  cost: Float64Array
}

/**
 * Each row's ~`rowLimit` best columns and each column's ~`colLimit × capacity`
 * best rows, united into one sparse graph, without sorting or heaps: a first
 * pass builds score histograms (≤ 256 buckets) per row and per column, which
 * give each a threshold bucket; a second pass keeps every pair above its row's
 * or its column's threshold, and pairs in the threshold bucket itself until
 * 1.5× the limit (in index order, so the graph depends on the matrix alone).
 * The lists need not be exact: the optimality check catches anything missing.
 */
function buildSparseGraph(
  score: Int32Array,
  rows: number,
  cols: number,
  capacity: Int32Array,
  best: number,
  rowLimit: number,
  colLimit: number,
): SparseGraph {
  let shift = 0
  while (best >> shift >= 256) shift++
  const buckets = (best >> shift) + 1

  const rowThreshold = new Int32Array(rows)
  const rowQuota = new Int32Array(rows)
  const colHist = new Int32Array(cols * buckets)
  const hist = new Int32Array(buckets)
  for (let r = 0; r < rows; r++) {
    const base = r * cols
    hist.fill(0)
    for (let c = 0; c < cols; c++) {
      const s = score[base + c]
      if (s < 0) continue
      const b = s >> shift
      hist[b]++
      colHist[c * buckets + b]++
    }
    const [threshold, quota] = thresholdOf(hist, 0, buckets, rowLimit)
    rowThreshold[r] = threshold
    rowQuota[r] = quota
  }
  const colThreshold = new Int32Array(cols)
  const colQuota = new Int32Array(cols)
  let bound = rows * (rowLimit + (rowLimit >> 1))
  for (let c = 0; c < cols; c++) {
    const limit = colLimit * Math.max(1, capacity[c])
    const [threshold, quota] = thresholdOf(colHist, c * buckets, buckets, limit)
    colThreshold[c] = threshold
    colQuota[c] = quota
    bound += limit + (limit >> 1)
  }

  const rowStart = new Int32Array(rows + 1)
  const colIndex = new Int32Array(bound)
  const cost = new Float64Array(bound)
  let size = 0
  for (let r = 0; r < rows; r++) {
    const base = r * cols
    const threshold = rowThreshold[r]
    let quota = rowQuota[r]
    for (let c = 0; c < cols; c++) {
      const s = score[base + c]
      if (s < 0) continue
      const b = s >> shift
      let keep = b > threshold
      if (b === threshold && quota > 0) {
        quota--
        keep = true
      }
      const ct = colThreshold[c]
      if (b > ct) keep = true
      else if (b === ct && colQuota[c] > 0) {
        colQuota[c]--
        keep = true
      }
      if (keep) {
        colIndex[size] = c
        cost[size++] = best - s
      }
    }
    rowStart[r + 1] = size
  }
  return { rowStart, colIndex: colIndex.subarray(0, size), cost: cost.subarray(0, size) }
}

/**
 * From a histogram at hist[offset .. offset+buckets): the bucket where the count
 * from the top reaches `limit` (-1 when everything fits: keep all), and how many
 * entries of that bucket to keep so that the total stays within 1.5 × limit.
 */
function thresholdOf(
  hist: Int32Array,
  offset: number,
  buckets: number,
  limit: number,
): [number, number] {
  let above = 0
  for (let b = buckets - 1; b >= 0; b--) {
    const n = hist[offset + b]
    if (above + n >= limit) return [b, limit + (limit >> 1) - above]
    above += n
  }
  return [-1, 0]
}

/** A widened list for one row: its `limit` best columns, its old list and the violated pairs. */
function rowList(
  score: Int32Array,
  r: number,
  cols: number,
  best: number,
  limit: number,
  graph: SparseGraph,
  violated: readonly number[],
): { colIndex: number[]; cost: number[] } {
  const base = r * cols
  const heapScore = new Int32Array(limit)
  const heapCol = new Int32Array(limit)
  let n = 0
  for (let c = 0; c < cols; c++) {
    const s = score[base + c]
    if (s < 0) continue
    if (n < limit) n = minHeapInsert(heapScore, heapCol, 0, n, s, c)
    else if (s > heapScore[0]) minHeapReplaceRoot(heapScore, heapCol, 0, n, s, c)
  }
  const keep = new Set<number>(heapCol.subarray(0, n))
  for (let e = graph.rowStart[r]; e < graph.rowStart[r + 1]; e++) keep.add(graph.colIndex[e])
  for (const c of violated) keep.add(c)
  const colIndex = [...keep].sort((a, b) => a - b)
  return { colIndex, cost: colIndex.map((c) => best - score[base + c]) }
}

/** Inserts (score, item) into a min-heap on score stored at [offset, offset + size); returns the new size. */
function minHeapInsert(
  scores: Int32Array,
  items: Int32Array,
  offset: number,
  size: number,
  s: number,
  item: number,
): number {
  let k = size
  while (k > 0) {
    const parent = (k - 1) >> 1
    if (scores[offset + parent] <= s) break
    scores[offset + k] = scores[offset + parent]
    items[offset + k] = items[offset + parent]
    k = parent
  }
  scores[offset + k] = s
  items[offset + k] = item
  return size + 1
}

/** Replaces the minimum of a full min-heap with a larger score. */
function minHeapReplaceRoot(
  scores: Int32Array,
  items: Int32Array,
  offset: number,
  size: number,
  s: number,
  item: number,
): void {
  let k = 0
  for (;;) {
    let child = 2 * k + 1
    if (child >= size) break
    if (child + 1 < size && scores[offset + child + 1] < scores[offset + child]) child++
    if (scores[offset + child] >= s) break
    scores[offset + k] = scores[offset + child]
    items[offset + k] = items[offset + child]
    k = child
  }
  scores[offset + k] = s
  items[offset + k] = item
}
