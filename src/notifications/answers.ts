/** What a mentor reads after answering a proposal from the email link (endpoint and pages alike), in their language. */
import type { EmailLang } from './language'

const RESULTS = {
  ca: {
    accepted:
      'Gràcies! Heu acceptat la proposta. La persona sol·licitant rebrà les vostres dades de contacte i us escriurà per començar.',
    declined:
      'Entesos: heu declinat la proposta, sense cap compromís. La secretaria tècnica buscarà una altra persona mentora.',
    used: "Aquest enllaç ja s'ha fet servir, o la proposta ja s'ha respost.",
    expired:
      "Aquest enllaç ha caducat. Podeu respondre des de l'aplicació o escriure a la secretaria tècnica.",
    invalid: 'Aquest enllaç no és vàlid. Copieu-lo sencer des del correu.',
    refused: "No s'ha pogut registrar la resposta.",
  },
  es: {
    accepted:
      '¡Gracias! Habéis aceptado la propuesta. La persona solicitante recibirá vuestros datos de contacto y os escribirá para empezar.',
    declined:
      'Entendido: habéis declinado la propuesta, sin ningún compromiso. La secretaría técnica buscará otra persona mentora.',
    used: 'Este enlace ya se ha usado, o la propuesta ya se ha respondido.',
    expired:
      'Este enlace ha caducado. Podéis responder desde la aplicación o escribir a la secretaría técnica.',
    invalid: 'Este enlace no es válido. Copiadlo entero desde el correo.',
    refused: 'No se ha podido registrar la respuesta.',
  },
  en: {
    accepted:
      'Thank you! You have accepted the proposal. The applicant will receive your contact details and write to you to start.',
    declined:
      'Understood: you have declined the proposal, with no commitment. The technical secretariat will look for another mentor.',
    used: 'This link has already been used, or the proposal has already been answered.',
    expired:
      'This link has expired. You can answer from the application or write to the technical secretariat.',
    invalid: 'This link is not valid. Copy it whole from the email.',
    refused: 'The answer could not be recorded.',
  },
} as const satisfies Record<EmailLang, Record<string, string>>

export const ANSWER_RESULTS = RESULTS.ca
export type AnswerResult = keyof typeof ANSWER_RESULTS

/** The results in one language (Catalan when it is not one of ours). */
export const answerResultsIn = (lang: EmailLang): Record<AnswerResult, string> =>
  RESULTS[lang] ?? RESULTS.ca

/** The result named in a URL, if it is one of ours: own keys only, never `constructor` or `__proto__`. */
export const answerResultOf = (value: unknown): AnswerResult =>
  typeof value === 'string' && Object.hasOwn(ANSWER_RESULTS, value)
    ? (value as AnswerResult)
    : 'invalid'

/** The words of the /proposta pages (src/app/(proposals)). */
export const PROPOSAL_PAGE: Record<
  EmailLang,
  {
    title: string
    askAccept: string
    askDecline: string
    person: string
    council: string
    needs: string
    inTheirWords: string
    why: string
    noteAccept: string
    noteDecline: string
    yes: string
    no: string
    expires: (on: string) => string
    recorded: string
    notRecorded: string
  }
> = {
  ca: {
    title: 'Proposta de mentoria · Mentoria XMESS',
    askAccept: 'Accepteu aquesta proposta de mentoria?',
    askDecline: 'Declineu aquesta proposta de mentoria?',
    person: 'Persona',
    council: 'Ens',
    needs: 'Necessitats',
    inTheirWords: 'En paraules seves',
    why: 'Per què us ho proposem',
    noteAccept:
      "Si l'accepteu, la persona sol·licitant rebrà el vostre correu i telèfon i us escriurà per pactar l'acompanyament (un any com a màxim, amb dues trobades presencials).",
    noteDecline:
      'Declinar-la no us compromet a res: la secretaria tècnica buscarà una altra persona mentora.',
    yes: 'Sí, accepto la proposta',
    no: 'No la puc acceptar',
    expires: (on) => `L'enllaç caduca ${on} i només serveix una vegada.`,
    recorded: 'Resposta registrada',
    notRecorded: "No s'ha pogut registrar la resposta",
  },
  es: {
    title: 'Propuesta de mentoría · Mentoria XMESS',
    askAccept: '¿Aceptáis esta propuesta de mentoría?',
    askDecline: '¿Declináis esta propuesta de mentoría?',
    person: 'Persona',
    council: 'Ente',
    needs: 'Necesidades',
    inTheirWords: 'En sus palabras',
    why: 'Por qué os la proponemos',
    noteAccept:
      'Si la aceptáis, la persona solicitante recibirá vuestro correo y teléfono y os escribirá para pactar el acompañamiento (un año como máximo, con dos encuentros presenciales).',
    noteDecline:
      'Declinarla no os compromete a nada: la secretaría técnica buscará otra persona mentora.',
    yes: 'Sí, acepto la propuesta',
    no: 'No la puedo aceptar',
    expires: (on) => `El enlace caduca ${on} y solo sirve una vez.`,
    recorded: 'Respuesta registrada',
    notRecorded: 'No se ha podido registrar la respuesta',
  },
  en: {
    title: 'Mentoring proposal · Mentoria XMESS',
    askAccept: 'Do you accept this mentoring proposal?',
    askDecline: 'Do you decline this mentoring proposal?',
    person: 'Person',
    council: 'Council',
    needs: 'Needs',
    inTheirWords: 'In their own words',
    why: 'Why we propose it to you',
    noteAccept:
      'If you accept it, the applicant will receive your email and phone number and will write to you to agree the accompaniment (one year at most, with two in-person meetings).',
    noteDecline:
      'Declining it commits you to nothing: the technical secretariat will look for another mentor.',
    yes: 'Yes, I accept the proposal',
    no: 'I cannot accept it',
    expires: (on) => `The link expires ${on} and works only once.`,
    recorded: 'Answer recorded',
    notRecorded: 'The answer could not be recorded',
  },
}
