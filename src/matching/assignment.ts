/**
 * Min-cost capacitated assignment on a sparse bipartite graph: each row
 * (candidate) goes to at most one column (mentor), column j takes at most
 * capacity[j] rows, and leaving a row unassigned costs `unassignedCost`.
 *
 * It is a min-cost flow s → rows → columns → t solved by successive shortest
 * paths (the Hungarian / Jonker–Volgenant scheme): rows are inserted one at a
 * time and each insertion runs Dijkstra on reduced costs from that row to t.
 * Columns are never expanded into capacity slots: a full column opens all of
 * its rows at once. "Unassigned" is a private edge row → t of cost
 * `unassignedCost`, so a forbidden pair is never an edge and never chosen.
 *
 * Potentials φ (rows, columns and t) keep every residual edge at a
 * non-negative reduced cost, which proves the current flow is min-cost:
 *   row i → column j (unused edge)   c_ij + φr[i] − φc[j] ≥ 0 (= 0 when used)
 *   column j → t  (j has a free place) φc[j] − φt ≥ 0
 *   t → column j  (j has a row)        φt − φc[j] ≥ 0
 *   row i → t     (i assigned)         D + φr[i] − φt ≥ 0 (= 0 when i is unassigned)
 * A search only moves the potentials of what it reached, so an insertion that
 * finds a free place next door costs a handful of operations.
 *
 * `removeRow` takes a row out again and restores optimality with one reverse
 * search from t; the engine uses it to re-insert rows whose edge lists had to
 * be widened, instead of solving everything again.
 */

export interface AssignmentEdges {
  /** CSR adjacency: edges of row i are rowStart[i] .. rowStart[i+1]-1. */
  rowStart: Int32Array
  colIndex: Int32Array
  /** Non-negative integer costs (exact in float64). */
  cost: Float64Array
}

/** Binary min-heap of columns keyed by (distance, tie) with lazy deletion. */
class ColumnHeap {
  keys: Float64Array
  ties: Int32Array
  items: Int32Array
  size = 0

  constructor(capacity: number) {
    const n = Math.max(16, capacity)
    this.keys = new Float64Array(n)
    this.ties = new Int32Array(n)
    this.items = new Int32Array(n)
  }

  private grow(): void {
    const n = this.keys.length * 2
    const keys = new Float64Array(n)
    const ties = new Int32Array(n)
    const items = new Int32Array(n)
    keys.set(this.keys)
    ties.set(this.ties)
    items.set(this.items)
    this.keys = keys
    this.ties = ties
    this.items = items
  }

  push(key: number, tie: number, item: number): void {
    if (this.size === this.keys.length) this.grow()
    const keys = this.keys
    const ties = this.ties
    const items = this.items
    let k = this.size++
    while (k > 0) {
      const parent = (k - 1) >> 1
      const pk = keys[parent]
      if (pk < key || (pk === key && ties[parent] <= tie)) break
      keys[k] = pk
      ties[k] = ties[parent]
      items[k] = items[parent]
      k = parent
    }
    keys[k] = key
    ties[k] = tie
    items[k] = item
  }

  pop(): void {
    const keys = this.keys
    const ties = this.ties
    const items = this.items
    const last = --this.size
    if (last === 0) return
    const key = keys[last]
    const tie = ties[last]
    const item = items[last]
    let k = 0
    const half = last >> 1
    while (k < half) {
      let child = 2 * k + 1
      const right = child + 1
      if (
        right < last &&
        (keys[right] < keys[child] || (keys[right] === keys[child] && ties[right] < ties[child]))
      ) {
        child = right
      }
      if (key < keys[child] || (key === keys[child] && tie <= ties[child])) break
      keys[k] = keys[child]
      ties[k] = ties[child]
      items[k] = items[child]
      k = child
    }
    keys[k] = key
    ties[k] = tie
    items[k] = item
  }
}

const NO_TERMINAL = -1

export class CapacitatedAssignment {
  readonly rows: number
  readonly cols: number
  readonly capacity: Int32Array
  readonly unassignedCost: number
  /** Column of each row, -1 when unassigned (or not inserted). */
  readonly rowCol: Int32Array
  readonly phiRow: Float64Array
  readonly phiCol: Float64Array
  phiT = 0
  /** 1 while the row takes part (inserted and not removed). */
  readonly inserted: Uint8Array

  // Edge lists: row i owns edgeCol/edgeCost[rowBegin[i] .. rowEnd[i]).
  private rowBegin: Int32Array
  private rowEnd: Int32Array
  private edgeCol: Int32Array
  private edgeCost: Float64Array
  private edgeCount: number

  // Rows of column j: slots[slotStart[j] .. slotStart[j] + colCount[j]).
  private readonly slotStart: Int32Array
  private readonly slots: Int32Array
  private readonly colCount: Int32Array

  private readonly dist: Float64Array
  private readonly pred: Int32Array
  private readonly colSeen: Int32Array
  private readonly colDone: Int32Array
  private readonly rowDist: Float64Array
  private readonly scannedRows: Int32Array
  private readonly scannedCols: Int32Array
  private readonly heap = new ColumnHeap(1024)
  private epoch = 0

  constructor(
    rows: number,
    cols: number,
    capacity: Int32Array,
    unassignedCost: number,
    edges: AssignmentEdges,
  ) {
    this.rows = rows
    this.cols = cols
    this.capacity = capacity
    this.unassignedCost = unassignedCost
    this.rowCol = new Int32Array(rows).fill(-1)
    this.phiRow = new Float64Array(rows)
    this.phiCol = new Float64Array(cols)
    this.inserted = new Uint8Array(rows)
    this.rowBegin = edges.rowStart.slice(0, rows)
    this.rowEnd = edges.rowStart.slice(1, rows + 1)
    this.edgeCount = edges.rowStart[rows]
    this.edgeCol = edges.colIndex.slice(0, this.edgeCount)
    this.edgeCost = edges.cost.slice(0, this.edgeCount)
    this.slotStart = new Int32Array(cols + 1)
    for (let j = 0; j < cols; j++)
      this.slotStart[j + 1] = this.slotStart[j] + Math.max(0, capacity[j])
    this.slots = new Int32Array(this.slotStart[cols])
    this.colCount = new Int32Array(cols)
    this.dist = new Float64Array(cols)
    this.pred = new Int32Array(cols)
    this.colSeen = new Int32Array(cols)
    this.colDone = new Int32Array(cols)
    this.rowDist = new Float64Array(rows)
    this.scannedRows = new Int32Array(rows)
    this.scannedCols = new Int32Array(cols)
  }

  /** Replaces the edge list of a row that is not in the assignment. */
  setRowEdges(row: number, colIndex: ArrayLike<number>, cost: ArrayLike<number>): void {
    const n = colIndex.length
    if (this.edgeCount + n > this.edgeCol.length) {
      const size = Math.max(this.edgeCount + n, this.edgeCol.length * 2)
      const grownCol = new Int32Array(size)
      const grownCost = new Float64Array(size)
      grownCol.set(this.edgeCol.subarray(0, this.edgeCount))
      grownCost.set(this.edgeCost.subarray(0, this.edgeCount))
      this.edgeCol = grownCol
      this.edgeCost = grownCost
    }
    this.rowBegin[row] = this.edgeCount
    for (let k = 0; k < n; k++) {
      this.edgeCol[this.edgeCount] = colIndex[k]
      this.edgeCost[this.edgeCount++] = cost[k]
    }
    this.rowEnd[row] = this.edgeCount
  }

  /** Adds a row that is not assigned yet: one shortest augmenting path from it to t. */
  insertRow(start: number): void {
    const { capacity, unassignedCost, rowCol, phiRow, phiCol, slots, slotStart, colCount } = this
    const { dist, pred, colSeen, colDone, rowDist, scannedRows, scannedCols, heap } = this
    const edgeCol = this.edgeCol
    const edgeCost = this.edgeCost
    const rowBegin = this.rowBegin
    const rowEnd = this.rowEnd
    const cols = this.cols
    const phiT = this.phiT
    const epoch = ++this.epoch
    this.inserted[start] = 1

    // Lowest potential that keeps the new row's edges at reduced cost ≥ 0.
    let phiStart = phiT - unassignedCost
    for (let e = rowBegin[start]; e < rowEnd[start]; e++) {
      const p = phiCol[edgeCol[e]] - edgeCost[e]
      if (p > phiStart) phiStart = p
    }
    phiRow[start] = phiStart

    heap.size = 0
    let nRows = 0
    let nCols = 0
    // Best way found so far to reach t: through a free column or a row's "unassigned" edge.
    let best = Number.POSITIVE_INFINITY
    let bestCol = NO_TERMINAL
    let bestRow = NO_TERMINAL
    let head = 0
    rowDist[start] = 0
    scannedRows[nRows++] = start
    for (;;) {
      // scannedRows doubles as the queue of rows waiting to relax their edges.
      while (head < nRows) {
        const row = scannedRows[head++]
        const rowD = rowDist[row]
        const pr = phiRow[row]
        for (let e = rowBegin[row], end = rowEnd[row]; e < end; e++) {
          const j = edgeCol[e]
          if (colDone[j] === epoch) continue
          const nd = rowD + edgeCost[e] + pr - phiCol[j]
          if (colSeen[j] !== epoch || nd < dist[j]) {
            colSeen[j] = epoch
            dist[j] = nd
            pred[j] = row
            // Among equal distances, settle a column with a free place first: the search ends there.
            heap.push(nd, colCount[j] < capacity[j] ? j : cols + j, j)
          }
        }
        const viaUnassigned = rowD + unassignedCost + pr - phiT
        if (viaUnassigned < best) {
          best = viaUnassigned
          bestRow = row
          bestCol = NO_TERMINAL
        }
      }

      let j = -1
      while (heap.size > 0) {
        const top = heap.items[0]
        const key = heap.keys[0]
        if (colDone[top] === epoch || key > dist[top]) {
          heap.pop()
          continue
        }
        // On a tie a real place beats leaving someone unassigned.
        if (key > best || (key === best && bestCol !== NO_TERMINAL)) break
        heap.pop()
        j = top
        break
      }
      if (j < 0) break
      colDone[j] = epoch
      scannedCols[nCols++] = j
      const dj = dist[j]
      if (colCount[j] < capacity[j]) {
        const viaColumn = dj + phiCol[j] - phiT
        if (viaColumn < best || (viaColumn === best && bestCol === NO_TERMINAL)) {
          best = viaColumn
          bestCol = j
          bestRow = NO_TERMINAL
        }
      }
      // Used edges have reduced cost 0: every row of j is reached at distance dj.
      for (let s = slotStart[j], last = slotStart[j] + colCount[j]; s < last; s++) {
        const r = slots[s]
        rowDist[r] = dj
        scannedRows[nRows++] = r
      }
    }

    const delta = best
    for (let k = 0; k < nRows; k++) {
      const r = scannedRows[k]
      phiRow[r] += rowDist[r] - delta
    }
    for (let k = 0; k < nCols; k++) {
      const c = scannedCols[k]
      phiCol[c] += dist[c] - delta
    }

    let j = bestCol
    if (j === NO_TERMINAL) {
      const r = bestRow
      const prev = rowCol[r]
      rowCol[r] = -1
      if (r === start) return
      this.removeFromColumn(prev, r)
      j = prev
    }
    for (;;) {
      const r = pred[j]
      const prev = rowCol[r]
      rowCol[r] = j
      slots[slotStart[j] + colCount[j]++] = r
      if (prev < 0) return
      this.removeFromColumn(prev, r)
      j = prev
    }
  }

  /**
   * Takes a row out of the assignment. Its column gains a free place whose
   * edge to t may now have a negative reduced cost; a reverse search from t
   * either cancels the one negative cycle through it or proves there is none.
   */
  removeRow(row: number): void {
    const a = this.rowCol[row]
    this.rowCol[row] = -1
    this.inserted[row] = 0
    if (a < 0) return
    this.removeFromColumn(a, row)
    const limit = this.phiT - this.phiCol[a]
    if (limit <= 0) return

    const { capacity, rowCol, phiRow, phiCol, slots, slotStart, colCount, inserted } = this
    const { dist, pred, colSeen, colDone, rowDist, scannedRows, scannedCols, heap } = this
    const edgeCol = this.edgeCol
    const edgeCost = this.edgeCost
    const rowBegin = this.rowBegin
    const rowEnd = this.rowEnd
    const cols = this.cols
    const phiT = this.phiT
    const epoch = ++this.epoch
    heap.size = 0
    let nRows = 0
    let nCols = 0
    // Sources, reverse edges out of t: t → column b for every column holding rows,
    // and t → row r for every unassigned row (its "unassigned" edge is tight, distance 0).
    for (let b = 0; b < cols; b++) {
      if (b === a || colCount[b] === 0) continue
      const d = phiT - phiCol[b]
      if (d >= limit) continue
      colSeen[b] = epoch
      dist[b] = d
      pred[b] = -1
      heap.push(d, colCount[b] < capacity[b] ? b : cols + b, b)
    }
    for (let r = 0; r < this.rows; r++) {
      if (inserted[r] === 1 && rowCol[r] < 0) {
        rowDist[r] = 0
        scannedRows[nRows++] = r
      }
    }
    let head = 0
    let reach = limit
    let found = false
    for (;;) {
      while (head < nRows) {
        const r = scannedRows[head++]
        const rd = rowDist[r]
        const pr = phiRow[r]
        for (let e = rowBegin[r], end = rowEnd[r]; e < end; e++) {
          const k = edgeCol[e]
          if (colDone[k] === epoch) continue
          const nd = rd + edgeCost[e] + pr - phiCol[k]
          if (colSeen[k] !== epoch || nd < dist[k]) {
            colSeen[k] = epoch
            dist[k] = nd
            pred[k] = r
            heap.push(nd, colCount[k] < capacity[k] ? k : cols + k, k)
          }
        }
      }
      let j = -1
      while (heap.size > 0) {
        const top = heap.items[0]
        const key = heap.keys[0]
        if (colDone[top] === epoch || key > dist[top]) {
          heap.pop()
          continue
        }
        if (key >= limit) break
        heap.pop()
        j = top
        break
      }
      if (j < 0) break
      colDone[j] = epoch
      scannedCols[nCols++] = j
      const dj = dist[j]
      if (j === a) {
        reach = dj
        found = true
        break
      }
      for (let s = slotStart[j], last = slotStart[j] + colCount[j]; s < last; s++) {
        const r = slots[s]
        rowDist[r] = dj
        scannedRows[nRows++] = r
      }
    }

    // φ ← φ + min(d, reach) − reach: unreached nodes keep theirs, t moves down by \`reach\`.
    this.phiT = phiT - reach
    for (let k = 0; k < nRows; k++) {
      const r = scannedRows[k]
      phiRow[r] += rowDist[r] - reach
    }
    for (let k = 0; k < nCols; k++) {
      const c = scannedCols[k]
      phiCol[c] += dist[c] - reach
    }
    if (!found) return

    // Cancel the cycle t → (column b | unassigned row) → … → a → t: each row on it moves one column along.
    let j = a
    for (;;) {
      const r = pred[j]
      if (r < 0) return
      const prev = rowCol[r]
      rowCol[r] = j
      slots[slotStart[j] + colCount[j]++] = r
      if (prev < 0) return
      this.removeFromColumn(prev, r)
      j = prev
    }
  }

  private removeFromColumn(j: number, r: number): void {
    const first = this.slotStart[j]
    const last = first + --this.colCount[j]
    const slots = this.slots
    for (let s = first; s <= last; s++) {
      if (slots[s] === r) {
        slots[s] = slots[last]
        return
      }
    }
  }
}
