/**
 * The reminders' emails, in plain Catalan: what happened, what to do, and the link to the page where
 * the person does it. Each text is a plugin option (`reminders.texts`); these are the defaults.
 * Placeholders: {nom} (who reads it), {parella}, {mentora}, {mentorada}, {data} («el 3 de març del
 * 2027»), {dies}, {enllac}, {vegada} and {vegades} (the fitxa's reminders). Pure: no Payload here.
 */
import type { ReminderAudience, ReminderKind } from '../rules/reminders'

export type ReminderText = { subject: string; body: string }
export type ReminderTexts = { [K in ReminderKind]: Partial<Record<ReminderAudience, ReminderText>> }

const signature =
  "\n\nSecretaria tècnica de la XMESS — Xarxa de Municipis per l'Economia Social i Solidària"
const text = (subject: string, ...lines: string[]): ReminderText => ({
  subject: `[Mentoria XMESS] ${subject}`,
  body: lines.join('\n'),
})
const toPerson = (subject: string, ...lines: string[]): ReminderText =>
  text(subject, 'Hola, {nom}:', '', ...lines, signature)

export const DEFAULT_REMINDER_TEXTS: ReminderTexts = {
  proposalUnanswered: {
    mentor: toPerson(
      'Teniu una proposta de mentoria per respondre',
      '{data} el programa de mentoria de la XMESS us va proposar acompanyar {mentorada}, i encara no hi heu respost.',
      '',
      'Podeu acceptar-la o no, sense cap obligació: només us demanem que respongueu, perquè la persona que espera pugui començar (amb vós o amb una altra persona mentora).',
      '',
      'Responeu la proposta aquí:',
      '{enllac}',
    ),
    secretariat: text(
      'Proposta sense resposta: {parella}',
      "La proposta de mentoria «{parella}» es va fer {data} i la persona mentora ({mentora}) encara no hi ha respost, després de {dies} dies i d'un recordatori.",
      '',
      'Potser cal trucar-li, o proposar una altra persona mentora. Ho podeu fer des de la parella:',
      '{enllac}',
    ),
  },
  notStarted: {
    mentor: toPerson(
      "L'acompanyament encara no ha començat",
      "Els acompanyaments d'aquesta convocatòria havien de començar {data}, i el vostre amb {mentorada} encara no consta com a començat.",
      '',
      "Parleu-vos, pacteu les dates, els objectius, les activitats i el calendari, i registreu l'acord aquí (qualsevol de les dues parts ho pot fer):",
      '{enllac}',
      '',
      "Si no podeu fer l'acompanyament, digueu-ho a la mateixa pàgina: la participació és voluntària.",
    ),
    mentee: toPerson(
      "L'acompanyament encara no ha començat",
      "Els acompanyaments d'aquesta convocatòria havien de començar {data}, i el vostre amb {mentora} encara no consta com a començat.",
      '',
      "Us toca fer el primer pas: poseu-vos en contacte amb la vostra persona mentora, pacteu les dates, els objectius, les activitats i el calendari, i registreu l'acord aquí:",
      '{enllac}',
    ),
  },
  noMeeting: {
    mentor: toPerson(
      'Encara no heu registrat cap trobada',
      'El vostre acompanyament amb {mentorada} va començar {data} i encara no hi ha registrada cap trobada de les que calen per tancar-lo (presencials, si el programa no diu el contrari).',
      '',
      "Si ja us heu trobat, registreu la trobada; si no, acordeu-ne una amb l'altra part. Es registra aquí:",
      '{enllac}',
    ),
    mentee: toPerson(
      'Encara no heu registrat cap trobada',
      'El vostre acompanyament amb {mentora} va començar {data} i encara no hi ha registrada cap trobada de les que calen per tancar-lo (presencials, si el programa no diu el contrari).',
      '',
      "Si ja us heu trobat, registreu la trobada; si no, acordeu-ne una amb l'altra part. Es registra aquí:",
      '{enllac}',
    ),
  },
  endApproaching: {
    mentor: toPerson(
      "L'acompanyament s'acaba d'aquí a {dies} dies",
      'El vostre acompanyament amb {mentorada} té la data de finalització pactada {data}.',
      '',
      "Si ja heu fet el que vau pactar, prepareu el tancament (trobades registrades i valoracions). Si necessiteu més temps, totes dues parts heu d'acordar una ampliació. Tot es fa aquí:",
      '{enllac}',
    ),
    mentee: toPerson(
      "L'acompanyament s'acaba d'aquí a {dies} dies",
      'El vostre acompanyament amb {mentora} té la data de finalització pactada {data}.',
      '',
      "Si ja heu fet el que vau pactar, prepareu el tancament (trobades registrades i la vostra valoració, que cal per tancar). Si necessiteu més temps, totes dues parts heu d'acordar una ampliació. Tot es fa aquí:",
      '{enllac}',
    ),
  },
  overdue: {
    secretariat: text(
      'Acompanyament fora de termini: {parella}',
      "L'acompanyament «{parella}» tenia la data de finalització pactada {data} i continua en curs.",
      '',
      "Les dues parts n'han rebut un avís: cal tancar-lo o acordar una ampliació. El podeu seguir aquí:",
      '{enllac}',
    ),
    mentor: toPerson(
      "L'acompanyament ha passat la data de finalització",
      "El vostre acompanyament amb {mentorada} havia d'acabar {data} i encara consta en curs.",
      '',
      "Si ja s'ha acabat, tanqueu-lo (data de tancament i valoracions). Si necessiteu més temps, proposeu una ampliació, que l'altra part ha d'acceptar. Aquí:",
      '{enllac}',
    ),
    mentee: toPerson(
      "L'acompanyament ha passat la data de finalització",
      "El vostre acompanyament amb {mentora} havia d'acabar {data} i encara consta en curs.",
      '',
      "Si ja s'ha acabat, tanqueu-lo (cal la vostra valoració i la data de tancament). Si necessiteu més temps, proposeu una ampliació, que l'altra part ha d'acceptar. Aquí:",
      '{enllac}',
    ),
  },
  evaluationMissing: {
    mentor: toPerson(
      'Falta la vostra valoració de la mentoria',
      "L'acompanyament amb {mentorada} es va tancar {data} i encara no hi heu fet la vostra valoració.",
      '',
      "Són dos minuts: una nota de l'1 al 5 i uns comentaris. Només la llegeix la secretaria tècnica, no l'altra part, i ens ajuda a millorar el programa. La podeu fer aquí:",
      '{enllac}',
    ),
  },
  fitxaMissing: {
    mentee: toPerson(
      'Us falta enviar la fitxa de la mentoria',
      'El vostre acompanyament amb {mentora} es va completar {data}. Gràcies! Com vau acordar en sol·licitar-lo, cal documentar-lo amb la fitxa, i encara no ens ha arribat.',
      '',
      'Escriviu-la aquí i, quan estigui a punt, envieu-la a revisió amb el botó «Envia a revisió». La secretaria tècnica la revisa i la publica al web de la XMESS:',
      '{enllac}',
      '',
      'És el recordatori {vegada} de {vegades}. Si teniu cap dubte, responeu aquest correu.',
    ),
    secretariat: text(
      'Fitxa pendent després de {vegades} recordatoris: {parella}',
      "L'acompanyament «{parella}» es va completar {data} i la persona mentorada ({mentorada}) encara no ha enviat la fitxa, després de {vegades} recordatoris.",
      '',
      "Ja no n'hi enviarem més. Potser cal parlar-hi directament. La parella:",
      '{enllac}',
    ),
  },
}
