import { COMMON_PASSWORDS } from './common-passwords'

/**
 * The password policy for a password a person chooses (NIST SP 800-63B §3.1.1.2): long enough, and
 * not one an attacker tries first. No composition rules (no "one capital, one digit"), no expiry:
 * length and a list of refused passwords. Pure: the callers pass the account's email and name.
 */
export const PASSWORD_MIN_LENGTH = 8
/** Payload hashes whatever it is given; a cap keeps the hashing cost bounded (NIST allows ≥ 64). */
export const PASSWORD_MAX_LENGTH = 256

/** Words that belong to this service: a password built on them is the second thing an attacker tries. */
export const CONTEXT_WORDS: readonly string[] = [
  'xmess',
  'mentoria',
  'mentories',
  'mentora',
  'mentor',
  'mentorada',
  'mentorat',
  'ess',
  'economiasocial',
  'economiasolidaria',
  'xarxa',
  'municipis',
]

export type PasswordMessage = { ca: string; es: string; en: string }
export type PasswordCheck =
  | { ok: true }
  | { ok: false; reason: 'short' | 'long' | 'common' | 'personal'; message: PasswordMessage }

/** Lower case, accents off (ç → c), so "Contrasenya" and "CONTRASENYA" are one word. */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

const common = new Set(COMMON_PASSWORDS.map((word) => fold(word)))

const advice = {
  ca: 'Trieu-ne una de més llarga i pròpia, per exemple tres o quatre paraules que recordeu juntes.',
  es: 'Elegid una más larga y propia, por ejemplo tres o cuatro palabras que recordéis juntas.',
  en: 'Choose a longer one of your own, for example three or four words you remember together.',
}

const messages: Record<Exclude<PasswordCheck, { ok: true }>['reason'], PasswordMessage> = {
  short: {
    ca: `La contrasenya ha de tenir almenys ${PASSWORD_MIN_LENGTH} caràcters. ${advice.ca}`,
    es: `La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres. ${advice.es}`,
    en: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long. ${advice.en}`,
  },
  long: {
    ca: `La contrasenya pot tenir com a màxim ${PASSWORD_MAX_LENGTH} caràcters.`,
    es: `La contraseña puede tener como máximo ${PASSWORD_MAX_LENGTH} caracteres.`,
    en: `The password can be at most ${PASSWORD_MAX_LENGTH} characters long.`,
  },
  common: {
    ca: `La contrasenya és de les més usades o fàcils d'endevinar (una seqüència, una repetició o una de les llistes de contrasenyes conegudes). ${advice.ca}`,
    es: `La contraseña es de las más usadas o fáciles de adivinar (una secuencia, una repetición o una de las listas de contraseñas conocidas). ${advice.es}`,
    en: `The password is one of the most used or easiest to guess (a sequence, a repetition or one from the lists of known passwords). ${advice.en}`,
  },
  personal: {
    ca: `La contrasenya no pot ser el vostre correu, el vostre nom ni el nom del programa (Mentoria XMESS), tot sol o amb números al final. ${advice.ca}`,
    es: `La contraseña no puede ser vuestro correo, vuestro nombre ni el nombre del programa (Mentoria XMESS), solo o con números al final. ${advice.es}`,
    en: `The password cannot be your email, your name or the programme's name (Mentoria XMESS), alone or with digits at the end. ${advice.en}`,
  },
}

const refuse = (reason: keyof typeof messages): PasswordCheck => ({
  ok: false,
  reason,
  message: messages[reason],
})

/** Only letters and digits: "Mentoria-2026!" → "mentoria2026". */
const bare = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '')

/** Without the digits and signs added at the end: "password123!" → "password". */
const stem = (text: string) => text.replace(/[^\p{L}]+$/u, '')

/** One character repeated, or a run up or down the alphabet or the digits ("12345678", "abcdefgh", "98765432"). */
function isRunOrRepeat(text: string): boolean {
  const chars = [...text]
  if (chars.length < 2) return true
  const codes = chars.map((char) => char.codePointAt(0) ?? 0)
  const steps = new Set(codes.slice(1).map((code, index) => code - codes[index]))
  if (steps.size === 1 && [...steps].every((step) => Math.abs(step) <= 1)) return true
  // The same short block over and over ("abcabcabc", "12121212", "qwerqwer").
  for (let size = 1; size <= Math.floor(chars.length / 2); size++) {
    const block = chars.slice(0, size).join('')
    if (chars.length % size === 0 && block.repeat(chars.length / size) === chars.join(''))
      return true
  }
  return false
}

/** Words of the person: the email's local part and its pieces, the name's words (3 letters or more). */
function personalWords({ email, name }: { email?: string | null; name?: string | null }): string[] {
  const local = fold(email?.split('@')[0] ?? '')
  const pieces = [
    local,
    bare(local),
    ...local.split(/[^\p{L}\p{N}]+/u),
    ...fold(name ?? '').split(/[^\p{L}\p{N}]+/u),
    bare(fold(name ?? '')),
  ]
  return pieces.filter((word) => word.length >= 3)
}

/**
 * Whether `password` may be chosen by the person with this email and name. Refused: shorter than 8
 * characters; one of the common passwords (or one with digits and signs added at the end); a run or a
 * repetition; the service's or the person's own words, alone or with digits and signs around them.
 */
export function checkNewPassword(
  password: unknown,
  person: { email?: string | null; name?: string | null } = {},
): PasswordCheck {
  if (typeof password !== 'string' || [...password].length < PASSWORD_MIN_LENGTH)
    return refuse('short')
  if ([...password].length > PASSWORD_MAX_LENGTH) return refuse('long')
  const folded = fold(password)
  const letters = bare(folded)
  const candidates = new Set([
    folded,
    letters,
    stem(folded),
    stem(letters),
    folded.replace(/^[^\p{L}]+/u, ''),
    letters.replace(/^\p{N}+/u, ''),
  ])
  for (const candidate of candidates)
    if (common.has(candidate) || common.has(stem(candidate))) return refuse('common')
  if (isRunOrRepeat(folded) || isRunOrRepeat(letters)) return refuse('common')
  // What is left once the service's and the person's words found in it, and the digits, are taken out.
  const present = [...CONTEXT_WORDS, ...personalWords(person)]
    .filter((word) => letters.includes(word))
    .sort((a, b) => b.length - a.length)
  if (present.length > 0) {
    let rest = letters
    for (const word of present) rest = rest.split(word).join('')
    if (rest.replace(/\p{N}+/gu, '').length < 3) return refuse('personal')
  }
  return { ok: true }
}
