/**
 * The accompaniment's emails to the parties in Spanish and English (src/notifications/accompaniment.ts
 * has the Catalan ones and picks these by `lang`). Pure: no Payload here.
 */
import { type Account, accountLines } from './account'
import type { EmailMessage } from './emails'
import { SIGNATURE } from './language'

type Lang = 'es' | 'en'
const subject = (text: string) => `[Mentoria XMESS] ${text}`
const body = (lang: Lang, name: string, ...parts: (string | false | null | undefined)[]) =>
  [
    lang === 'es' ? `Hola, ${name}:` : `Hello ${name},`,
    '',
    ...parts.filter((part): part is string => typeof part === 'string'),
    '',
    '',
    SIGNATURE[lang],
  ].join('\n')

const MODALITY: Record<Lang, Record<string, string>> = {
  es: { in_person: 'presencial', online: 'en línea', phone: 'por teléfono' },
  en: { in_person: 'in person', online: 'online', phone: 'by phone' },
}

const INVITATION_INTRO: Record<
  Lang,
  Record<'mentor' | 'mentee' | 'secretariat' | 'none', string>
> = {
  es: {
    mentor:
      'Os enviamos el enlace para entrar en la aplicación del programa de mentoría de la XMESS, donde seguís vuestros acompañamientos como persona mentora: responder propuestas, registrar el acuerdo y los encuentros, acordar ampliaciones y hacer la valoración.',
    mentee:
      'Os enviamos el enlace para entrar en la aplicación del programa de mentoría de la XMESS, donde seguís vuestro acompañamiento: registrar el acuerdo y los encuentros, comunicar incidencias, hacer la valoración y la ficha.',
    secretariat:
      'Os enviamos el enlace para entrar en la aplicación del programa de mentoría de la XMESS como secretaría técnica.',
    none: 'Os enviamos el enlace para entrar en la aplicación del programa de mentoría de la XMESS. La secretaría técnica os dará acceso a lo que os corresponda.',
  },
  en: {
    mentor:
      'Here is the link to sign in to the XMESS mentoring programme application, where you follow your accompaniments as a mentor: answering proposals, recording the agreement and the meetings, agreeing extensions and giving your evaluation.',
    mentee:
      'Here is the link to sign in to the XMESS mentoring programme application, where you follow your accompaniment: recording the agreement and the meetings, reporting incidents, giving your evaluation and writing the fitxa.',
    secretariat:
      'Here is the link to sign in to the XMESS mentoring programme application as the technical secretariat.',
    none: 'Here is the link to sign in to the XMESS mentoring programme application. The technical secretariat will give you access to what concerns you.',
  },
}

export const PARTY_EMAILS = {
  invitation: (
    lang: Lang,
    a: {
      to: string
      name: string
      role?: 'mentor' | 'mentee' | 'secretariat'
      account: Account
      pageUrl: string
    },
  ): EmailMessage => ({
    to: a.to,
    lang,
    subject: subject(
      lang === 'es'
        ? 'Vuestra entrada a la aplicación de mentoría'
        : 'Your access to the mentoring application',
    ),
    text: body(
      lang,
      a.name,
      INVITATION_INTRO[lang][a.role ?? 'none'],
      '',
      ...accountLines(a.account, a.pageUrl, lang),
    ),
  }),
  incidentResolved: (
    lang: Lang,
    a: { to: string; name: string; type: string; resolution: string; pageUrl: string },
  ): EmailMessage => ({
    to: a.to,
    lang,
    subject: subject(
      lang === 'es'
        ? 'La incidencia que comunicasteis está resuelta'
        : 'The incident you reported has been resolved',
    ),
    text: body(
      lang,
      a.name,
      lang === 'es'
        ? `La secretaría técnica ha resuelto la incidencia que comunicasteis (${a.type}).`
        : `The technical secretariat has resolved the incident you reported (${a.type}).`,
      '',
      `${lang === 'es' ? 'Cómo se ha resuelto' : 'How it was resolved'}: ${a.resolution}`,
      '',
      lang === 'es'
        ? 'Si todavía queda algo pendiente, podéis comunicar otra desde el acompañamiento:'
        : 'If anything is still pending, you can report another one from the accompaniment:',
      a.pageUrl,
    ),
  }),
  started: (
    lang: Lang,
    a: {
      to: string
      name: string
      byName: string
      startDate: string
      endDate: string
      objectives: string
      activities: string
      calendar: string
      pageUrl: string
    },
  ): EmailMessage => ({
    to: a.to,
    lang,
    subject: subject(
      lang === 'es' ? 'El acompañamiento ha empezado' : 'The accompaniment has started',
    ),
    text: body(
      lang,
      a.name,
      lang === 'es'
        ? `${a.byName} ha registrado el inicio de vuestro acompañamiento de mentoría con lo que pactasteis:`
        : `${a.byName} has recorded the start of your mentoring accompaniment with what you agreed:`,
      '',
      `${lang === 'es' ? 'Inicio' : 'Start'}: ${a.startDate}`,
      `${lang === 'es' ? 'Finalización pactada' : 'Agreed end'}: ${a.endDate}`,
      `${lang === 'es' ? 'Objetivos' : 'Objectives'}: ${a.objectives}`,
      `${lang === 'es' ? 'Actividades principales' : 'Main activities'}: ${a.activities}`,
      `${lang === 'es' ? 'Calendario' : 'Calendar'}: ${a.calendar}`,
      '',
      lang === 'es'
        ? 'Si algo no es como lo pactasteis, habladlo y corregidlo en la aplicación. Allí registraréis también los encuentros (hacen falta dos encuentros presenciales):'
        : 'If anything is not as you agreed, talk about it and correct it in the application. You will also record the meetings there (two in-person meetings are needed):',
      a.pageUrl,
    ),
  }),
  meeting: (
    lang: Lang,
    a: {
      to: string
      name: string
      byName: string
      date: string
      modality: string
      modalityValue?: string
      place?: string | null
      pageUrl: string
    },
  ): EmailMessage => {
    const modality = (a.modalityValue && MODALITY[lang][a.modalityValue]) || a.modality
    return {
      to: a.to,
      lang,
      subject: subject(lang === 'es' ? 'Nuevo encuentro registrado' : 'New meeting recorded'),
      text: body(
        lang,
        a.name,
        lang === 'es'
          ? `${a.byName} ha registrado un encuentro de vuestro acompañamiento: ${a.date}, ${modality}${a.place ? `, en ${a.place}` : ''}.`
          : `${a.byName} has recorded a meeting of your accompaniment: ${a.date}, ${modality}${a.place ? `, at ${a.place}` : ''}.`,
        '',
        lang === 'es'
          ? 'No hace falta que hagáis nada si es correcto. Si no lo es, decídselo: solo quien lo ha registrado (o la secretaría técnica) lo puede cambiar. Lo podéis ver aquí:'
          : 'You need do nothing if it is right. If not, tell them: only whoever recorded it (or the technical secretariat) can change it. You can see it here:',
        a.pageUrl,
      ),
    }
  },
  extensionProposed: (
    lang: Lang,
    a: {
      to: string
      name: string
      byName: string
      proposedEndDate: string
      reason: string
      pageUrl: string
    },
  ): EmailMessage => ({
    to: a.to,
    lang,
    subject: subject(
      lang === 'es'
        ? 'Propuesta de ampliación del acompañamiento'
        : 'Proposed extension of the accompaniment',
    ),
    text: body(
      lang,
      a.name,
      lang === 'es'
        ? `${a.byName} propone alargar vuestro acompañamiento hasta ${a.proposedEndDate}.`
        : `${a.byName} proposes to extend your accompaniment until ${a.proposedEndDate}.`,
      `${lang === 'es' ? 'Motivo' : 'Reason'}: ${a.reason}`,
      '',
      lang === 'es'
        ? 'La ampliación solo vale si las dos partes estáis de acuerdo. Si lo estáis, decidlo desde vuestra cuenta con el botón «Hi estic d’acord»:'
        : 'The extension only holds if both of you agree. If you do, say so from your account with the «Hi estic d’acord» button:',
      a.pageUrl,
    ),
  }),
  extensionAgreed: (
    lang: Lang,
    a: { to: string; name: string; endDate: string; pageUrl: string },
  ): EmailMessage => ({
    to: a.to,
    lang,
    subject: subject(lang === 'es' ? 'Ampliación acordada' : 'Extension agreed'),
    text: body(
      lang,
      a.name,
      lang === 'es'
        ? `Las dos partes habéis estado de acuerdo: vuestro acompañamiento se alarga hasta ${a.endDate}.`
        : `You have both agreed: your accompaniment is extended until ${a.endDate}.`,
      '',
      a.pageUrl,
    ),
  }),
  withdrawal: (
    lang: Lang,
    a: { to: string; name: string; byName: string; reason: string; pageUrl: string },
  ): EmailMessage => ({
    to: a.to,
    lang,
    subject: subject(
      lang === 'es' ? 'El acompañamiento ha terminado' : 'The accompaniment has ended',
    ),
    text: body(
      lang,
      a.name,
      lang === 'es'
        ? `${a.byName} ha dejado el acompañamiento de mentoría. La participación es voluntaria y hay que respetarlo; la secretaría técnica está avisada y, si hace falta, se pondrá en contacto con vosotros.`
        : `${a.byName} has left the mentoring accompaniment. Taking part is voluntary and this must be respected; the technical secretariat knows and will get in touch with you if needed.`,
      '',
      `${lang === 'es' ? 'Motivo' : 'Reason'}: ${a.reason}`,
      '',
      lang === 'es'
        ? 'El acompañamiento queda cerrado; lo podéis seguir consultando aquí:'
        : 'The accompaniment is closed; you can still see it here:',
      a.pageUrl,
    ),
  }),
  evaluationRequest: (
    lang: Lang,
    a: { to: string; name: string; pageUrl: string },
  ): EmailMessage => ({
    to: a.to,
    lang,
    subject: subject(
      lang === 'es'
        ? '¿Cómo ha ido el acompañamiento? Vuestra valoración'
        : 'How did the accompaniment go? Your evaluation',
    ),
    text: body(
      lang,
      a.name,
      lang === 'es'
        ? 'El acompañamiento de mentoría se ha cerrado. ¡Gracias por vuestra dedicación!'
        : 'The mentoring accompaniment has been closed. Thank you for your commitment!',
      '',
      lang === 'es'
        ? 'Os pedimos vuestra valoración (de 1 a 5 y unos comentarios): solo la lee la secretaría técnica, no la otra parte, y nos ayuda a mejorar el programa. La podéis hacer aquí:'
        : 'We ask for your evaluation (1 to 5 and a few comments): only the technical secretariat reads it, not the other party, and it helps us improve the programme. You can give it here:',
      a.pageUrl,
    ),
  }),
  completedMentee: (
    lang: Lang,
    a: { to: string; name: string; pageUrl: string },
  ): EmailMessage => ({
    to: a.to,
    lang,
    subject: subject(
      lang === 'es'
        ? 'El acompañamiento se ha completado: ahora, la ficha'
        : 'The accompaniment is complete: now, the write-up (fitxa)',
    ),
    text: body(
      lang,
      a.name,
      lang === 'es'
        ? 'El acompañamiento de mentoría se ha completado. ¡Gracias!'
        : 'The mentoring accompaniment is complete. Thank you!',
      '',
      lang === 'es'
        ? 'Como acordasteis al solicitarlo, ahora hay que documentarlo con la ficha, que la secretaría técnica publicará en la web de la XMESS. La podéis empezar desde el acompañamiento:'
        : 'As agreed when you applied, it must now be documented with the fitxa, which the technical secretariat will publish on the XMESS website. You can start it from the accompaniment:',
      a.pageUrl,
    ),
  }),
  readyToClose: (
    lang: Lang,
    a: { to: string; name: string; required: number; pageUrl: string },
  ): EmailMessage => ({
    to: a.to,
    lang,
    subject: subject(
      lang === 'es'
        ? 'Ya podéis cerrar el acompañamiento: falta vuestra valoración'
        : 'You can now close the accompaniment: your evaluation is missing',
    ),
    text: body(
      lang,
      a.name,
      lang === 'es'
        ? `Ya tenéis los ${a.required} encuentros presenciales que pide el programa. Cuando terminéis el acompañamiento, para cerrarlo hace falta vuestra valoración (de 1 a 5 y unos comentarios); solo la lee la secretaría técnica, no la persona mentora.`
        : `You have the ${a.required} in-person meetings the programme asks for. When you finish the accompaniment, closing it needs your evaluation (1 to 5 and a few comments); only the technical secretariat reads it, not your mentor.`,
      '',
      lang === 'es'
        ? 'La podéis hacer aquí, y después cerrar el acompañamiento:'
        : 'You can give it here, and then close the accompaniment:',
      a.pageUrl,
    ),
  }),
}
