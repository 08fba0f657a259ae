/** The emails people get, in plain Catalan. Pure text builders: no Payload here. */
import { type Account, accountLines } from './account'

/** A file sent with an email (a meeting's `.ics`): text content, so that it travels in the mail queue's JSON. */
export type EmailAttachment = { filename: string; content: string; contentType: string }

export type EmailMessage = { to: string | string[]; subject: string; text: string; replyTo?: string; attachments?: EmailAttachment[] }

const signature = '\n\nSecretaria tècnica de la XMESS — Xarxa de Municipis per l\'Economia Social i Solidària'

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
}): EmailMessage {
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
}): EmailMessage {
  return {
    to: args.to,
    subject: '[Mentoria XMESS] Ja teniu persona mentora',
    text: [
      `Hola, ${args.candidateName}:`,
      '',
      `${args.mentorName}${args.mentorPosition ? `, ${args.mentorPosition}` : ''} (${args.mentorCouncil}) ha acceptat acompanyar-vos.`,
      '',
      'Ara us toca a vós fer el primer pas: poseu-vos en contacte amb la vostra persona mentora per començar l\'acompanyament. Entre totes dues parts pacteu els terminis, la durada (un any com a màxim) i les activitats principals, i recordeu que calen dues trobades presencials.',
      '',
      `Correu: ${args.mentorEmail ?? '—'}`,
      `Telèfon: ${args.mentorPhone ?? '—'}`,
      '',
      "Quan tingueu l'acord, registreu-lo a l'aplicació (dates, objectius, activitats i calendari).",
      ...(args.account && args.pageUrl ? ['', ...accountLines(args.account, args.pageUrl)] : args.pageUrl ? [args.pageUrl] : []),
      signature,
    ].join('\n'),
  }
}
