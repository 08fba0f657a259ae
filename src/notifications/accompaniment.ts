/** The emails of the accompaniment (R7–R14), in plain Catalan. Pure text builders: no Payload here. */
import { type Account, accountLines } from './account'
import { PARTY_EMAILS } from './accompaniment-translations'
import type { EmailMessage } from './emails'
import type { EmailLang } from './language'

export type { Account } from './account'

const signature =
  "\n\nSecretaria tècnica de la XMESS — Xarxa de Municipis per l'Economia Social i Solidària"
const subject = (text: string) => `[Mentoria XMESS] ${text}`
const lines = (...parts: (string | false | null | undefined)[]) =>
  parts.filter((part) => part !== false && part !== null && part !== undefined).join('\n')

export function invitationEmail(args: {
  to: string
  name: string
  role?: 'mentor' | 'mentee' | 'secretariat'
  account: Account
  pageUrl: string
  lang?: EmailLang
}): EmailMessage {
  if (args.lang === 'es' || args.lang === 'en') return PARTY_EMAILS.invitation(args.lang, args)
  return {
    to: args.to,
    subject: subject("La vostra entrada a l'aplicació de mentoria"),
    text: lines(
      `Hola, ${args.name}:`,
      '',
      args.role === 'mentor'
        ? "Us enviem l'enllaç per entrar a l'aplicació del programa de mentoria de la XMESS, on seguiu els vostres acompanyaments com a persona mentora: respondre propostes, registrar l'acord i les trobades, acordar ampliacions i fer la valoració."
        : args.role === 'mentee'
          ? "Us enviem l'enllaç per entrar a l'aplicació del programa de mentoria de la XMESS, on seguiu el vostre acompanyament: registrar l'acord i les trobades, comunicar incidències, fer la valoració i la fitxa."
          : args.role === 'secretariat'
            ? "Us enviem l'enllaç per entrar a l'aplicació del programa de mentoria de la XMESS com a secretaria tècnica."
            : "Us enviem l'enllaç per entrar a l'aplicació del programa de mentoria de la XMESS. La secretaria tècnica us hi donarà accés al que us pertoqui.",
      '',
      ...accountLines(args.account, args.pageUrl),
      signature,
    ),
  }
}

export function startedEmail(args: {
  to: string
  name: string
  byName: string
  startDate: string
  endDate: string
  objectives: string
  activities: string
  calendar: string
  pageUrl: string
  lang?: EmailLang
}): EmailMessage {
  if (args.lang === 'es' || args.lang === 'en') return PARTY_EMAILS.started(args.lang, args)
  return {
    to: args.to,
    subject: subject("L'acompanyament ha començat"),
    text: lines(
      `Hola, ${args.name}:`,
      '',
      `${args.byName} ha registrat l'inici del vostre acompanyament de mentoria amb el que vau pactar:`,
      '',
      `Inici: ${args.startDate}`,
      `Finalització pactada: ${args.endDate}`,
      `Objectius: ${args.objectives}`,
      `Activitats principals: ${args.activities}`,
      `Calendari: ${args.calendar}`,
      '',
      "Si alguna cosa no és com la vau pactar, parleu-ne i corregiu-la a l'aplicació. Hi registrareu també les trobades (calen dues trobades presencials):",
      args.pageUrl,
      signature,
    ),
  }
}

export function startedSecretariatEmail(args: {
  pairingTitle: string
  startDate: string
  endDate: string
  adminUrl: string
}): EmailMessage {
  return {
    to: [],
    subject: `Acompanyament iniciat: ${args.pairingTitle}`,
    text: lines(
      `L'acompanyament «${args.pairingTitle}» ha començat el ${args.startDate}.`,
      `Data de finalització pactada: ${args.endDate}.`,
      '',
      `Podeu veure l'acord a l'administració: ${args.adminUrl}`,
    ),
  }
}

/** The secretariat hears that the agreed end date moved outside an extension (R8, R11). */
export function endDateChangedSecretariatEmail(args: {
  title?: string | null
  id: string | number
  from: string
  to: string
  adminUrl: string
}): EmailMessage {
  return {
    to: [],
    subject: `Canvi de data de finalització: ${args.title ?? 'parella'}`,
    text: `La data de finalització pactada de l'acompanyament «${args.title ?? args.id}» ha passat del ${args.from} al ${args.to}.\n\nAcompanyament: ${args.adminUrl}`,
  }
}

export function meetingEmail(args: {
  to: string
  name: string
  byName: string
  date: string
  modality: string
  modalityValue?: string
  place?: string | null
  pageUrl: string
  lang?: EmailLang
}): EmailMessage {
  if (args.lang === 'es' || args.lang === 'en') return PARTY_EMAILS.meeting(args.lang, args)
  return {
    to: args.to,
    subject: subject('Nova trobada registrada'),
    text: lines(
      `Hola, ${args.name}:`,
      '',
      `${args.byName} ha registrat una trobada del vostre acompanyament: ${args.date}, ${args.modality}${args.place ? `, a ${args.place}` : ''}.`,
      '',
      "No cal que feu res si és correcta. Si no ho és, digueu-li-ho: només qui l'ha registrada (o la secretaria tècnica) la pot canviar. La podeu veure aquí:",
      args.pageUrl,
      signature,
    ),
  }
}

export function incidentSecretariatEmail(args: {
  pairingTitle: string
  type: string
  description: string
  reporter: string
  adminUrl: string
}): EmailMessage {
  return {
    to: [],
    subject: `Nova incidència: ${args.pairingTitle}`,
    text: lines(
      `${args.reporter} ha comunicat una incidència a l'acompanyament «${args.pairingTitle}».`,
      '',
      `Tipus: ${args.type}`,
      '',
      args.description,
      '',
      "L'altra part no la veu. Per resoldre-la (marqueu-la com a resolta i expliqueu com), obriu-la aquí; la persona que l'ha comunicada en rebrà l'avís:",
      args.adminUrl,
    ),
  }
}

export function incidentResolvedEmail(args: {
  to: string
  name: string
  type: string
  resolution: string
  pageUrl: string
  lang?: EmailLang
}): EmailMessage {
  if (args.lang === 'es' || args.lang === 'en')
    return PARTY_EMAILS.incidentResolved(args.lang, args)
  return {
    to: args.to,
    subject: subject('La incidència que vau comunicar està resolta'),
    text: lines(
      `Hola, ${args.name}:`,
      '',
      `La secretaria tècnica ha resolt la incidència que vau comunicar (${args.type}).`,
      '',
      `Com s'ha resolt: ${args.resolution}`,
      '',
      "Si encara hi ha res pendent, podeu comunicar-ne una altra des de l'acompanyament:",
      args.pageUrl,
      signature,
    ),
  }
}

export function extensionProposedEmail(args: {
  to: string
  name: string
  byName: string
  proposedEndDate: string
  reason: string
  pageUrl: string
  lang?: EmailLang
}): EmailMessage {
  if (args.lang === 'es' || args.lang === 'en')
    return PARTY_EMAILS.extensionProposed(args.lang, args)
  return {
    to: args.to,
    subject: subject("Proposta d'ampliació de l'acompanyament"),
    text: lines(
      `Hola, ${args.name}:`,
      '',
      `${args.byName} proposa allargar el vostre acompanyament fins ${args.proposedEndDate}.`,
      `Motiu: ${args.reason}`,
      '',
      "L'ampliació només val si totes dues parts hi esteu d'acord. Si hi esteu d'acord, digueu-ho des del vostre compte amb el botó «Hi estic d'acord»:",
      args.pageUrl,
      signature,
    ),
  }
}

export function extensionSecretariatEmail(args: {
  pairingTitle: string
  state: 'proposed' | 'agreed'
  proposedEndDate: string
  previousEndDate: string
  reason: string
  adminUrl: string
}): EmailMessage {
  return {
    to: [],
    subject: `${args.state === 'agreed' ? 'Ampliació acordada' : "Proposta d'ampliació"}: ${args.pairingTitle}`,
    text: lines(
      args.state === 'agreed'
        ? `Totes dues parts de l'acompanyament «${args.pairingTitle}» han acordat ampliar-lo: la data de finalització passa del ${args.previousEndDate} al ${args.proposedEndDate}.`
        : `S'ha proposat ampliar l'acompanyament «${args.pairingTitle}» fins al ${args.proposedEndDate} (ara acaba el ${args.previousEndDate}). Encara falta l'acord d'una de les parts.`,
      `Motiu: ${args.reason}`,
      '',
      `Acompanyament: ${args.adminUrl}`,
    ),
  }
}

export function extensionAgreedEmail(args: {
  to: string
  name: string
  endDate: string
  pageUrl: string
  lang?: EmailLang
}): EmailMessage {
  if (args.lang === 'es' || args.lang === 'en') return PARTY_EMAILS.extensionAgreed(args.lang, args)
  return {
    to: args.to,
    subject: subject('Ampliació acordada'),
    text: lines(
      `Hola, ${args.name}:`,
      '',
      `Totes dues parts hi heu estat d'acord: el vostre acompanyament s'allarga fins ${args.endDate}.`,
      '',
      args.pageUrl,
      signature,
    ),
  }
}

export function withdrawalEmail(args: {
  to: string
  name: string
  byName: string
  reason: string
  pageUrl: string
  lang?: EmailLang
}): EmailMessage {
  if (args.lang === 'es' || args.lang === 'en') return PARTY_EMAILS.withdrawal(args.lang, args)
  return {
    to: args.to,
    subject: subject("L'acompanyament s'ha acabat"),
    text: lines(
      `Hola, ${args.name}:`,
      '',
      `${args.byName} ha deixat l'acompanyament de mentoria. La participació és voluntària i ho heu de respectar; la secretaria tècnica n'està avisada i, si cal, es posarà en contacte amb vós.`,
      '',
      `Motiu: ${args.reason}`,
      '',
      "L'acompanyament queda tancat; el podeu continuar consultant aquí:",
      args.pageUrl,
      signature,
    ),
  }
}

export function withdrawalSecretariatEmail(args: {
  pairingTitle: string
  byName: string
  role: string
  reason: string
  adminUrl: string
}): EmailMessage {
  return {
    to: [],
    subject: `Acompanyament deixat: ${args.pairingTitle}`,
    text: lines(
      `${args.byName} (${args.role}) ha deixat l'acompanyament «${args.pairingTitle}».`,
      '',
      `Motiu: ${args.reason}`,
      '',
      `Acompanyament: ${args.adminUrl}`,
    ),
  }
}

export function evaluationRequestEmail(args: {
  to: string
  name: string
  pageUrl: string
  lang?: EmailLang
}): EmailMessage {
  if (args.lang === 'es' || args.lang === 'en')
    return PARTY_EMAILS.evaluationRequest(args.lang, args)
  return {
    to: args.to,
    subject: subject("Com ha anat l'acompanyament? La vostra valoració"),
    text: lines(
      `Hola, ${args.name}:`,
      '',
      "L'acompanyament de mentoria s'ha tancat. Gràcies per la vostra dedicació!",
      '',
      "Us demanem la vostra valoració (de 1 a 5 i uns comentaris): només la llegeix la secretaria tècnica, no l'altra part, i ens ajuda a millorar el programa. La podeu fer aquí:",
      args.pageUrl,
      signature,
    ),
  }
}

export function completedMenteeEmail(args: {
  to: string
  name: string
  pageUrl: string
  lang?: EmailLang
}): EmailMessage {
  if (args.lang === 'es' || args.lang === 'en') return PARTY_EMAILS.completedMentee(args.lang, args)
  return {
    to: args.to,
    subject: subject("L'acompanyament s'ha completat: ara, la fitxa"),
    text: lines(
      `Hola, ${args.name}:`,
      '',
      "L'acompanyament de mentoria s'ha completat. Gràcies!",
      '',
      "Com vau acordar en sol·licitar-lo, ara cal documentar-lo amb la fitxa, que la secretaria tècnica publicarà al web de la XMESS. La podeu començar des de l'acompanyament:",
      args.pageUrl,
      signature,
    ),
  }
}

export function readyToCloseEmail(args: {
  to: string
  name: string
  required: number
  pageUrl: string
  lang?: EmailLang
}): EmailMessage {
  if (args.lang === 'es' || args.lang === 'en') return PARTY_EMAILS.readyToClose(args.lang, args)
  return {
    to: args.to,
    subject: subject("Ja podeu tancar l'acompanyament: falta la vostra valoració"),
    text: lines(
      `Hola, ${args.name}:`,
      '',
      `Ja teniu les ${args.required} trobades presencials que demana el programa. Quan acabeu l'acompanyament, per tancar-lo cal la vostra valoració (de 1 a 5 i uns comentaris); només la llegeix la secretaria tècnica, no la persona mentora.`,
      '',
      "La podeu fer aquí, i després tancar l'acompanyament:",
      args.pageUrl,
      signature,
    ),
  }
}
