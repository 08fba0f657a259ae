/**
 * Hours as the programme says them: the time a person types for a meeting is Catalan time
 * (Europe/Madrid), whatever time zone their computer is set to, and it is shown back in Catalan time
 * (the pages, the emails and the calendar invitations). Pure: Intl only.
 */
const PROGRAMME_TIME_ZONE = 'Europe/Madrid'

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: PROGRAMME_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
})

/** Minutes Madrid is ahead of UTC at this instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  const value = Object.fromEntries(
    parts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  )
  const wall = Date.UTC(
    Number(value.year),
    Number(value.month) - 1,
    Number(value.day),
    Number(value.hour),
    Number(value.minute),
    Number(value.second),
  )
  return Math.round((wall - instant) / 60_000)
}

/**
 * The instant of `day` (YYYY-MM-DD) at `time` (HH:MM) in Catalonia, as ISO 8601 UTC: «17:30» is 16:30Z
 * in winter and 15:30Z in summer. A time skipped by the spring change reads as the hour after it.
 */
export function programmeTimeToISO(day: string, time: string): string {
  const [year, month, date] = day.split('-').map(Number)
  const [hour, minute] = time.split(':').map(Number)
  const wall = Date.UTC(year, month - 1, date, hour || 0, minute || 0)
  let instant = wall - offsetMinutes(wall) * 60_000
  const corrected = offsetMinutes(instant)
  if (wall - corrected * 60_000 !== instant) instant = wall - corrected * 60_000
  return new Date(instant).toISOString()
}

/** Today in Catalonia, YYYY-MM-DD (for a date field's lower bound). */
export function programmeToday(now = new Date()): string {
  const value = Object.fromEntries(parts.formatToParts(now).map((part) => [part.type, part.value]))
  return `${value.year}-${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`
}
