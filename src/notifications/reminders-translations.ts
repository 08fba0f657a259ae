/**
 * The reminders to mentors and mentees in Spanish and English (the secretariat's own stay in Catalan).
 * Same placeholders as the Catalan defaults (src/notifications/reminders.ts); {data} reads «el 3 de
 * marzo de 2027» / «on 3 March 2027». Pure: no Payload here.
 */
import { SIGNATURE } from './language'
import type { ReminderText, ReminderTexts } from './reminders'

const es = (subject: string, ...lines: string[]): ReminderText => ({
  subject: `[Mentoria XMESS] ${subject}`,
  body: ['Hola, {nom}:', '', ...lines, '', '', SIGNATURE.es].join('\n'),
})
const en = (subject: string, ...lines: string[]): ReminderText => ({
  subject: `[Mentoria XMESS] ${subject}`,
  body: ['Hello {nom},', '', ...lines, '', '', SIGNATURE.en].join('\n'),
})

export const REMINDER_TEXTS_ES: ReminderTexts = {
  proposalUnanswered: {
    mentor: es(
      'Tenéis una propuesta de mentoría por responder',
      'El programa de mentoría de la XMESS os propuso {data} acompañar a {mentorada}, y todavía no habéis respondido.',
      '',
      'Podéis aceptarla o no, sin ninguna obligación: solo os pedimos que respondáis, para que la persona que espera pueda empezar (con vosotros o con otra persona mentora).',
      '',
      'Responded a la propuesta aquí:',
      '{enllac}',
    ),
  },
  notStarted: {
    mentor: es(
      'El acompañamiento todavía no ha empezado',
      'Los acompañamientos de esta convocatoria tenían que empezar {data}, y el vuestro con {mentorada} todavía no consta como empezado.',
      '',
      'Hablad, pactad las fechas, los objetivos, las actividades y el calendario, y registrad el acuerdo aquí (cualquiera de las dos partes puede hacerlo):',
      '{enllac}',
      '',
      'Si no podéis hacer el acompañamiento, decidlo en la misma página: la participación es voluntaria.',
    ),
    mentee: es(
      'El acompañamiento todavía no ha empezado',
      'Los acompañamientos de esta convocatoria tenían que empezar {data}, y el vuestro con {mentora} todavía no consta como empezado.',
      '',
      'Os toca dar el primer paso: poneos en contacto con vuestra persona mentora, pactad las fechas, los objetivos, las actividades y el calendario, y registrad el acuerdo aquí:',
      '{enllac}',
    ),
  },
  noMeeting: {
    mentor: es(
      'Todavía no habéis registrado ningún encuentro',
      'Vuestro acompañamiento con {mentorada} empezó {data} y todavía no hay registrado ninguno de los encuentros que hacen falta para cerrarlo (presenciales, si el programa no dice lo contrario).',
      '',
      'Si ya os habéis encontrado, registrad el encuentro; si no, acordad uno con la otra parte. Se registra aquí:',
      '{enllac}',
    ),
    mentee: es(
      'Todavía no habéis registrado ningún encuentro',
      'Vuestro acompañamiento con {mentora} empezó {data} y todavía no hay registrado ninguno de los encuentros que hacen falta para cerrarlo (presenciales, si el programa no dice lo contrario).',
      '',
      'Si ya os habéis encontrado, registrad el encuentro; si no, acordad uno con la otra parte. Se registra aquí:',
      '{enllac}',
    ),
  },
  endApproaching: {
    mentor: es(
      'El acompañamiento termina dentro de {dies} días',
      'Vuestro acompañamiento con {mentorada} tiene la fecha de finalización pactada {data}.',
      '',
      'Si ya habéis hecho lo que pactasteis, preparad el cierre (encuentros registrados y valoraciones). Si necesitáis más tiempo, las dos partes tenéis que acordar una ampliación. Todo se hace aquí:',
      '{enllac}',
    ),
    mentee: es(
      'El acompañamiento termina dentro de {dies} días',
      'Vuestro acompañamiento con {mentora} tiene la fecha de finalización pactada {data}.',
      '',
      'Si ya habéis hecho lo que pactasteis, preparad el cierre (encuentros registrados y vuestra valoración, que hace falta para cerrar). Si necesitáis más tiempo, las dos partes tenéis que acordar una ampliación. Todo se hace aquí:',
      '{enllac}',
    ),
  },
  overdue: {
    mentor: es(
      'El acompañamiento ha pasado la fecha de finalización',
      'Vuestro acompañamiento con {mentorada} tenía que terminar {data} y todavía consta en curso.',
      '',
      'Si ya ha terminado, cerradlo (fecha de cierre y valoraciones). Si necesitáis más tiempo, proponed una ampliación, que la otra parte tiene que aceptar. Aquí:',
      '{enllac}',
    ),
    mentee: es(
      'El acompañamiento ha pasado la fecha de finalización',
      'Vuestro acompañamiento con {mentora} tenía que terminar {data} y todavía consta en curso.',
      '',
      'Si ya ha terminado, cerradlo (hace falta vuestra valoración y la fecha de cierre). Si necesitáis más tiempo, proponed una ampliación, que la otra parte tiene que aceptar. Aquí:',
      '{enllac}',
    ),
  },
  evaluationMissing: {
    mentor: es(
      'Falta vuestra valoración de la mentoría',
      'El acompañamiento con {mentorada} se cerró {data} y todavía no habéis hecho vuestra valoración.',
      '',
      'Son dos minutos: una nota del 1 al 5 y unos comentarios. Solo la lee la secretaría técnica, no la otra parte, y nos ayuda a mejorar el programa. La podéis hacer aquí:',
      '{enllac}',
    ),
  },
  fitxaMissing: {
    mentee: es(
      'Os falta enviar la ficha de la mentoría',
      'Vuestro acompañamiento con {mentora} se completó {data}. ¡Gracias! Como acordasteis al solicitarlo, hay que documentarlo con la ficha, y todavía no nos ha llegado.',
      '',
      'Escribidla aquí y, cuando esté lista, enviadla a revisión (elegid «Enviada a revisió» y guardad). La secretaría técnica la revisa y la publica en la web de la XMESS:',
      '{enllac}',
      '',
      'Es el recordatorio {vegada} de {vegades}. Si tenéis alguna duda, responded a este correo.',
    ),
  },
}

export const REMINDER_TEXTS_EN: ReminderTexts = {
  proposalUnanswered: {
    mentor: en(
      'You have a mentoring proposal to answer',
      'The XMESS mentoring programme proposed {data} that you accompany {mentorada}, and you have not answered yet.',
      '',
      'You may accept it or not, with no obligation: we only ask you to answer, so that the person waiting can start (with you or with another mentor).',
      '',
      'Answer the proposal here:',
      '{enllac}',
    ),
  },
  notStarted: {
    mentor: en(
      'The accompaniment has not started yet',
      "This call's accompaniments were due to start {data}, and yours with {mentorada} is not recorded as started yet.",
      '',
      'Talk to each other, agree the dates, objectives, activities and calendar, and record the agreement here (either of you can):',
      '{enllac}',
      '',
      'If you cannot do the accompaniment, say so on the same page: taking part is voluntary.',
    ),
    mentee: en(
      'The accompaniment has not started yet',
      "This call's accompaniments were due to start {data}, and yours with {mentora} is not recorded as started yet.",
      '',
      'It is your turn to take the first step: get in touch with your mentor, agree the dates, objectives, activities and calendar, and record the agreement here:',
      '{enllac}',
    ),
  },
  noMeeting: {
    mentor: en(
      'You have not recorded any meeting yet',
      'Your accompaniment with {mentorada} started {data} and none of the meetings needed to close it (in person, unless the programme says otherwise) is recorded yet.',
      '',
      'If you have already met, record the meeting; if not, agree one with the other party. It is recorded here:',
      '{enllac}',
    ),
    mentee: en(
      'You have not recorded any meeting yet',
      'Your accompaniment with {mentora} started {data} and none of the meetings needed to close it (in person, unless the programme says otherwise) is recorded yet.',
      '',
      'If you have already met, record the meeting; if not, agree one with the other party. It is recorded here:',
      '{enllac}',
    ),
  },
  endApproaching: {
    mentor: en(
      'The accompaniment ends in {dies} days',
      'Your accompaniment with {mentorada} has its agreed end date {data}.',
      '',
      'If you have done what you agreed, prepare the closing (meetings recorded and evaluations). If you need more time, both of you must agree an extension. Everything is done here:',
      '{enllac}',
    ),
    mentee: en(
      'The accompaniment ends in {dies} days',
      'Your accompaniment with {mentora} has its agreed end date {data}.',
      '',
      'If you have done what you agreed, prepare the closing (meetings recorded and your evaluation, which closing needs). If you need more time, both of you must agree an extension. Everything is done here:',
      '{enllac}',
    ),
  },
  overdue: {
    mentor: en(
      'The accompaniment is past its end date',
      'Your accompaniment with {mentorada} was due to end {data} and is still recorded as under way.',
      '',
      'If it has ended, close it (closing date and evaluations). If you need more time, propose an extension, which the other party must accept. Here:',
      '{enllac}',
    ),
    mentee: en(
      'The accompaniment is past its end date',
      'Your accompaniment with {mentora} was due to end {data} and is still recorded as under way.',
      '',
      'If it has ended, close it (your evaluation and the closing date are needed). If you need more time, propose an extension, which the other party must accept. Here:',
      '{enllac}',
    ),
  },
  evaluationMissing: {
    mentor: en(
      'Your evaluation of the mentoring is missing',
      'The accompaniment with {mentorada} was closed {data} and you have not given your evaluation yet.',
      '',
      'It takes two minutes: a mark from 1 to 5 and a few comments. Only the technical secretariat reads it, not the other party, and it helps us improve the programme. You can give it here:',
      '{enllac}',
    ),
  },
  fitxaMissing: {
    mentee: en(
      'Your mentoring write-up (fitxa) is missing',
      'Your accompaniment with {mentora} was completed {data}. Thank you! As agreed when you applied, it must be documented with the fitxa, and we have not received it yet.',
      '',
      'Write it here and, when it is ready, send it for review (choose «Enviada a revisió» and save). The technical secretariat reviews it and publishes it on the XMESS website:',
      '{enllac}',
      '',
      'This is reminder {vegada} of {vegades}. If you have any question, reply to this email.',
    ),
  },
}

export const TRANSLATED_REMINDER_TEXTS = { es: REMINDER_TEXTS_ES, en: REMINDER_TEXTS_EN } as const
