/** What a mentor reads after answering a proposal from the email link (endpoint and pages alike). */
export const ANSWER_RESULTS = {
  accepted: "Gràcies! Heu acceptat la proposta. La persona sol·licitant rebrà les vostres dades de contacte i us escriurà per començar.",
  declined: 'Entesos: heu declinat la proposta, sense cap compromís. La secretaria tècnica buscarà una altra persona mentora.',
  used: "Aquest enllaç ja s'ha fet servir, o la proposta ja s'ha respost.",
  expired: "Aquest enllaç ha caducat. Podeu respondre des de l'aplicació o escriure a la secretaria tècnica.",
  invalid: 'Aquest enllaç no és vàlid. Copieu-lo sencer des del correu.',
  refused: "No s'ha pogut registrar la resposta.",
} as const
export type AnswerResult = keyof typeof ANSWER_RESULTS

/** The result named in a URL, if it is one of ours: own keys only, never `constructor` or `__proto__`. */
export const answerResultOf = (value: unknown): AnswerResult =>
  typeof value === 'string' && Object.hasOwn(ANSWER_RESULTS, value) ? (value as AnswerResult) : 'invalid'
