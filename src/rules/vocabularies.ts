/**
 * The vocabularies the secretariat edits («Vocabularis»): the àmbits (topics) of applications,
 * mentors and fitxes, and the fitxa's «Classificació simplificada». Pure checks of a new list against
 * the old one; the uses are counted by the service (src/services/vocabularies.ts).
 */

export type VocabularyItem = {
  value: string
  label: string
  es?: string | null
  en?: string | null
}

export type Vocabularies = { topics: VocabularyItem[]; fitxaClassifications: VocabularyItem[] }

export type VocabularyKind = keyof Vocabularies

export const VOCABULARY_KINDS: readonly VocabularyKind[] = ['topics', 'fitxaClassifications']

/** What each list is called in a sentence: «l'àmbit», «la classificació». */
export const VOCABULARY_WORDS: Record<
  VocabularyKind,
  { one: string; the: string; it: string; list: string }
> = {
  topics: { one: 'un àmbit', the: "l'àmbit", it: 'el', list: 'Àmbits' },
  fitxaClassifications: {
    one: 'una classificació',
    the: 'la classificació',
    it: 'la',
    list: 'Classificació simplificada',
  },
}

export const VOCABULARY_VALUE = /^[a-z0-9][a-z0-9-]*$/

/** The first problem of a list as the secretariat wrote it, in one Catalan sentence, or undefined. */
export function vocabularyProblem(
  kind: VocabularyKind,
  items: readonly { value?: unknown; label?: unknown }[],
): string | undefined {
  const words = VOCABULARY_WORDS[kind]
  if (items.length === 0) return `${words.list}: cal com a mínim ${words.one}.`
  const seen = new Set<string>()
  for (const item of items) {
    const value = typeof item.value === 'string' ? item.value : ''
    if (!VOCABULARY_VALUE.test(value)) {
      return `${words.list}: el valor «${value}» no és vàlid; ha de ser en minúscules, xifres i guionets (per exemple «finances-etiques»).`
    }
    if (typeof item.label !== 'string' || item.label.trim() === '')
      return `${words.list}: ${words.the} «${value}» necessita un nom.`
    if (seen.has(value)) return `${words.list}: el valor «${value}» està repetit.`
    seen.add(value)
  }
  return undefined
}

/** Values of `before` that `after` no longer has. */
export function removedValues(
  before: readonly { value: string }[],
  after: readonly { value: string }[],
): string[] {
  const kept = new Set(after.map((item) => item.value))
  return before.map((item) => item.value).filter((value) => !kept.has(value))
}

export type VocabularyUses = {
  candidates: number
  mentors: number
  'mentor-offers': number
  fitxes: number
}

const USE_WORDS: Record<keyof VocabularyUses, [string, string]> = {
  candidates: ['sol·licitud', 'sol·licituds'],
  mentors: ['persona mentora', 'persones mentores'],
  'mentor-offers': ['oferta de mentoria', 'ofertes de mentoria'],
  fitxes: ['fitxa', 'fitxes'],
}

/** The refusal of removing a value still in use, naming the value and how many records use it. */
export function valueInUseMessage(
  kind: VocabularyKind,
  item: { value: string; label: string },
  uses: VocabularyUses,
): string {
  const total = Object.values(uses).reduce((sum, count) => sum + count, 0)
  const parts = (Object.keys(USE_WORDS) as (keyof VocabularyUses)[])
    .filter((key) => uses[key] > 0)
    .map((key) => `${uses[key]} ${uses[key] === 1 ? USE_WORDS[key][0] : USE_WORDS[key][1]}`)
  const records = total === 1 ? '1 registre' : `${total} registres`
  return (
    `No es pot treure ${VOCABULARY_WORDS[kind].the} «${item.label}» (${item.value}): encara ${VOCABULARY_WORDS[kind].it} ${total === 1 ? 'fa' : 'fan'} servir ${records} (${parts.join(', ')}). ` +
    `Canvieu abans aquests registres a un altre valor, o deixeu-lo a la llista.`
  )
}

/** Whether `value` is in the list (how select-like fields are checked against the current vocabulary). */
export function unknownValues(
  list: readonly { value: string }[],
  values: readonly unknown[],
): string[] {
  const known = new Set(list.map((item) => item.value))
  return values.map(String).filter((value) => !known.has(value))
}
