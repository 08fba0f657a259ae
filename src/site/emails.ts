import { type EditionDates, formatDate, MESSAGES } from './i18n'

/** The two emails an application sends, in Catalan, as plain text. */

export type ApplicationSummary = {
  name: string
  email: string
  phone?: string
  position: string
  council: string
  topics: string[]
  needs: string
  availability: string
  languages: string[]
}

export type EditionSummary = {
  name: string
  applicationsCloseAt: string
  matchingBy?: string | null
  startBy?: string | null
}

export type Email = { subject: string; text: string }

export const editionDatesCa = (edition: EditionSummary): EditionDates => ({
  name: edition.name,
  closesAt: formatDate(edition.applicationsCloseAt, 'ca'),
  matchingBy: edition.matchingBy ? formatDate(edition.matchingBy, 'ca') : null,
  startBy: edition.startBy ? formatDate(edition.startBy, 'ca') : null,
})

const list = (items: string[]) => items.map((item) => `- ${item}`).join('\n')

export function candidateConfirmationEmail(
  application: ApplicationSummary,
  edition: EditionSummary,
  secretariatEmail?: string,
): Email {
  const steps = MESSAGES.ca.nextSteps(editionDatesCa(edition))
  const contact = secretariatEmail ? ` (${secretariatEmail})` : ''
  return {
    subject: 'Hem rebut la vostra sol·licitud de mentoria XMESS',
    text: [
      `Hola, ${application.name}:`,
      '',
      `Hem rebut la vostra sol·licitud per rebre l'acompanyament de mentoria de la XMESS (${edition.name}).`,
      '',
      'Això és el que ens heu enviat:',
      list([
        `Ens: ${application.council}`,
        `Càrrec: ${application.position}`,
        `Àmbits, per ordre de prioritat: ${application.topics.map((topic, index) => `${index + 1}. ${topic}`).join('; ')}`,
        `Llengües: ${application.languages.join(', ')}`,
      ]),
      '',
      'Què passa ara:',
      list(steps),
      '',
      `Si heu de corregir alguna dada o voleu retirar la sol·licitud, responeu aquest correu o escriviu a la secretaria tècnica de la XMESS${contact}.`,
      '',
      'Secretaria tècnica de la XMESS',
      "Xarxa de Municipis per l'Economia Social i Solidària",
    ].join('\n'),
  }
}

export function secretariatNotificationEmail(
  application: ApplicationSummary,
  edition: EditionSummary,
  adminURL: string,
): Email {
  return {
    subject: `Nova sol·licitud de mentoria: ${application.name} (${application.council})`,
    text: [
      `Ha arribat una sol·licitud nova a la ${edition.name}.`,
      '',
      list([
        `Nom: ${application.name}`,
        `Ens: ${application.council}`,
        `Càrrec: ${application.position}`,
        `Correu: ${application.email}`,
        `Telèfon: ${application.phone || '—'}`,
        `Àmbits, per ordre de prioritat: ${application.topics.map((topic, index) => `${index + 1}. ${topic}`).join('; ')}`,
        `Llengües: ${application.languages.join(', ')}`,
      ]),
      '',
      'Què necessita:',
      application.needs,
      '',
      'Disponibilitat i desplaçaments:',
      application.availability,
      '',
      `Ha acceptat el tractament de dades i el compromís. Estat: rebuda.`,
      `Reviseu-la a l'administració: ${adminURL}`,
    ].join('\n'),
  }
}
