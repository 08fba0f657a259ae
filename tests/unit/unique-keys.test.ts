import { describe, expect, it } from 'vitest'

import {
  freeKey,
  freeSeats,
  holdsSeatOf,
  isFreeKey,
  openApplicationKey,
  seatKeys,
} from '../../src/rules/unique-keys'

describe('keys the database holds unique (R1, R4)', () => {
  it('one open application key per edition and email', () => {
    expect(openApplicationKey(3, 'laia@olot.example')).toBe('3:laia@olot.example')
    expect(openApplicationKey('65a0', 'laia@olot.example')).not.toBe(
      openApplicationKey('65a1', 'laia@olot.example'),
    )
  })

  it('a seat per place below the capacity, per mentor and edition and kind', () => {
    expect(seatKeys('capacity', 7, 2, 3)).toEqual([
      'capacity:7:2:0',
      'capacity:7:2:1',
      'capacity:7:2:2',
    ])
    expect(seatKeys('underway', 7, 2, 0)).toEqual([])
    expect(freeSeats(seatKeys('capacity', 7, 2, 3), ['capacity:7:2:1', 'capacity:8:2:0'])).toEqual([
      'capacity:7:2:0',
      'capacity:7:2:2',
    ])
    expect(holdsSeatOf('capacity:7:2:5', 'capacity', 7, 2)).toBe(true)
    expect(holdsSeatOf('capacity:7:2:5', 'underway', 7, 2)).toBe(false)
    expect(holdsSeatOf('capacity:7:22:0', 'capacity', 7, 2)).toBe(false)
  })

  it('a place not held has a key of its own, never an empty one', () => {
    expect(isFreeKey(freeKey('abc'))).toBe(true)
    expect(isFreeKey(null)).toBe(false)
    expect(isFreeKey('capacity:7:2:0')).toBe(false)
  })
})
