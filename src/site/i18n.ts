/**
 * Words of the public application form, in Catalan first, then Spanish and English.
 * Shared by the page, the browser and the apply endpoint (no Payload or Node imports here).
 */

export const LANGS = ['ca', 'es', 'en'] as const
export type Lang = (typeof LANGS)[number]

export const pickLang = (value: unknown): Lang =>
  typeof value === 'string' && (LANGS as readonly string[]).includes(value) ? (value as Lang) : 'ca'

const LOCALES: Record<Lang, string> = { ca: 'ca-ES', es: 'es-ES', en: 'en-GB' }

/** 1 de setembre de 2026 / 1 de septiembre de 2026 / 1 September 2026, in Catalonia's time zone. */
export function formatDate(value: Date | string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Madrid',
  }).format(new Date(value))
}

/** Catalan puts an article before a date, elided before 1 and 11: «el 30 de setembre», «l'1 d'octubre». */
const elided = (date: string) => /^(1|11) /.test(date)
const el = (date: string) => (elided(date) ? `l'${date}` : `el ${date}`)
const al = (date: string) => (elided(date) ? `a l'${date}` : `al ${date}`)
const del = (date: string) => (elided(date) ? `de l'${date}` : `del ${date}`)

export type Validation = {
  nameRequired: string
  nameTooLong: string
  positionRequired: string
  positionTooLong: string
  municipalityRequired: string
  municipalityUnknown: string
  emailRequired: string
  emailInvalid: string
  phoneInvalid: string
  topicsRequired: string
  topicsUnknown: string
  topicsRepeated: string
  topicsTooMany: string
  needsRequired: string
  needsTooLong: string
  availabilityRequired: string
  availabilityTooLong: string
  languagesRequired: string
  languagesUnknown: string
  dataProcessingRequired: string
  commitmentRequired: string
}

export type Messages = {
  htmlTitle: string
  title: string
  intro: string
  languageNav: string
  languageNames: Record<Lang, string>
  required: string
  optional: string
  allRequired: string
  skipToForm: string
  embedTitle: string
  windowOpen: (close: string) => string
  sections: { person: string; needs: string; availability: string; consents: string }
  fields: {
    name: string
    position: string
    positionHint: string
    municipality: string
    municipalityHint: string
    municipalityPlaceholder: string
    email: string
    emailHint: string
    phone: string
    topics: string
    topicsHint: string
    topicPriority: [string, string, string]
    topicPlaceholder: string
    needs: string
    needsHint: string
    availability: string
    availabilityHint: string
    languages: string
    languagesHint: string
    emailLanguage: string
    emailLanguageHint: string
    dataProcessing: string
    commitment: string
    honeypot: string
  }
  privacyTitle: string
  /** What happens to the data, and for how long (the retention option: src/jobs/retention.ts). */
  privacyText: (retentionMonths: number) => string[]
  commitmentTitle: string
  commitmentText: string[]
  submit: string
  sending: string
  solving: string
  noscriptPow: string
  errorSummaryTitle: (count: number) => string
  errorPrefix: string
  notSent: string
  invalid: string
  networkError: string
  validation: Validation
  successTitle: string
  successText: (email: string | undefined) => string
  nextStepsTitle: string
  nextSteps: (dates: EditionDates) => string[]
  closedTitle: string
  noEdition: string
  notYetOpen: (open: string, close: string) => string
  alreadyClosed: (open: string, close: string) => string
  duplicate: string
  councilNotMember: (name: string) => string
  proofOfWork: string
  tooLarge: string
  unsupportedType: string
  badJson: string
  serverError: string
  backToForm: string
  contact: string
}

export type EditionDates = {
  name?: string
  closesAt?: string
  matchingBy?: string | null
  startBy?: string | null
}

const ca: Messages = {
  htmlTitle: 'Sol·licitud de mentoria · XMESS',
  title: 'Sol·licitud de mentoria',
  intro:
    "Si treballeu en un ajuntament o consell comarcal membre de la XMESS i comenceu a impulsar l'economia social i solidària, una persona d'un altre ens amb experiència us pot acompanyar durant un any. La mentoria és voluntària i gratuïta.",
  languageNav: 'Idioma',
  languageNames: { ca: 'Català', es: 'Castellano', en: 'English' },
  required: 'obligatori',
  optional: 'opcional',
  allRequired: 'Tots els camps són obligatoris, tret dels que diuen «opcional».',
  skipToForm: 'Vés al formulari',
  embedTitle: 'Formulari de sol·licitud de mentoria de la XMESS',
  windowOpen: (close) => `Podeu enviar la sol·licitud fins ${al(close)}.`,
  sections: {
    person: 'Qui sou',
    needs: 'Què necessiteu',
    availability: 'Disponibilitat i llengües',
    consents: 'Dades personals i compromís',
  },
  fields: {
    name: 'Nom i cognoms',
    position: 'Càrrec',
    positionHint: "La vostra feina a l'ens, per exemple «tècnica de promoció econòmica».",
    municipality: 'Ens',
    municipalityHint: 'Només hi poden participar els ens membres de la XMESS.',
    municipalityPlaceholder: 'Trieu el vostre ens',
    email: 'Correu electrònic',
    emailHint: 'Us hi enviarem la confirmació i les propostes.',
    phone: 'Telèfon',
    topics: 'Àmbits en què voleu acompanyament',
    topicsHint: 'Trieu fins a tres àmbits, del que més us importa al que menys.',
    topicPriority: ['Primera prioritat', 'Segona prioritat', 'Tercera prioritat'],
    topicPlaceholder: 'Cap',
    needs: 'Expliqueu què necessiteu',
    needsHint: 'Expliqueu breument en què esteu treballant i en què us agradaria que us ajudessin.',
    availability: 'Disponibilitat i desplaçaments',
    availabilityHint:
      'La mentoria demana dues trobades presencials. Digueu quan us va bé (dies, franges) i si teniu cap limitació per desplaçar-vos a un altre municipi.',
    languages: 'Llengües en què podeu fer les trobades',
    languagesHint: 'Marqueu-ne totes les que us vagin bé.',
    emailLanguage: 'Idioma dels correus',
    emailLanguageHint: 'Us escriurem en aquest idioma durant tota la mentoria.',
    dataProcessing:
      'Accepto que la XMESS tracti les meves dades per gestionar la mentoria, tal com s’explica a dalt.',
    commitment:
      "Em comprometo a fer l'acompanyament, a comunicar a la secretaria de la XMESS les incidències i la data de finalització, i a documentar la mentoria amb la fitxa.",
    honeypot: 'No ompliu aquest camp',
  },
  privacyTitle: 'Com tractem les vostres dades',
  privacyText: (months) => [
    "La secretaria tècnica de la XMESS (Xarxa de Municipis per l'Economia Social i Solidària) farà servir aquestes dades només per gestionar el programa de mentoria: estudiar la sol·licitud, proposar-vos una persona mentora i fer el seguiment de l'acompanyament.",
    "La persona mentora que accepti l'acompanyament veurà el vostre nom, ens, càrrec, correu i telèfon. Ningú més fora de la secretaria. No cedim les dades a tercers.",
    `Si la sol·licitud no arriba a tenir persona mentora, ${months} mesos després del tancament de la convocatòria se n'esborren el nom, el correu, el telèfon i els textos. Si feu la mentoria, les dades es guarden com a registre del programa; la fitxa que es publica no diu el nom de ningú.`,
    "Podeu demanar en qualsevol moment veure-les (us les donem en un fitxer), corregir-les o esborrar-les escrivint a la secretaria de la XMESS. Esborrar-les vol dir que el vostre nom, correu, telèfon i textos se substitueixen per «Persona esborrada» arreu, també a l'historial, i que el compte s'elimina; només queden les xifres del programa, sense nom.",
  ],
  commitmentTitle: 'El vostre compromís',
  commitmentText: [
    "Fer l'acompanyament amb la mateixa persona de principi a fi, amb dues trobades presencials com a mínim, durant un any com a màxim.",
    'Comunicar a la secretaria de la XMESS les incidències i la data de finalització que pacteu.',
    'Documentar la mentoria amb la fitxa del web de la XMESS quan acabi.',
  ],
  submit: 'Envia la sol·licitud',
  sending: "S'està enviant la sol·licitud…",
  solving: "S'està fent una comprovació antirobots, un moment…",
  noscriptPow:
    'Aquest formulari necessita JavaScript per fer una comprovació antirobots. Activeu-lo o escriviu a la secretaria de la XMESS.',
  errorSummaryTitle: (count) =>
    count === 1 ? 'Cal corregir 1 camp' : `Cal corregir ${count} camps`,
  errorPrefix: 'Error:',
  notSent: "No s'ha enviat la sol·licitud",
  invalid: 'Hi ha camps per corregir. Reviseu-los i torneu a enviar la sol·licitud.',
  networkError: "No s'ha pogut enviar la sol·licitud. Comproveu la connexió i torneu-ho a provar.",
  validation: {
    nameRequired: 'Escriviu el vostre nom i cognoms.',
    nameTooLong: 'El nom és massa llarg (màxim 200 caràcters).',
    positionRequired: "Escriviu el vostre càrrec a l'ens.",
    positionTooLong: 'El càrrec és massa llarg (màxim 200 caràcters).',
    municipalityRequired: 'Trieu el vostre ens de la llista.',
    municipalityUnknown: 'Aquest ens no és a la llista. Trieu el vostre ens de la llista.',
    emailRequired: 'Escriviu la vostra adreça de correu electrònic.',
    emailInvalid: 'Escriviu una adreça de correu vàlida, com ara nom@ajuntament.cat.',
    phoneInvalid: 'Escriviu un telèfon vàlid: xifres, espais i, si cal, el prefix amb +.',
    topicsRequired: 'Trieu com a mínim un àmbit (la primera prioritat).',
    topicsUnknown: 'Trieu els àmbits de la llista.',
    topicsRepeated: 'No repetiu el mateix àmbit en dues prioritats.',
    topicsTooMany: 'Trieu com a màxim tres àmbits.',
    needsRequired: 'Expliqueu breument què necessiteu.',
    needsTooLong: 'El text és massa llarg (màxim 4.000 caràcters).',
    availabilityRequired:
      'Expliqueu la vostra disponibilitat i si us podeu desplaçar a les dues trobades presencials.',
    availabilityTooLong: 'El text és massa llarg (màxim 2.000 caràcters).',
    languagesRequired: 'Marqueu com a mínim una llengua.',
    languagesUnknown: 'Marqueu les llengües de la llista.',
    dataProcessingRequired:
      'Cal acceptar el tractament de les dades personals per poder participar.',
    commitmentRequired:
      "Cal comprometre's a fer l'acompanyament, comunicar les incidències i documentar la fitxa.",
  },
  successTitle: 'Hem rebut la vostra sol·licitud',
  successText: (email) =>
    email
      ? `Gràcies. Us hem enviat una confirmació a ${email}. Si no la veieu, mireu el correu brossa.`
      : 'Gràcies. Us hem enviat una confirmació per correu electrònic. Si no la veieu, mireu el correu brossa.',
  nextStepsTitle: 'Què passa ara',
  nextSteps: (dates) => [
    dates.closesAt
      ? `La secretaria revisa les sol·licituds quan es tanca el termini, ${el(dates.closesAt)}.`
      : 'La secretaria revisa les sol·licituds quan es tanca el termini.',
    dates.matchingBy
      ? `Aparellament: com a tard ${el(dates.matchingBy)} us proposarem una persona mentora segons les vostres necessitats i disponibilitat.`
      : "Aparellament, a l'octubre: us proposarem una persona mentora segons les vostres necessitats i disponibilitat.",
    dates.startBy
      ? `Inici, abans ${del(dates.startBy)}: us posareu en contacte amb la persona mentora i pactareu els objectius, les activitats i el calendari de l'acompanyament.`
      : "Inici, al novembre: us posareu en contacte amb la persona mentora i pactareu els objectius, les activitats i el calendari de l'acompanyament.",
    "L'acompanyament dura un any com a màxim, amb dues trobades presencials, i acaba amb una valoració i la fitxa de la mentoria.",
  ],
  closedTitle: 'Ara no es poden enviar sol·licituds',
  noEdition: 'Ara no hi ha cap convocatòria oberta. La XMESS obre les sol·licituds cada setembre.',
  notYetOpen: (open, close) =>
    `Les sol·licituds encara no són obertes: s'obren ${el(open)} i es tanquen ${el(close)}.`,
  alreadyClosed: (open, close) =>
    `El termini de sol·licituds es va tancar ${el(close)} (s'havia obert ${el(open)}).`,
  duplicate: 'Aquesta adreça de correu ja té una sol·licitud oberta en aquesta convocatòria.',
  councilNotMember: (name) =>
    `${name} no és membre de la XMESS: només hi poden participar els ens membres.`,
  proofOfWork: 'La comprovació antirobots no és vàlida o ha caducat. Torneu a enviar el formulari.',
  tooLarge: 'La sol·licitud és massa llarga. Escurceu els textos i torneu-ho a provar.',
  unsupportedType:
    'Envieu la sol·licitud com a JSON o com a formulari (application/x-www-form-urlencoded).',
  badJson: 'El contingut enviat no és JSON vàlid.',
  serverError:
    "Ara no s'ha pogut desar la sol·licitud. Torneu-ho a provar d'aquí a una estona; si continua passant, escriviu a la secretaria de la XMESS.",
  backToForm: 'Torna al formulari',
  contact: 'Dubtes? Escriviu a la secretaria tècnica de la XMESS.',
}

const es: Messages = {
  htmlTitle: 'Solicitud de mentoría · XMESS',
  title: 'Solicitud de mentoría',
  intro:
    'Si trabaja en un ayuntamiento o consejo comarcal miembro de la XMESS y empieza a impulsar la economía social y solidaria, una persona de otro ente con experiencia puede acompañarle durante un año. La mentoría es voluntaria y gratuita.',
  languageNav: 'Idioma',
  languageNames: ca.languageNames,
  required: 'obligatorio',
  optional: 'opcional',
  allRequired: 'Todos los campos son obligatorios, salvo los que dicen «opcional».',
  skipToForm: 'Ir al formulario',
  embedTitle: 'Formulario de solicitud de mentoría de la XMESS',
  windowOpen: (close) => `Puede enviar la solicitud hasta el ${close}.`,
  sections: {
    person: 'Quién es',
    needs: 'Qué necesita',
    availability: 'Disponibilidad y lenguas',
    consents: 'Datos personales y compromiso',
  },
  fields: {
    name: 'Nombre y apellidos',
    position: 'Cargo',
    positionHint: 'Su trabajo en el ente, por ejemplo «técnica de promoción económica».',
    municipality: 'Ente',
    municipalityHint: 'Solo pueden participar los entes miembros de la XMESS.',
    municipalityPlaceholder: 'Elija su ente',
    email: 'Correo electrónico',
    emailHint: 'Le enviaremos la confirmación y las propuestas.',
    phone: 'Teléfono',
    topics: 'Ámbitos en los que quiere acompañamiento',
    topicsHint: 'Elija hasta tres ámbitos, del que más le importa al que menos.',
    topicPriority: ['Primera prioridad', 'Segunda prioridad', 'Tercera prioridad'],
    topicPlaceholder: 'Ninguno',
    needs: 'Explique qué necesita',
    needsHint: 'Explique brevemente en qué está trabajando y en qué le gustaría que le ayudasen.',
    availability: 'Disponibilidad y desplazamientos',
    availabilityHint:
      'La mentoría pide dos encuentros presenciales. Indique cuándo le va bien (días, franjas) y si tiene alguna limitación para desplazarse a otro municipio.',
    languages: 'Lenguas en las que puede hacer los encuentros',
    languagesHint: 'Marque todas las que le vayan bien.',
    emailLanguage: 'Idioma de los correos',
    emailLanguageHint: 'Le escribiremos en este idioma durante toda la mentoría.',
    dataProcessing:
      'Acepto que la XMESS trate mis datos para gestionar la mentoría, tal como se explica arriba.',
    commitment:
      'Me comprometo a realizar el acompañamiento, a comunicar a la secretaría de la XMESS las incidencias y la fecha de finalización, y a documentar la mentoría con la ficha.',
    honeypot: 'No rellene este campo',
  },
  privacyTitle: 'Cómo tratamos sus datos',
  privacyText: (months) => [
    'La secretaría técnica de la XMESS (Red de Municipios por la Economía Social y Solidaria) usará estos datos solo para gestionar el programa de mentoría: estudiar la solicitud, proponerle una persona mentora y hacer el seguimiento del acompañamiento.',
    'La persona mentora que acepte el acompañamiento verá su nombre, ente, cargo, correo y teléfono. Nadie más fuera de la secretaría. No cedemos los datos a terceros.',
    `Si la solicitud no llega a tener persona mentora, ${months} meses después del cierre de la convocatoria se borran el nombre, el correo, el teléfono y los textos. Si hace la mentoría, los datos se guardan como registro del programa; la ficha que se publica no dice el nombre de nadie.`,
    'Puede pedir en cualquier momento verlos (se los damos en un archivo), corregirlos o borrarlos escribiendo a la secretaría de la XMESS. Borrarlos quiere decir que su nombre, correo, teléfono y textos se sustituyen por «Persona esborrada» en todas partes, también en el historial, y que la cuenta se elimina; solo quedan las cifras del programa, sin nombre.',
  ],
  commitmentTitle: 'Su compromiso',
  commitmentText: [
    'Hacer el acompañamiento con la misma persona de principio a fin, con dos encuentros presenciales como mínimo, durante un año como máximo.',
    'Comunicar a la secretaría de la XMESS las incidencias y la fecha de finalización que acuerden.',
    'Documentar la mentoría con la ficha de la web de la XMESS cuando termine.',
  ],
  submit: 'Enviar la solicitud',
  sending: 'Enviando la solicitud…',
  solving: 'Haciendo una comprobación antirobots, un momento…',
  noscriptPow:
    'Este formulario necesita JavaScript para hacer una comprobación antirobots. Actívelo o escriba a la secretaría de la XMESS.',
  errorSummaryTitle: (count) =>
    count === 1 ? 'Hay que corregir 1 campo' : `Hay que corregir ${count} campos`,
  errorPrefix: 'Error:',
  notSent: 'No se ha enviado la solicitud',
  invalid: 'Hay campos por corregir. Revíselos y vuelva a enviar la solicitud.',
  networkError: 'No se ha podido enviar la solicitud. Compruebe la conexión y vuelva a intentarlo.',
  validation: {
    nameRequired: 'Escriba su nombre y apellidos.',
    nameTooLong: 'El nombre es demasiado largo (máximo 200 caracteres).',
    positionRequired: 'Escriba su cargo en el ente.',
    positionTooLong: 'El cargo es demasiado largo (máximo 200 caracteres).',
    municipalityRequired: 'Elija su ente de la lista.',
    municipalityUnknown: 'Este ente no está en la lista. Elija su ente de la lista.',
    emailRequired: 'Escriba su dirección de correo electrónico.',
    emailInvalid: 'Escriba una dirección de correo válida, como nombre@ajuntament.cat.',
    phoneInvalid:
      'Escriba un teléfono válido: cifras, espacios y, si hace falta, el prefijo con +.',
    topicsRequired: 'Elija al menos un ámbito (la primera prioridad).',
    topicsUnknown: 'Elija los ámbitos de la lista.',
    topicsRepeated: 'No repita el mismo ámbito en dos prioridades.',
    topicsTooMany: 'Elija como máximo tres ámbitos.',
    needsRequired: 'Explique brevemente qué necesita.',
    needsTooLong: 'El texto es demasiado largo (máximo 4.000 caracteres).',
    availabilityRequired:
      'Explique su disponibilidad y si puede desplazarse a los dos encuentros presenciales.',
    availabilityTooLong: 'El texto es demasiado largo (máximo 2.000 caracteres).',
    languagesRequired: 'Marque al menos una lengua.',
    languagesUnknown: 'Marque las lenguas de la lista.',
    dataProcessingRequired:
      'Hay que aceptar el tratamiento de los datos personales para poder participar.',
    commitmentRequired:
      'Hay que comprometerse a realizar el acompañamiento, comunicar las incidencias y documentar la ficha.',
  },
  successTitle: 'Hemos recibido su solicitud',
  successText: (email) =>
    email
      ? `Gracias. Le hemos enviado una confirmación a ${email}. Si no la ve, mire el correo no deseado.`
      : 'Gracias. Le hemos enviado una confirmación por correo electrónico. Si no la ve, mire el correo no deseado.',
  nextStepsTitle: 'Qué pasa ahora',
  nextSteps: (dates) => [
    dates.closesAt
      ? `La secretaría revisa las solicitudes cuando se cierra el plazo, el ${dates.closesAt}.`
      : 'La secretaría revisa las solicitudes cuando se cierra el plazo.',
    dates.matchingBy
      ? `Emparejamiento: como tarde el ${dates.matchingBy} le propondremos una persona mentora según sus necesidades y disponibilidad.`
      : 'Emparejamiento, en octubre: le propondremos una persona mentora según sus necesidades y disponibilidad.',
    dates.startBy
      ? `Inicio, antes del ${dates.startBy}: contactará con la persona mentora y acordarán los objetivos, las actividades y el calendario del acompañamiento.`
      : 'Inicio, en noviembre: contactará con la persona mentora y acordarán los objetivos, las actividades y el calendario del acompañamiento.',
    'El acompañamiento dura un año como máximo, con dos encuentros presenciales, y termina con una valoración y la ficha de la mentoría.',
  ],
  closedTitle: 'Ahora no se pueden enviar solicitudes',
  noEdition:
    'Ahora no hay ninguna convocatoria abierta. La XMESS abre las solicitudes cada septiembre.',
  notYetOpen: (open, close) =>
    `Las solicitudes aún no están abiertas: se abren el ${open} y se cierran el ${close}.`,
  alreadyClosed: (open, close) =>
    `El plazo de solicitudes se cerró el ${close} (estaba abierto desde el ${open}).`,
  duplicate: 'Esta dirección de correo ya tiene una solicitud abierta en esta convocatoria.',
  councilNotMember: (name) =>
    `${name} no es miembro de la XMESS: solo pueden participar los entes miembros.`,
  proofOfWork:
    'La comprobación antirobots no es válida o ha caducado. Vuelva a enviar el formulario.',
  tooLarge: 'La solicitud es demasiado larga. Acorte los textos y vuelva a intentarlo.',
  unsupportedType:
    'Envíe la solicitud como JSON o como formulario (application/x-www-form-urlencoded).',
  badJson: 'El contenido enviado no es JSON válido.',
  serverError:
    'Ahora no se ha podido guardar la solicitud. Vuelva a intentarlo dentro de un rato; si sigue pasando, escriba a la secretaría de la XMESS.',
  backToForm: 'Volver al formulario',
  contact: '¿Dudas? Escriba a la secretaría técnica de la XMESS.',
}

const en: Messages = {
  htmlTitle: 'Apply for mentoring · XMESS',
  title: 'Apply for mentoring',
  intro:
    'If you work for a council or county council that is a member of the XMESS and you are starting to promote the social and solidarity economy, an experienced person from another council can support you for a year. Mentoring is voluntary and free.',
  languageNav: 'Language',
  languageNames: ca.languageNames,
  required: 'required',
  optional: 'optional',
  allRequired: 'All fields are required unless marked “optional”.',
  skipToForm: 'Skip to the form',
  embedTitle: 'XMESS mentoring application form',
  windowOpen: (close) => `You can apply until ${close}.`,
  sections: {
    person: 'About you',
    needs: 'What you need',
    availability: 'Availability and languages',
    consents: 'Personal data and commitment',
  },
  fields: {
    name: 'Full name',
    position: 'Position',
    positionHint: 'Your job at the council, for example “local economic development officer”.',
    municipality: 'Council',
    municipalityHint: 'Only XMESS member councils can take part.',
    municipalityPlaceholder: 'Choose your council',
    email: 'Email',
    emailHint: 'We will send the confirmation and the proposals here.',
    phone: 'Phone',
    topics: 'Areas where you want support',
    topicsHint:
      'Choose up to three areas, from the one that matters most to the one that matters least.',
    topicPriority: ['First priority', 'Second priority', 'Third priority'],
    topicPlaceholder: 'None',
    needs: 'Describe what you need',
    needsHint: 'Say briefly what you are working on and what you would like help with.',
    availability: 'Availability and travel',
    availabilityHint:
      'Mentoring includes two in-person meetings. Tell us when suits you (days, times) and whether anything limits your travel to another town.',
    languages: 'Languages you can meet in',
    languagesHint: 'Tick all that suit you.',
    emailLanguage: 'Email language',
    emailLanguageHint: 'We will write to you in this language throughout the mentoring.',
    dataProcessing:
      'I agree that the XMESS processes my data to run the mentoring programme, as explained above.',
    commitment:
      'I commit to carry out the mentoring, to tell the XMESS secretariat about incidents and the agreed end date, and to write up the mentoring in the fitxa.',
    honeypot: 'Do not fill in this field',
  },
  privacyTitle: 'How we use your data',
  privacyText: (months) => [
    'The technical secretariat of the XMESS (Network of Municipalities for the Social and Solidarity Economy) will use this data only to run the mentoring programme: to review your application, propose a mentor and follow the mentoring.',
    'The mentor who accepts to support you will see your name, council, position, email and phone. Nobody else outside the secretariat. We do not pass the data on to anyone.',
    `If your application is not paired with a mentor, its name, email, phone and texts are erased ${months} months after the call closes. If you do the mentoring, the data is kept as the programme's record; the published fitxa names nobody.`,
    "You can ask at any time to see it (we give it to you in a file), correct it or erase it by writing to the XMESS secretariat. Erasing means your name, email, phone and texts are replaced by «Persona esborrada» everywhere, history included, and your account is removed; only the programme's figures remain, with no name.",
  ],
  commitmentTitle: 'Your commitment',
  commitmentText: [
    'Carry out the mentoring with the same person from start to finish, with at least two in-person meetings, for a year at most.',
    'Tell the XMESS secretariat about incidents and the end date you agree.',
    'Write up the mentoring in the fitxa on the XMESS website when it ends.',
  ],
  submit: 'Send the application',
  sending: 'Sending the application…',
  solving: 'Running a quick anti-robot check…',
  noscriptPow:
    'This form needs JavaScript for an anti-robot check. Please turn it on or write to the XMESS secretariat.',
  errorSummaryTitle: (count) =>
    count === 1 ? '1 field needs fixing' : `${count} fields need fixing`,
  errorPrefix: 'Error:',
  notSent: 'The application was not sent',
  invalid: 'Some fields need fixing. Please check them and send the application again.',
  networkError: 'The application could not be sent. Check your connection and try again.',
  validation: {
    nameRequired: 'Enter your full name.',
    nameTooLong: 'The name is too long (200 characters at most).',
    positionRequired: 'Enter your position at the council.',
    positionTooLong: 'The position is too long (200 characters at most).',
    municipalityRequired: 'Choose your council from the list.',
    municipalityUnknown: 'This council is not on the list. Choose your council from the list.',
    emailRequired: 'Enter your email address.',
    emailInvalid: 'Enter a valid email address, like name@ajuntament.cat.',
    phoneInvalid: 'Enter a valid phone number: digits, spaces and, if needed, a + prefix.',
    topicsRequired: 'Choose at least one area (the first priority).',
    topicsUnknown: 'Choose areas from the list.',
    topicsRepeated: 'Do not choose the same area for two priorities.',
    topicsTooMany: 'Choose three areas at most.',
    needsRequired: 'Say briefly what you need.',
    needsTooLong: 'The text is too long (4,000 characters at most).',
    availabilityRequired:
      'Tell us your availability and whether you can travel to the two in-person meetings.',
    availabilityTooLong: 'The text is too long (2,000 characters at most).',
    languagesRequired: 'Tick at least one language.',
    languagesUnknown: 'Tick languages from the list.',
    dataProcessingRequired:
      'You need to agree to the processing of your personal data to take part.',
    commitmentRequired:
      'You need to commit to the mentoring, to report incidents and to write the fitxa.',
  },
  successTitle: 'We have received your application',
  successText: (email) =>
    email
      ? `Thank you. We have sent a confirmation to ${email}. If you cannot see it, check your spam folder.`
      : 'Thank you. We have sent you a confirmation by email. If you cannot see it, check your spam folder.',
  nextStepsTitle: 'What happens next',
  nextSteps: (dates) => [
    dates.closesAt
      ? `The secretariat reviews the applications when the call closes on ${dates.closesAt}.`
      : 'The secretariat reviews the applications when the call closes.',
    dates.matchingBy
      ? `Matching: by ${dates.matchingBy} at the latest we will propose a mentor based on your needs and availability.`
      : 'Matching, in October: we will propose a mentor based on your needs and availability.',
    dates.startBy
      ? `Start, before ${dates.startBy}: you contact your mentor and agree the goals, activities and calendar of the mentoring.`
      : 'Start, in November: you contact your mentor and agree the goals, activities and calendar of the mentoring.',
    'Mentoring lasts a year at most, with two in-person meetings, and ends with an evaluation and the fitxa.',
  ],
  closedTitle: 'Applications are not open now',
  noEdition: 'There is no open call right now. The XMESS opens applications every September.',
  notYetOpen: (open, close) =>
    `Applications are not open yet: they open on ${open} and close on ${close}.`,
  alreadyClosed: (open, close) => `Applications closed on ${close} (they were open from ${open}).`,
  duplicate: 'This email address already has an open application in this call.',
  councilNotMember: (name) => `${name} is not an XMESS member: only member councils can take part.`,
  proofOfWork: 'The anti-robot check is not valid or has expired. Please send the form again.',
  tooLarge: 'The application is too long. Please shorten the texts and try again.',
  unsupportedType: 'Send the application as JSON or as a form (application/x-www-form-urlencoded).',
  badJson: 'The content sent is not valid JSON.',
  serverError:
    'The application could not be saved just now. Please try again in a while; if it keeps happening, write to the XMESS secretariat.',
  backToForm: 'Back to the form',
  contact: 'Questions? Write to the XMESS technical secretariat.',
}

export const MESSAGES: Record<Lang, Messages> = { ca, es, en }

export const messagesFor = (lang: Lang): Messages => MESSAGES[lang]

/** Names of the default àmbits in Spanish and English; other topics keep the label the secretariat gave. */
const TOPIC_TRANSLATIONS: Record<string, { es: string; en: string }> = {
  'estrategia-ess': {
    es: 'Estrategia y plan municipal de ESS',
    en: 'Municipal SSE strategy and plan',
  },
  'contractacio-responsable': {
    es: 'Contratación pública responsable',
    en: 'Responsible public procurement',
  },
  cooperativisme: {
    es: 'Cooperativismo y emprendimiento colectivo',
    en: 'Co-operatives and collective enterprise',
  },
  'mercat-social': {
    es: 'Mercado social y consumo responsable',
    en: 'Social market and responsible consumption',
  },
  'finances-etiques': { es: 'Finanzas éticas', en: 'Ethical finance' },
  'habitatge-cooperatiu': { es: 'Vivienda cooperativa', en: 'Co-operative housing' },
  'energia-comunitaria': { es: 'Energía comunitaria', en: 'Community energy' },
  'sobirania-alimentaria': { es: 'Soberanía alimentaria', en: 'Food sovereignty' },
  'ateneus-cooperatius': {
    es: 'Ateneos cooperativos y espacios de innovación',
    en: 'Co-operative hubs and innovation spaces',
  },
  'economia-feminista': {
    es: 'Economía feminista y de los cuidados',
    en: 'Feminist and care economy',
  },
  'insercio-sociolaboral': { es: 'Inserción sociolaboral', en: 'Work integration' },
  'bens-comuns': {
    es: 'Bienes comunes y gestión comunitaria',
    en: 'Commons and community management',
  },
}

export const topicLabel = (
  topic: { value: string; label: string; es?: string | null; en?: string | null },
  lang: Lang,
): string =>
  lang === 'ca'
    ? topic.label
    : topic[lang] || TOPIC_TRANSLATIONS[topic.value]?.[lang] || topic.label

/** Plain-language names for a label that Payload keeps as `{ ca, es, en }` or a string. */
export const localLabel = (label: unknown, lang: Lang): string => {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') {
    const record = label as Record<string, unknown>
    const value = record[lang] ?? record.ca
    if (typeof value === 'string') return value
  }
  return ''
}
