import { type EditionDates, formatDate, type Lang, MESSAGES } from './i18n'

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
  lang: Lang = 'ca',
): Email {
  if (lang !== 'ca') return confirmationIn(lang, application, edition, secretariatEmail)
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

/** The confirmation in Spanish or English (the language the person chose on the form). */
function confirmationIn(
  lang: 'es' | 'en',
  application: ApplicationSummary,
  edition: EditionSummary,
  secretariatEmail?: string,
): Email {
  const es = lang === 'es'
  const dates: EditionDates = {
    name: edition.name,
    closesAt: formatDate(edition.applicationsCloseAt, lang),
    matchingBy: edition.matchingBy ? formatDate(edition.matchingBy, lang) : null,
    startBy: edition.startBy ? formatDate(edition.startBy, lang) : null,
  }
  const contact = secretariatEmail ? ` (${secretariatEmail})` : ''
  const topics = application.topics.map((topic, index) => `${index + 1}. ${topic}`).join('; ')
  return {
    subject: es
      ? 'Hemos recibido vuestra solicitud de mentoría XMESS'
      : 'We have received your XMESS mentoring application',
    text: [
      es ? `Hola, ${application.name}:` : `Hello ${application.name},`,
      '',
      es
        ? `Hemos recibido vuestra solicitud para recibir el acompañamiento de mentoría de la XMESS (${edition.name}).`
        : `We have received your application for the XMESS mentoring programme (${edition.name}).`,
      '',
      es ? 'Esto es lo que nos habéis enviado:' : 'This is what you sent us:',
      list(
        es
          ? [
              `Ente: ${application.council}`,
              `Cargo: ${application.position}`,
              `Ámbitos, por orden de prioridad: ${topics}`,
              `Lenguas: ${application.languages.join(', ')}`,
            ]
          : [
              `Council: ${application.council}`,
              `Position: ${application.position}`,
              `Topics, by priority: ${topics}`,
              `Languages: ${application.languages.join(', ')}`,
            ],
      ),
      '',
      es ? 'Qué pasa ahora:' : 'What happens next:',
      list(MESSAGES[lang].nextSteps(dates)),
      '',
      es
        ? `Si tenéis que corregir algún dato o queréis retirar la solicitud, responded a este correo o escribid a la secretaría técnica de la XMESS${contact}.`
        : `To correct anything or withdraw the application, reply to this email or write to the XMESS technical secretariat${contact}.`,
      '',
      es ? 'Secretaría técnica de la XMESS' : 'XMESS technical secretariat',
      "Xarxa de Municipis per l'Economia Social i Solidària",
    ].join('\n'),
  }
}
