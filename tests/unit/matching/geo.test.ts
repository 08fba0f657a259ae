import { describe, expect, it } from 'vitest'
import {
  EARTH_RADIUS_KM,
  hasValidCoordinates,
  haversineKm,
  unitVectorKm,
  writeUnitVector,
} from '../../../src/matching/geo'

const BARCELONA = { lat: 41.3874, lon: 2.1686 }
const GIRONA = { lat: 41.9794, lon: 2.8214 }
const LLEIDA = { lat: 41.6176, lon: 0.62 }

describe('haversineKm', () => {
  it('measures Barcelona–Girona as the known ~85–90 km straight line', () => {
    const km = haversineKm(BARCELONA, GIRONA)
    expect(km).toBeGreaterThan(85)
    expect(km).toBeLessThan(90)
  })

  it('measures Barcelona–Lleida as ~130 km', () => {
    expect(haversineKm(BARCELONA, LLEIDA)).toBeGreaterThan(125)
    expect(haversineKm(BARCELONA, LLEIDA)).toBeLessThan(135)
  })

  it('is symmetric and zero on the same point', () => {
    expect(haversineKm(GIRONA, BARCELONA)).toBeCloseTo(haversineKm(BARCELONA, GIRONA), 9)
    expect(haversineKm(LLEIDA, LLEIDA)).toBe(0)
  })

  it('gives half the circumference between antipodes', () => {
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(
      Math.PI * EARTH_RADIUS_KM,
      6,
    )
  })
})

describe('unit-vector distance used by the score matrix', () => {
  it('agrees with haversine for near and far points', () => {
    const points = [
      BARCELONA,
      GIRONA,
      LLEIDA,
      { lat: 40.7, lon: 0.58 },
      { lat: 42.7, lon: 0.8 },
      { lat: 41.38741, lon: 2.16861 },
      { lat: -33.9, lon: 151.2 },
      { lat: 60, lon: -100 },
    ]
    const a = new Float64Array(3)
    const b = new Float64Array(3)
    for (const p of points) {
      for (const q of points) {
        writeUnitVector(p, a, 0)
        writeUnitVector(q, b, 0)
        const expected = haversineKm(p, q)
        expect(Math.abs(unitVectorKm(a, 0, b, 0) - expected)).toBeLessThan(1e-6 + expected * 1e-12)
      }
    }
  })

  it('is NaN when a point is unknown', () => {
    const a = new Float64Array(3)
    const b = new Float64Array(3)
    writeUnitVector(null, a, 0)
    writeUnitVector(GIRONA, b, 0)
    expect(Number.isNaN(unitVectorKm(a, 0, b, 0))).toBe(true)
  })
})

describe('hasValidCoordinates', () => {
  it('accepts real coordinates and rejects missing or impossible ones', () => {
    expect(hasValidCoordinates(GIRONA)).toBe(true)
    expect(hasValidCoordinates(null)).toBe(false)
    expect(hasValidCoordinates(undefined)).toBe(false)
    expect(hasValidCoordinates({ lat: Number.NaN, lon: 2 })).toBe(false)
    expect(hasValidCoordinates({ lat: 91, lon: 2 })).toBe(false)
    expect(hasValidCoordinates({ lat: 41, lon: 181 })).toBe(false)
  })
})
