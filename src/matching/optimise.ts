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
    throw new RangeError('El problema de matching és massa gran per calcular-lo amb precisió exacta: redueix els pesos.')
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
 * One pass over the matrix keeps, in bounded max-heaps, the `rowLimit` cheapest
 * columns of each row and the `colLimit × capacity` cheapest rows of each
 * column; the sparse graph is their union. Keys (cost · n + index) are unique,
 * so ties are broken by index and the graph does not depend on anything else.
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
  const colHeapStart = new Int32Array(cols + 1)
  for (let c = 0; c < cols; c++) colHeapStart[c + 1] = colHeapStart[c] + Math.min(rows, colLimit * Math.max(1, capacity[c]))
  const colHeap = new Float64Array(colHeapStart[cols])
  const colSize = new Int32Array(cols)
  // Worst key a column keeps once its heap is full (+∞ before): most entries stop at this one test.
  const colWorst = new Float64Array(cols).fill(Number.POSITIVE_INFINITY)
  const rowHeap = new Float64Array(rowLimit)
  const rowKept = new Float64Array(rows * rowLimit)
  const rowKeptCount = new Int32Array(rows)

  for (let r = 0; r < rows; r++) {
    const base = r * cols
    let n = 0
    let rowWorst = Number.POSITIVE_INFINITY
    for (let c = 0; c < cols; c++) {
      const s = score[base + c]
      if (s < 0) continue
      const cost = best - s
      const key = cost * cols + c
      if (key < rowWorst) {
        if (n < rowLimit) {
          n = heapInsert(rowHeap, 0, n, key)
          if (n === rowLimit) rowWorst = rowHeap[0]
        } else {
          heapReplaceRoot(rowHeap, 0, n, key)
          rowWorst = rowHeap[0]
        }
      }
      const colKey = cost * rows + r
      if (colKey < colWorst[c]) {
        const h = colHeapStart[c]
        const limit = colHeapStart[c + 1] - h
        const size = colSize[c]
        if (size < limit) {
          colSize[c] = heapInsert(colHeap, h, size, colKey)
          if (size + 1 === limit) colWorst[c] = colHeap[h]
        } else {
          heapReplaceRoot(colHeap, h, size, colKey)
          colWorst[c] = colHeap[h]
        }
      }
    }
    rowKept.set(rowHeap.subarray(0, n), r * rowLimit)
    rowKeptCount[r] = n
  }

  // Column picks, regrouped by row.
  const extraCount = new Int32Array(rows + 1)
  for (let c = 0; c < cols; c++) {
    for (let k = colHeapStart[c], end = colHeapStart[c] + colSize[c]; k < end; k++) {
      extraCount[(colHeap[k] % rows) + 1]++
    }
  }
  for (let r = 0; r < rows; r++) extraCount[r + 1] += extraCount[r]
  const extraCol = new Int32Array(extraCount[rows])
  const fill = extraCount.slice(0, rows)
  for (let c = 0; c < cols; c++) {
    for (let k = colHeapStart[c], end = colHeapStart[c] + colSize[c]; k < end; k++) {
      extraCol[fill[colHeap[k] % rows]++] = c
    }
  }

  const rowStart = new Int32Array(rows + 1)
  const colIndex = new Int32Array(rows * rowLimit + extraCol.length)
  const cost = new Float64Array(colIndex.length)
  const mark = new Int32Array(cols).fill(-1)
  let size = 0
  for (let r = 0; r < rows; r++) {
    const kept = rowKept.subarray(r * rowLimit, r * rowLimit + rowKeptCount[r]).sort()
    for (let k = 0; k < kept.length; k++) {
      const c = kept[k] % cols
      mark[c] = r
      colIndex[size] = c
      cost[size++] = (kept[k] - c) / cols
    }
    for (let k = extraCount[r]; k < extraCount[r + 1]; k++) {
      const c = extraCol[k]
      if (mark[c] === r) continue
      mark[c] = r
      colIndex[size] = c
      cost[size++] = best - score[r * cols + c]
    }
    rowStart[r + 1] = size
  }
  return { rowStart, colIndex: colIndex.subarray(0, size), cost: cost.subarray(0, size) }
}

/** A widened list for one row: its `limit` cheapest columns, its old list and the violated pairs. */
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
  const heap = new Float64Array(limit)
  let n = 0
  for (let c = 0; c < cols; c++) {
    const s = score[base + c]
    if (s < 0) continue
    const key = (best - s) * cols + c
    if (n < limit) n = heapInsert(heap, 0, n, key)
    else if (key < heap[0]) heapReplaceRoot(heap, 0, n, key)
  }
  const keep = new Set<number>()
  for (const key of heap.subarray(0, n).sort()) keep.add(key % cols)
  for (let e = graph.rowStart[r]; e < graph.rowStart[r + 1]; e++) keep.add(graph.colIndex[e])
  for (const c of violated) keep.add(c)
  const colIndex = [...keep]
  return { colIndex, cost: colIndex.map((c) => best - score[base + c]) }
}

/** Inserts into a max-heap stored at heap[offset .. offset+size); returns the new size. */
function heapInsert(heap: Float64Array, offset: number, size: number, key: number): number {
  let k = size
  while (k > 0) {
    const parent = (k - 1) >> 1
    if (heap[offset + parent] >= key) break
    heap[offset + k] = heap[offset + parent]
    k = parent
  }
  heap[offset + k] = key
  return size + 1
}

/** Replaces the maximum of a max-heap with a smaller key. */
function heapReplaceRoot(heap: Float64Array, offset: number, size: number, key: number): void {
  let k = 0
  for (;;) {
    let child = 2 * k + 1
    if (child >= size) break
    if (child + 1 < size && heap[offset + child + 1] > heap[offset + child]) child++
    if (heap[offset + child] <= key) break
    heap[offset + k] = heap[offset + child]
    k = child
  }
  heap[offset + k] = key
}
