/**
 * One answer for every failed sign-in: a wrong password, an address with no account and a locked
 * account read the same, so the sign-in form does not tell strangers which emails have an account.
 */
const wrongSignIn = {
  ca: 'El correu electrònic o la contrasenya no són correctes. Si no recordeu la contrasenya, trieu «Heu oblidat la contrasenya?».',
  es: 'El correo electrónico o la contraseña no son correctos. Si no recordáis la contraseña, elegid «¿Olvidaste tu contraseña?».',
  en: 'The email or password is not correct. If you do not remember your password, choose «Forgot password?».',
}

export const signInTranslations: Record<
  string,
  Record<string, Record<string, string>>
> = Object.fromEntries(
  Object.entries(wrongSignIn).map(([language, message]) => [
    language,
    { error: { emailOrPasswordIncorrect: message, userLocked: message } },
  ]),
)

/**
 * Payload's own Catalan, corrected where a mentor, a mentee or a council employee meets it (sign-in,
 * forgotten password, list and edit views, account, errors): typos («Per pagian», «configuracio»,
 * «Catala»), «Veritat» for yes, a capital «O» mid-sentence («Cerca per Nom O Correu»), and the «tu» of
 * Payload's sentences in the «vós» the rest of the app uses. Buttons keep the usual imperative («Desa»).
 * tests/unit/translations.test.ts lists these keys and checks the known-bad strings are gone.
 */
export const catalanOverrides = {
  authentication: {
    alreadyLoggedIn: 'Ja heu iniciat la sessió',
    backToLogin: "Torna a l'inici de sessió",
    checkYourEmailForPasswordReset:
      "Si l'adreça de correu electrònic correspon a un compte, aviat hi rebreu les instruccions per restablir la contrasenya. Si no trobeu el correu a la safata d'entrada, mireu a la carpeta de correu brossa.",
    forgotPassword: 'Heu oblidat la contrasenya?',
    forgotPasswordEmailInstructions:
      'Escriviu el vostre correu electrònic aquí sota. Us hi enviarem les instruccions per restablir la contrasenya.',
    forgotPasswordQuestion: 'Heu oblidat la contrasenya?',
    forgotPasswordUsernameInstructions:
      "Escriviu el vostre nom d'usuari aquí sota. Les instruccions per restablir la contrasenya s'enviaran al correu electrònic del vostre compte.",
    logBackIn: 'Torna a iniciar la sessió',
    loggedIn: 'Per iniciar la sessió amb un altre compte, primer <0>tanqueu la sessió</0>.',
    loggedInChangePassword:
      'Per canviar la contrasenya, aneu al vostre <0>compte</0> i canvieu-la allà.',
    loggedOutInactivity: "S'ha tancat la sessió perquè feia estona que no hi havia activitat.",
    loggedOutSuccessfully: 'Heu tancat la sessió.',
    login: 'Inicia la sessió',
    loginWithAnotherUser:
      'Per iniciar la sessió amb un altre compte, primer <0>tanqueu la sessió</0>.',
    logout: 'Tanca la sessió',
    logoutSuccessful: "S'ha tancat la sessió.",
    newAccountCreated:
      'S\'ha creat un compte perquè pugueu entrar a <a href="{{serverURL}}">{{serverURL}}</a>. Feu clic a l\'enllaç següent, o copieu-lo al navegador, per verificar el vostre correu electrònic: <a href="{{verificationURL}}">{{verificationURL}}</a><br> Un cop verificat, podreu iniciar la sessió.',
    resetPassword: 'Restableix la contrasenya',
    resetYourPassword: 'Restabliu la contrasenya',
    stayLoggedIn: 'Continua amb la sessió oberta',
    verifyYourEmail: 'Verifiqueu el vostre correu electrònic',
    youAreInactive:
      'Fa una estona que no hi ha activitat i, per seguretat, aviat es tancarà la sessió. Voleu mantenir-la oberta?',
    youAreReceivingResetPassword:
      "Rebeu aquest correu perquè algú (potser vós) ha demanat restablir la contrasenya del vostre compte. Feu clic a l'enllaç següent, o copieu-lo al navegador, per acabar:",
    youDidNotRequestPassword:
      'Si no ho heu demanat vós, no en feu cas: la contrasenya no canviarà.',
  },
  error: {
    deletingTitle: "No s'ha pogut esborrar {{title}}. Comproveu la connexió i torneu-ho a provar.",
    documentNotFound:
      "No s'ha trobat el document {{id}}. Potser s'ha esborrat, no ha existit mai o no hi teniu accés.",
    notAllowedToAccessPage: 'No teniu permís per entrar en aquesta pàgina.',
    notAllowedToPerformAction: 'No teniu permís per fer aquesta acció.',
    unauthorized: 'Cal iniciar la sessió per fer-ho.',
    unverifiedEmail: 'Verifiqueu el vostre correu electrònic abans d’iniciar la sessió.',
  },
  general: {
    changesNotSaved: 'El document té canvis sense desar. Si continueu, es perdran.',
    // A field's label, as the sign-in form shows it: with a capital, as «Contrasenya».
    email: 'Correu electrònic',
    currentlyEditing:
      'està editant aquest document ara mateix. Si hi preneu el control, no podrà continuar editant-lo i potser perdrà els canvis que no hagi desat.',
    false: 'No',
    noResults:
      "No s'ha trobat cap {{label}}: encara no n'hi ha o cap no coincideix amb els filtres triats.",
    or: 'o',
    payloadSettings: 'Configuració',
    perPage: 'Per pàgina: {{limit}}',
    resetPreferencesDescription:
      'Totes les vostres preferències tornaran a ser les de per defecte.',
    thisLanguage: 'Català',
    true: 'Sí',
    unsavedChanges: 'Teniu canvis sense desar. Voleu continuar sense desar-los?',
    unsavedChangesDuplicate: 'Teniu canvis sense desar. Voleu duplicar sense desar-los?',
  },
  validation: {
    emailAddress: 'Escriviu una adreça de correu electrònic vàlida.',
    enterNumber: 'Escriviu un número vàlid.',
    username: "Escriviu un nom d'usuari vàlid: lletres, números, guions, punts i guions baixos.",
  },
} as const

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

/** Everything the plugin adds to Payload's translations: the sign-in answer and the Catalan corrections. */
export const mentoriaTranslations = (): Translations =>
  deepMergeTranslations(signInTranslations, { ca: catalanOverrides })
