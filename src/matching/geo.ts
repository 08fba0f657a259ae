import type { Coordinates } from './types'

/** IUGG mean Earth radius. */
export const EARTH_RADIUS_KM = 6371.0088

const RAD = Math.PI / 180
const TWO_R = 2 * EARTH_RADIUS_KM

export function hasValidCoordinates(c: Coordinates | null | undefined): c is Coordinates {
  return (
    c != null &&
    typeof c.lat === 'number' &&
    typeof c.lon === 'number' &&
    Number.isFinite(c.lat) &&
    Number.isFinite(c.lon) &&
    Math.abs(c.lat) <= 90 &&
    Math.abs(c.lon) <= 180
  )
}

/** Great-circle (straight-line) distance in km between two points, haversine formula. */
export function haversineKm(a: Coordinates, b: Coordinates): number {
  const dLat = (b.lat - a.lat) * RAD
  const dLon = (b.lon - a.lon) * RAD
  const s = Math.sin(dLat / 2)
  const t = Math.sin(dLon / 2)
  const h = s * s + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * t * t
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Writes the unit vector of `c` at `out[offset..offset+2]` (NaN when unknown).
 * The matrix builder uses chords between unit vectors: the same great-circle
 * distance as `haversineKm` with no trigonometry per pair.
 */
export function writeUnitVector(
  c: Coordinates | null | undefined,
  out: Float64Array,
  offset: number,
): void {
  if (!hasValidCoordinates(c)) {
    out[offset] = Number.NaN
    out[offset + 1] = Number.NaN
    out[offset + 2] = Number.NaN
    return
  }
  const lat = c.lat * RAD
  const lon = c.lon * RAD
  const cosLat = Math.cos(lat)
  out[offset] = cosLat * Math.cos(lon)
  out[offset + 1] = cosLat * Math.sin(lon)
  out[offset + 2] = Math.sin(lat)
}

/** Great-circle km between two unit vectors; NaN when either is unknown. */
export function unitVectorKm(a: Float64Array, ai: number, b: Float64Array, bi: number): number {
  const dx = a[ai] - b[bi]
  const dy = a[ai + 1] - b[bi + 1]
  const dz = a[ai + 2] - b[bi + 2]
  return chordKm(dx * dx + dy * dy + dz * dz)
}

/**
 * Great-circle km from the squared chord between two unit vectors:
 * 2R·asin(chord/2). Below ~600 km (all of Catalonia) a 5-term series replaces
 * Math.asin: it is exact to float precision there and several times faster.
 */
export function chordKm(chordSquared: number): number {
  const h = Math.sqrt(chordSquared) / 2
  if (h < 0.05) {
    const h2 = h * h
    return TWO_R * h * (1 + h2 * (1 / 6 + h2 * (3 / 40 + h2 * (5 / 112 + h2 * (35 / 1152)))))
  }
  if (h < 1) return 2 * EARTH_RADIUS_KM * Math.asin(h)
  // Antipodes (h rounds past 1) or an unknown point (NaN) — keep NaN as NaN.
  return h >= 1 ? Math.PI * EARTH_RADIUS_KM : Number.NaN
}
