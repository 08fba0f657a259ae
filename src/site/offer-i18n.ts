import type { Lang } from './i18n'

/** The words of /oferta-mentoria and POST /api/mentor-offers/offer (the call for mentors), ca/es/en. */
export type OfferMessages = {
  htmlTitle: string
  title: string
  intro: string
  renewalIntro: (name: string, edition: string) => string
  windowOpen: (close: string) => string
  sections: { person: string; offer: string; consents: string }
  fields: {
    name: string
    position: string
    municipality: string
    chooseMunicipality: string
    email: string
    phone: string
    topics: string
    topicsHint: string
    capacity: string
    capacityHint: string
    availability: string
    availabilityHint: string
    languages: string
    language: string
    dataProcessing: string
  }
  submit: string
  renew: string
  sending: string
  errorSummaryTitle: (count: number) => string
  invalid: string
  networkError: string
  successTitle: string
  successText: string
  successRenewal: string
  closedTitle: string
  validation: {
    capacityInvalid: string
    availabilityRequired: string
    availabilityTooLong: string
    topicsRequired: string
    topicsUnknown: string
  }
  link: { malformed: string; otherEdition: string; used: string; unknownMentor: string }
  email: {
    confirmSubject: string
    confirmBody: (name: string, edition: string) => string
    renewSubject: (edition: string) => string
    renewBody: (name: string, edition: string, link: string, close: string) => string
  }
}

const ca: OfferMessages = {
  htmlTitle: 'Oferta de mentoria · XMESS',
  title: 'Oferiu-vos com a persona mentora',
  intro:
    'Si treballeu en un ens de la XMESS i teniu experiència en economia social i solidària, podeu acompanyar un altre ens durant aquesta convocatòria. Digueu-nos en quins àmbits, quants acompanyaments podeu fer i quan teniu disponibilitat. La secretaria tècnica revisarà la vostra oferta.',
  renewalIntro: (name, edition) =>
    `${name}, gràcies per continuar. Aquesta és la vostra oferta per a ${edition}, amb el que vau oferir l'any passat: reviseu-la i envieu-la.`,
  windowOpen: (close) => `Podeu enviar l'oferta fins al ${close}.`,
  sections: {
    person: 'Qui sou',
    offer: 'Què oferiu en aquesta convocatòria',
    consents: 'Les vostres dades',
  },
  fields: {
    name: 'Nom i cognoms',
    position: 'Càrrec',
    municipality: 'Ens',
    chooseMunicipality: 'Trieu el vostre ens',
    email: 'Correu electrònic',
    phone: 'Telèfon (opcional)',
    topics: 'Àmbits en què podeu acompanyar',
    topicsHint: 'Marqueu-ne com a mínim un.',
    capacity: 'Quants acompanyaments podeu fer en aquesta convocatòria',
    capacityHint: "D'1 a 10.",
    availability: 'Disponibilitat',
    availabilityHint:
      'Quins dies i hores us van bé, i si us podeu desplaçar a les dues trobades presencials.',
    languages: 'Llengües en què podeu fer les trobades',
    language: 'Idioma dels correus',
    dataProcessing:
      'Accepto que la XMESS tracti les meves dades per organitzar el programa de mentoria.',
  },
  submit: "Envia l'oferta",
  renew: "Confirma l'oferta",
  sending: "S'està enviant…",
  errorSummaryTitle: (count) => (count === 1 ? 'Cal revisar 1 camp' : `Cal revisar ${count} camps`),
  invalid: 'Reviseu els camps marcats.',
  networkError: "No s'ha pogut enviar l'oferta. Comproveu la connexió i torneu-ho a provar.",
  successTitle: 'Hem rebut la vostra oferta',
  successText: 'Gràcies. La secretaria tècnica la revisarà i us escriurà si necessita res més.',
  successRenewal:
    'Gràcies. La vostra oferta per a aquesta convocatòria ha quedat desada; no cal que feu res més.',
  closedTitle: 'Ara no es poden enviar ofertes',
  validation: {
    capacityInvalid: "Escriviu quants acompanyaments podeu fer: un nombre enter de l'1 al 10.",
    availabilityRequired: 'Expliqueu la vostra disponibilitat (dies, hores, desplaçaments).',
    availabilityTooLong: 'El text de disponibilitat és massa llarg (màxim 2.000 caràcters).',
    topicsRequired: 'Marqueu com a mínim un àmbit.',
    topicsUnknown: 'Marqueu els àmbits de la llista.',
  },
  link: {
    malformed:
      "L'enllaç de renovació no és vàlid: obriu el del vostre correu sense canviar-lo, o ompliu el formulari sense enllaç.",
    otherEdition:
      "Aquest enllaç de renovació era per a una altra convocatòria: ompliu el formulari d'aquesta.",
    used: "Aquest enllaç de renovació ja s'ha fet servir: la vostra oferta per a aquesta convocatòria ja està desada. Si voleu canviar-la, escriviu a la secretaria tècnica.",
    unknownMentor:
      "L'enllaç de renovació és d'una persona mentora que ja no consta al programa: ompliu el formulari sense enllaç.",
  },
  email: {
    confirmSubject: 'Hem rebut la vostra oferta de mentoria',
    confirmBody: (name, edition) =>
      `Hola, ${name}:\n\nHem rebut la vostra oferta com a persona mentora per a ${edition}. La secretaria tècnica la revisarà i us escriurà si necessita res més.\n\nGràcies per acompanyar altres ens de la XMESS.`,
    renewSubject: (edition) => `Us tornem a comptar com a persona mentora? (${edition})`,
    renewBody: (name, edition, link, close) =>
      `Hola, ${name}:\n\nS'ha obert ${edition}. Si voleu tornar a acompanyar un altre ens, obriu aquest enllaç: trobareu l'oferta de l'any passat ja omplerta, i només cal que la reviseu i la confirmeu.\n\n${link}\n\nL'enllaç és personal, serveix una sola vegada i val fins al ${close}. Si aquest any no podeu, no cal que feu res.`,
  },
}

const es: OfferMessages = {
  ...ca,
  htmlTitle: 'Oferta de mentoría · XMESS',
  title: 'Ofrézcase como persona mentora',
  intro:
    'Si trabaja en un ente de la XMESS y tiene experiencia en economía social y solidaria, puede acompañar a otro ente durante esta convocatoria. Díganos en qué ámbitos, cuántos acompañamientos puede hacer y cuándo tiene disponibilidad. La secretaría técnica revisará su oferta.',
  renewalIntro: (name, edition) =>
    `${name}, gracias por continuar. Esta es su oferta para ${edition}, con lo que ofreció el año pasado: revísela y envíela.`,
  windowOpen: (close) => `Puede enviar la oferta hasta el ${close}.`,
  sections: { person: 'Quién es', offer: 'Qué ofrece en esta convocatoria', consents: 'Sus datos' },
  fields: {
    name: 'Nombre y apellidos',
    position: 'Cargo',
    municipality: 'Ente',
    chooseMunicipality: 'Elija su ente',
    email: 'Correo electrónico',
    phone: 'Teléfono (opcional)',
    topics: 'Ámbitos en los que puede acompañar',
    topicsHint: 'Marque al menos uno.',
    capacity: 'Cuántos acompañamientos puede hacer en esta convocatoria',
    capacityHint: 'De 1 a 10.',
    availability: 'Disponibilidad',
    availabilityHint:
      'Qué días y horas le van bien, y si puede desplazarse a los dos encuentros presenciales.',
    languages: 'Lenguas en las que puede hacer los encuentros',
    language: 'Idioma de los correos',
    dataProcessing: 'Acepto que la XMESS trate mis datos para organizar el programa de mentoría.',
  },
  submit: 'Enviar la oferta',
  renew: 'Confirmar la oferta',
  sending: 'Enviando…',
  errorSummaryTitle: (count) =>
    count === 1 ? 'Hay que revisar 1 campo' : `Hay que revisar ${count} campos`,
  invalid: 'Revise los campos marcados.',
  networkError: 'No se ha podido enviar la oferta. Compruebe la conexión y vuelva a intentarlo.',
  successTitle: 'Hemos recibido su oferta',
  successText: 'Gracias. La secretaría técnica la revisará y le escribirá si necesita algo más.',
  successRenewal:
    'Gracias. Su oferta para esta convocatoria ha quedado guardada; no necesita hacer nada más.',
  closedTitle: 'Ahora no se pueden enviar ofertas',
  validation: {
    capacityInvalid: 'Escriba cuántos acompañamientos puede hacer: un número entero del 1 al 10.',
    availabilityRequired: 'Explique su disponibilidad (días, horas, desplazamientos).',
    availabilityTooLong: 'El texto de disponibilidad es demasiado largo (máximo 2.000 caracteres).',
    topicsRequired: 'Marque al menos un ámbito.',
    topicsUnknown: 'Marque los ámbitos de la lista.',
  },
  link: {
    malformed:
      'El enlace de renovación no es válido: abra el de su correo sin cambiarlo, o rellene el formulario sin enlace.',
    otherEdition:
      'Este enlace de renovación era para otra convocatoria: rellene el formulario de esta.',
    used: 'Este enlace de renovación ya se ha usado: su oferta para esta convocatoria ya está guardada.',
    unknownMentor:
      'El enlace de renovación es de una persona mentora que ya no consta en el programa: rellene el formulario sin enlace.',
  },
  email: {
    confirmSubject: 'Hemos recibido su oferta de mentoría',
    confirmBody: (name, edition) =>
      `Hola, ${name}:\n\nHemos recibido su oferta como persona mentora para ${edition}. La secretaría técnica la revisará.\n\nGracias por acompañar a otros entes de la XMESS.`,
    renewSubject: (edition) => `¿Le volvemos a contar como persona mentora? (${edition})`,
    renewBody: (name, edition, link, close) =>
      `Hola, ${name}:\n\nSe ha abierto ${edition}. Si quiere volver a acompañar a otro ente, abra este enlace: encontrará la oferta del año pasado ya rellenada; solo tiene que revisarla y confirmarla.\n\n${link}\n\nEl enlace es personal, sirve una sola vez y vale hasta el ${close}. Si este año no puede, no tiene que hacer nada.`,
  },
}

const en: OfferMessages = {
  ...ca,
  htmlTitle: 'Mentor offer · XMESS',
  title: 'Offer yourself as a mentor',
  intro:
    'If you work for an XMESS council and have experience in the social and solidarity economy, you can accompany another council during this edition. Tell us in which topics, how many mentorings you can take on and when you are available. The secretariat will review your offer.',
  renewalIntro: (name, edition) =>
    `${name}, thank you for carrying on. This is your offer for ${edition}, with what you offered last year: check it and send it.`,
  windowOpen: (close) => `You can send your offer until ${close}.`,
  sections: {
    person: 'Who you are',
    offer: 'What you offer in this edition',
    consents: 'Your data',
  },
  fields: {
    name: 'Full name',
    position: 'Position',
    municipality: 'Council',
    chooseMunicipality: 'Choose your council',
    email: 'Email',
    phone: 'Phone (optional)',
    topics: 'Topics you can accompany',
    topicsHint: 'Tick at least one.',
    capacity: 'How many mentorings you can take on in this edition',
    capacityHint: 'From 1 to 10.',
    availability: 'Availability',
    availabilityHint:
      'Which days and times suit you, and whether you can travel to the two in-person meetings.',
    languages: 'Languages you can hold the meetings in',
    language: 'Email language',
    dataProcessing: 'I agree that the XMESS processes my data to run the mentoring programme.',
  },
  submit: 'Send the offer',
  renew: 'Confirm the offer',
  sending: 'Sending…',
  errorSummaryTitle: (count) =>
    count === 1 ? '1 field needs checking' : `${count} fields need checking`,
  invalid: 'Please check the marked fields.',
  networkError: 'The offer could not be sent. Check your connection and try again.',
  successTitle: 'We have received your offer',
  successText:
    'Thank you. The secretariat will review it and write to you if they need anything else.',
  successRenewal: 'Thank you. Your offer for this edition is saved; there is nothing else to do.',
  closedTitle: 'Offers cannot be sent now',
  validation: {
    capacityInvalid: 'Write how many mentorings you can take on: a whole number from 1 to 10.',
    availabilityRequired: 'Describe your availability (days, times, travel).',
    availabilityTooLong: 'The availability text is too long (2,000 characters at most).',
    topicsRequired: 'Tick at least one topic.',
    topicsUnknown: 'Tick topics from the list.',
  },
  link: {
    malformed:
      'The renewal link is not valid: open the one in your email unchanged, or fill in the form without a link.',
    otherEdition: "This renewal link was for another edition: fill in this edition's form.",
    used: 'This renewal link has already been used: your offer for this edition is saved.',
    unknownMentor:
      'This renewal link belongs to a mentor no longer in the programme: fill in the form without a link.',
  },
  email: {
    confirmSubject: 'We have received your mentor offer',
    confirmBody: (name, edition) =>
      `Hello ${name},\n\nWe have received your offer as a mentor for ${edition}. The secretariat will review it.\n\nThank you for accompanying other XMESS councils.`,
    renewSubject: (edition) => `Will you mentor again? (${edition})`,
    renewBody: (name, edition, link, close) =>
      `Hello ${name},\n\n${edition} has opened. If you would like to accompany another council again, open this link: last year's offer is already filled in; just check it and confirm.\n\n${link}\n\nThe link is personal, works once and is valid until ${close}. If you cannot this year, there is nothing to do.`,
  },
}

export const OFFER_MESSAGES: Record<Lang, OfferMessages> = { ca, es, en }
export const offerMessagesFor = (lang: Lang): OfferMessages => OFFER_MESSAGES[lang]
