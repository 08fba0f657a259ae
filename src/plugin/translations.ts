/**
 * One answer for every failed sign-in: a wrong password, an address with no account and a locked
 * account read the same, so the sign-in form does not tell strangers which emails have an account.
 */
const wrongSignIn = {
  ca: "El correu electrònic o la contrasenya no són correctes. Si no recordeu la contrasenya, trieu «Has oblidat la contrasenya?».",
  es: 'El correo electrónico o la contraseña no son correctos. Si no recordáis la contraseña, elegid «¿Olvidaste tu contraseña?».',
  en: 'The email or password is not correct. If you do not remember your password, choose «Forgot password?».',
}

export const signInTranslations: Record<string, Record<string, Record<string, string>>> = Object.fromEntries(
  Object.entries(wrongSignIn).map(([language, message]) => [language, { error: { emailOrPasswordIncorrect: message, userLocked: message } }]),
)

type Translations = Record<string, unknown>

export function deepMergeTranslations(base: unknown, extra: Translations): Translations {
  const result: Translations = { ...((base as Translations | undefined) ?? {}) }
  for (const [key, value] of Object.entries(extra)) {
    const current = result[key]
    result[key] =
      value && typeof value === 'object' && current && typeof current === 'object'
        ? deepMergeTranslations(current, value as Translations)
        : value
  }
  return result
}
