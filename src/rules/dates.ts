/** Dates as people in Catalonia read them: 1 de setembre de 2026. */
const formatter = new Intl.DateTimeFormat('ca-ES', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Madrid',
})

export const formatDateCa = (value: Date | string): string => formatter.format(new Date(value))

/** Same day of the month, `months` later (clamped to the month's last day: 31 Jan + 1 → 28/29 Feb). */
export function addMonths(value: Date | string, months: number): Date {
  const start = new Date(value)
  const target = new Date(
    Date.UTC(
      start.getUTCFullYear(),
      start.getUTCMonth() + months,
      1,
      start.getUTCHours(),
      start.getUTCMinutes(),
    ),
  )
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate()
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay))
  return target
}

/** Compares calendar days, so a time of day never decides a rule. */
export const dayOf = (value: Date | string): string => new Date(value).toISOString().slice(0, 10)

/** "el 30 de setembre del 2026", "l'1 d'octubre del 2026": the article Catalan puts before a date. */
export function onDateCa(value: Date | string): string {
  const text = formatDateCa(value)
  return /^(1|11) /.test(text) ? `l'${text}` : `el ${text}`
}

/** "Del 5 de març de 2026 al 4 de març de 2027", "De l'1 d'octubre de 2026 a l'11 de juny de 2027". */
export function fromToCa(start: Date | string, end?: Date | string | null): string {
  const from = formatDateCa(start)
  const elided = (text: string) => /^(1|11) /.test(text)
  const head = elided(from) ? `De l'${from}` : `Del ${from}`
  if (!end) return head
  const to = formatDateCa(end)
  return `${head} ${elided(to) ? `a l'${to}` : `al ${to}`}`
}
