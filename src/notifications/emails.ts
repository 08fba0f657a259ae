/** The emails people get, in plain words, in the person's language (Catalan by default). Pure text builders: no Payload here. */
import { type Account, accountLines } from './account'
import { type EmailLang, SIGNATURE } from './language'

/** A file sent with an email (a meeting's `.ics`): text content, so that it travels in the mail queue's JSON. */
export type EmailAttachment = { filename: string; content: string; contentType: string }

/** `lang`: the language it is written in (the footer follows it; Content-Language). */
export type EmailMessage = {
  to: string | string[]
  subject: string
  text: string
  replyTo?: string
  lang?: EmailLang
  attachments?: EmailAttachment[]
}

const signature =
  "\n\nSecretaria tècnica de la XMESS — Xarxa de Municipis per l'Economia Social i Solidària"

export function proposalEmail(args: {
  to: string
  mentorName: string
  candidateName: string
  candidateCouncil: string
  needs: string[]
  needsText?: string | null
  explanation?: string | null
  acceptUrl: string
  declineUrl: string
  expiresOn: string
  /** R14: the mentor's invitation to the application, and the pairing's page there. */
  account?: Account
  pageUrl?: string
  lang?: EmailLang
}): EmailMessage {
  if (args.lang === 'es' || args.lang === 'en') return proposalEmailIn(args.lang, args)
  return {
    to: args.to,
    subject: `[Mentoria XMESS] Proposta de mentoria: ${args.candidateCouncil}`,
    text: [
      `Hola, ${args.mentorName}:`,
      '',
      `El programa de mentoria de la XMESS us proposa acompanyar ${args.candidateName}, de ${args.candidateCouncil}.`,
      '',
      `Què necessita (per ordre de prioritat): ${args.needs.join('; ') || '—'}.`,
      ...(args.needsText ? ['', `En paraules seves: «${args.needsText}»`] : []),
      ...(args.explanation ? ['', `Per què us ho proposem: ${args.explanation}`] : []),
      '',
      "Podeu acceptar-ho o no, sense cap obligació. L'acompanyament dura com a màxim un any i inclou dues trobades presencials.",
      '',
      `Acceptar la proposta: ${args.acceptUrl}`,
      `No la puc acceptar: ${args.declineUrl}`,
      '',
      `Els enllaços obren una pàgina on confirmeu la resposta. Caduquen ${args.expiresOn} i només serveixen una vegada. També podeu respondre des de l'aplicació.`,
      ...(args.account && args.pageUrl ? ['', ...accountLines(args.account, args.pageUrl)] : []),
      signature,
    ].join('\n'),
  }
}

export function acceptedEmail(args: {
  to: string
  candidateName: string
  mentorName: string
  mentorCouncil: string
  mentorPosition?: string | null
  mentorEmail?: string | null
  mentorPhone?: string | null
  account?: Account
  pageUrl?: string
  lang?: EmailLang
}): EmailMessage {
  if (args.lang === 'es' || args.lang === 'en') return acceptedEmailIn(args.lang, args)
  return {
    to: args.to,
    subject: '[Mentoria XMESS] Ja teniu persona mentora',
    text: [
      `Hola, ${args.candidateName}:`,
      '',
      `${args.mentorName}${args.mentorPosition ? `, ${args.mentorPosition}` : ''} (${args.mentorCouncil}) ha acceptat acompanyar-vos.`,
      '',
      "Ara us toca a vós fer el primer pas: poseu-vos en contacte amb la vostra persona mentora per començar l'acompanyament. Entre totes dues parts pacteu els terminis, la durada (un any com a màxim) i les activitats principals, i recordeu que calen dues trobades presencials.",
      '',
      `Correu: ${args.mentorEmail ?? '—'}`,
      `Telèfon: ${args.mentorPhone ?? '—'}`,
      '',
      "Quan tingueu l'acord, registreu-lo a l'aplicació (dates, objectius, activitats i calendari).",
      ...(args.account && args.pageUrl
        ? ['', ...accountLines(args.account, args.pageUrl)]
        : args.pageUrl
          ? [args.pageUrl]
          : []),
      signature,
    ].join('\n'),
  }
}

type ProposalArgs = Parameters<typeof proposalEmail>[0]
type AcceptedArgs = Parameters<typeof acceptedEmail>[0]

function proposalEmailIn(lang: 'es' | 'en', args: ProposalArgs): EmailMessage {
  const es = lang === 'es'
  const account =
    args.account && args.pageUrl ? ['', ...accountLines(args.account, args.pageUrl, lang)] : []
  return {
    to: args.to,
    lang,
    subject: es
      ? `[Mentoria XMESS] Propuesta de mentoría: ${args.candidateCouncil}`
      : `[Mentoria XMESS] Mentoring proposal: ${args.candidateCouncil}`,
    text: [
      es ? `Hola, ${args.mentorName}:` : `Hello ${args.mentorName},`,
      '',
      es
        ? `El programa de mentoría de la XMESS os propone acompañar a ${args.candidateName}, de ${args.candidateCouncil}.`
        : `The XMESS mentoring programme proposes that you accompany ${args.candidateName}, of ${args.candidateCouncil}.`,
      '',
      es
        ? `Qué necesita (por orden de prioridad): ${args.needs.join('; ') || '—'}.`
        : `What they need (by priority): ${args.needs.join('; ') || '—'}.`,
      ...(args.needsText
        ? ['', es ? `En sus palabras: «${args.needsText}»` : `In their words: «${args.needsText}»`]
        : []),
      ...(args.explanation
        ? [
            '',
            es
              ? `Por qué os lo proponemos: ${args.explanation}`
              : `Why we propose it: ${args.explanation}`,
          ]
        : []),
      '',
      es
        ? 'Podéis aceptarlo o no, sin ninguna obligación. El acompañamiento dura como máximo un año e incluye dos encuentros presenciales.'
        : 'You may accept it or not, with no obligation. The accompaniment lasts a year at most and includes two in-person meetings.',
      '',
      es ? `Aceptar la propuesta: ${args.acceptUrl}` : `Accept the proposal: ${args.acceptUrl}`,
      es ? `No la puedo aceptar: ${args.declineUrl}` : `I cannot accept it: ${args.declineUrl}`,
      '',
      es
        ? `Los enlaces abren una página donde confirmáis la respuesta. Caducan ${args.expiresOn} y solo sirven una vez. También podéis responder desde la aplicación.`
        : `The links open a page where you confirm your answer. They expire ${args.expiresOn} and work only once. You can also answer in the application.`,
      ...account,
      '',
      '',
      SIGNATURE[lang],
    ].join('\n'),
  }
}

function acceptedEmailIn(lang: 'es' | 'en', args: AcceptedArgs): EmailMessage {
  const es = lang === 'es'
  const tail =
    args.account && args.pageUrl
      ? ['', ...accountLines(args.account, args.pageUrl, lang)]
      : args.pageUrl
        ? [args.pageUrl]
        : []
  return {
    to: args.to,
    lang,
    subject: es
      ? '[Mentoria XMESS] Ya tenéis persona mentora'
      : '[Mentoria XMESS] You have a mentor',
    text: [
      es ? `Hola, ${args.candidateName}:` : `Hello ${args.candidateName},`,
      '',
      es
        ? `${args.mentorName}${args.mentorPosition ? `, ${args.mentorPosition}` : ''} (${args.mentorCouncil}) ha aceptado acompañaros.`
        : `${args.mentorName}${args.mentorPosition ? `, ${args.mentorPosition}` : ''} (${args.mentorCouncil}) has agreed to accompany you.`,
      '',
      es
        ? 'Ahora os toca a vosotros dar el primer paso: poneos en contacto con vuestra persona mentora para empezar el acompañamiento. Entre las dos partes pactáis los plazos, la duración (un año como máximo) y las actividades principales, y recordad que hacen falta dos encuentros presenciales.'
        : 'Now it is your turn to take the first step: get in touch with your mentor to start the accompaniment. Together you agree the terms, the duration (a year at most) and the main activities; remember that two in-person meetings are needed.',
      '',
      `${es ? 'Correo' : 'Email'}: ${args.mentorEmail ?? '—'}`,
      `${es ? 'Teléfono' : 'Phone'}: ${args.mentorPhone ?? '—'}`,
      '',
      es
        ? 'Cuando tengáis el acuerdo, registradlo en la aplicación (fechas, objetivos, actividades y calendario).'
        : 'Once you have the agreement, record it in the application (dates, objectives, activities and calendar).',
      ...tail,
      '',
      '',
      SIGNATURE[lang],
    ].join('\n'),
  }
}
