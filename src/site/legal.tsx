/**
 * The privacy notice (/privacitat, GDPR art. 13, LOPDGDD art. 11) and the accessibility statement
 * (/accessibilitat, RD 1112/2018 and its model statement), in Catalan, Spanish and English, built from
 * «Avís legal i accessibilitat» (src/rules/legal.ts). Pure: the pages pass the settings in.
 */
import type { ReactNode } from 'react'

import { type LegalLang, type LegalSettingsData, linesOf, localized } from '../rules/legal'
import { formatDate, type Lang } from './i18n'

export const PRIVACY_PATH = '/privacitat'
export const ACCESSIBILITY_PATH = '/accessibilitat'

export const legalHref = (path: string, lang: Lang) =>
  lang === 'ca' ? path : `${path}?lang=${lang}`

type Texts = Record<LegalLang, string>

const pending: Texts = {
  ca: '(pendent que la secretaria ho ompli)',
  es: '(pendiente de que la secretaría lo rellene)',
  en: '(to be filled in by the secretariat)',
}

export const DEFAULT_PURPOSES: Texts = {
  ca: 'Gestionar el programa de mentoria de la XMESS: rebre i estudiar les sol·licituds i les ofertes de mentoria, proposar parelles, fer-ne el seguiment (trobades, incidències, avaluacions), publicar la fitxa de cada mentoria sense el nom de ningú, expedir certificats i fer-ne estadístiques sense dades personals.',
  es: 'Gestionar el programa de mentoría de la XMESS: recibir y estudiar las solicitudes y las ofertas de mentoría, proponer parejas, hacer su seguimiento (encuentros, incidencias, evaluaciones), publicar la ficha de cada mentoría sin el nombre de nadie, expedir certificados y elaborar estadísticas sin datos personales.',
  en: "Running the XMESS mentoring programme: receiving and assessing applications and mentoring offers, proposing pairs, following them up (meetings, incidents, evaluations), publishing each mentoring's write-up without anyone's name, issuing certificates and keeping statistics without personal data.",
}

export const DEFAULT_LEGAL_BASIS: Texts = {
  ca: "El compliment d'una missió realitzada en interès públic per les administracions que formen la XMESS (article 6.1.e del Reglament general de protecció de dades, RGPD, i article 8 de la Llei orgànica 3/2018, LOPDGDD) i el vostre consentiment, que doneu en enviar el formulari (article 6.1.a del RGPD) i que podeu retirar quan vulgueu.",
  es: 'El cumplimiento de una misión realizada en interés público por las administraciones que forman la XMESS (artículo 6.1.e del Reglamento general de protección de datos, RGPD, y artículo 8 de la Ley orgánica 3/2018, LOPDGDD) y vuestro consentimiento, que dais al enviar el formulario (artículo 6.1.a del RGPD) y que podéis retirar cuando queráis.',
  en: 'A task carried out in the public interest by the administrations that make up the XMESS (article 6(1)(e) of the General Data Protection Regulation, GDPR, and article 8 of Spanish Organic Law 3/2018, LOPDGDD) and your consent, given when you send the form (article 6(1)(a) GDPR), which you may withdraw at any time.',
}

export const DEFAULT_RECIPIENTS: Texts = {
  ca: "La secretaria tècnica de la XMESS. La persona de l'altra banda de la vostra mentoria veu el vostre nom, ens, càrrec, correu i telèfon un cop acceptada la proposta. No cedim les dades a tercers ni les transferim fora de l'Espai Econòmic Europeu. L'allotjament del servei el fa un encarregat del tractament amb contracte.",
  es: 'La secretaría técnica de la XMESS. La persona del otro lado de vuestra mentoría ve vuestro nombre, ente, cargo, correo y teléfono una vez aceptada la propuesta. No cedemos los datos a terceros ni los transferimos fuera del Espacio Económico Europeo. El alojamiento del servicio lo presta un encargado del tratamiento con contrato.',
  en: 'The XMESS technical secretariat. The person on the other side of your mentoring sees your name, council, position, email and phone once the proposal is accepted. We do not pass the data on to third parties or transfer it outside the European Economic Area. The service is hosted by a processor under contract.',
}

/**
 * The axe-core the assessment runs (tests/e2e/accessibility.test.ts); tests/unit/legal-assessment.test.ts
 * keeps it equal to the installed one, so that the statement names the version that was really used.
 */
export const AXE_CORE_VERSION = '4.14.1'

export const DEFAULT_KNOWN_ISSUES: Texts = {
  ca: [
    "Les pantalles genèriques de Payload CMS, el gestor sobre el qual funciona l'aplicació, que fa servir la secretaria tècnica (llistes, fitxes d'edició, l'editor de text enriquit, el selector de dates i el selector «Tauler» de la capçalera del tauler): axe-core hi troba camps de selecció i de data sense etiqueta associada, botons d'icona sense nom, elements amagats als lectors de pantalla que reben el focus, textos de contrast insuficient i botons petits (WCAG 1.3.1, 1.4.3, 2.5.8, 4.1.2). No són pantalles fetes per a aquest programa; les persones mentores i mentorades no les fan servir (la pàgina d'entrada, que fa servir tothom, no té cap problema greu ni crític). Si us cal fer alguna gestió per una altra via, escriviu a l'adreça de contacte.",
    'El mapa de les fitxes és una imatge; la mateixa informació és a la llista de fitxes i als filtres (WCAG 1.1.1).',
    "L'avaluació automàtica (axe-core) i el recorregut amb teclat no substitueixen una revisió manual completa amb lectors de pantalla, que encara no s'ha fet.",
  ].join('\n'),
  es: [
    'Las pantallas genéricas de Payload CMS, el gestor sobre el que funciona la aplicación, que usa la secretaría técnica (listas, fichas de edición, el editor de texto enriquecido, el selector de fechas y el selector «Tauler» de la cabecera del panel): axe-core encuentra campos de selección y de fecha sin etiqueta asociada, botones de icono sin nombre, elementos ocultos a los lectores de pantalla que reciben el foco, textos de contraste insuficiente y botones pequeños (WCAG 1.3.1, 1.4.3, 2.5.8, 4.1.2). No son pantallas hechas para este programa; las personas mentoras y mentorizadas no las usan (la página de entrada, que usa todo el mundo, no tiene ningún problema grave ni crítico). Si necesitáis hacer alguna gestión por otra vía, escribid a la dirección de contacto.',
    'El mapa de las fichas es una imagen; la misma información está en la lista de fichas y en los filtros (WCAG 1.1.1).',
    'La evaluación automática (axe-core) y el recorrido con teclado no sustituyen una revisión manual completa con lectores de pantalla, que todavía no se ha hecho.',
  ].join('\n'),
  en: [
    'The generic screens of Payload CMS, the content manager the application runs on, used by the secretariat (lists, edit views, the rich text editor, the date picker and the «Tauler» selector in the dashboard header): axe-core finds select and date fields without an associated label, icon buttons without a name, elements hidden from screen readers that take the focus, text with too little contrast and small buttons (WCAG 1.3.1, 1.4.3, 2.5.8, 4.1.2). They are not screens made for this programme; mentors and mentees do not use them (the sign-in page, which everybody uses, has no serious or critical issue). If you need to do something another way, write to the contact address.',
    'The fitxes map is an image; the same information is in the list of fitxes and its filters (WCAG 1.1.1).',
    'The automated assessment (axe-core) and the keyboard walk do not replace a full manual review with screen readers, which has not been done yet.',
  ].join('\n'),
}

export const DEFAULT_OUT_OF_SCOPE: Texts = {
  ca: 'Els continguts de tercers que no ha finançat ni desenvolupat la XMESS ni són sota el seu control, com les pàgines dels llocs web que inclouen el formulari o el giny de fitxes.',
  es: 'Los contenidos de terceros que la XMESS no ha financiado ni desarrollado ni están bajo su control, como las páginas de los sitios web que incluyen el formulario o el widget de fichas.',
  en: 'Third-party content neither funded, developed nor controlled by the XMESS, such as the pages of the websites that embed the form or the fitxes widget.',
}

export const DEFAULT_COMPLAINTS: Texts = {
  ca: 'Per escrit al responsable del tractament (adreça i correu de dalt), o al registre electrònic de la vostra administració, adreçat a la XMESS.',
  es: 'Por escrito al responsable del tratamiento (dirección y correo de arriba), o en el registro electrónico de vuestra administración, dirigido a la XMESS.',
  en: 'In writing to the data controller (address and email above), or through the electronic registry of your administration, addressed to the XMESS.',
}

export const DEFAULT_APDCAT = {
  website: 'https://apdcat.gencat.cat',
  address: 'C. de Rosselló, 214, esc. A, 1r 1a, 08008 Barcelona',
}

type Common = {
  fullNotice: string
  privacyLink: string
  accessibilityLink: string
  linksNav: string
}

export const LEGAL_LINK_TEXT: Record<LegalLang, Common> = {
  ca: {
    fullNotice:
      "L'avís de privacitat complet: qui és el responsable, el delegat de protecció de dades, la base jurídica i com reclamar a l'APDCAT",
    privacyLink: 'Privacitat',
    accessibilityLink: 'Accessibilitat',
    linksNav: 'Avisos legals',
  },
  es: {
    fullNotice:
      'El aviso de privacidad completo: quién es el responsable, el delegado de protección de datos, la base jurídica y cómo reclamar a la APDCAT',
    privacyLink: 'Privacidad',
    accessibilityLink: 'Accesibilidad',
    linksNav: 'Avisos legales',
  },
  en: {
    fullNotice:
      'The full privacy notice: who the controller is, the data protection officer, the legal basis and how to complain to the APDCAT',
    privacyLink: 'Privacy',
    accessibilityLink: 'Accessibility',
    linksNav: 'Legal notices',
  },
}

/** The footer's two links, in the page's language; inside a frame they open the whole page. */
export function LegalLinks({ lang, framed = false }: { lang: Lang; framed?: boolean }) {
  const t = LEGAL_LINK_TEXT[lang]
  const target = framed ? { target: '_blank', rel: 'noopener' } : {}
  return (
    <nav className="legal-links" aria-label={t.linksNav}>
      <p>
        <a href={legalHref(PRIVACY_PATH, lang)} {...target}>
          {t.privacyLink}
        </a>
        <span aria-hidden="true"> · </span>
        <a href={legalHref(ACCESSIBILITY_PATH, lang)} {...target}>
          {t.accessibilityLink}
        </a>
      </p>
    </nav>
  )
}

const value = (text: string | null | undefined, lang: LegalLang) =>
  text && text.trim() ? text.trim() : pending[lang]
const date = (text: string | null | undefined, lang: LegalLang) =>
  text ? formatDate(text, lang) : pending[lang]

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

const Email = ({ address, lang }: { address: string | null | undefined; lang: LegalLang }) =>
  address && address.trim() ? (
    <a href={`mailto:${address.trim()}`}>{address.trim()}</a>
  ) : (
    <>{pending[lang]}</>
  )

const PRIVACY: Record<
  LegalLang,
  {
    title: string
    intro: string
    controller: string
    dpo: string
    purposes: string
    basis: string
    data: string
    dataText: string
    recipients: string
    retention: string
    retentionText: (months: number) => string[]
    rights: string
    rightsText: string[]
    rightsHow: string
    complaint: string
    complaintText: string
    labels: { name: string; address: string; email: string; phone: string; website: string }
  }
> = {
  ca: {
    title: 'Avís de privacitat',
    intro:
      'Com tracta les vostres dades personals el programa de mentoria de la XMESS (Reglament (UE) 2016/679, RGPD, i Llei orgànica 3/2018, LOPDGDD).',
    controller: 'Responsable del tractament',
    dpo: 'Delegat de protecció de dades',
    purposes: 'Per a què fem servir les dades',
    basis: 'Base jurídica',
    data: 'Quines dades tractem',
    dataText:
      "Les que ens doneu al formulari de sol·licitud o a l'oferta de mentoria (nom, correu, telèfon, càrrec, ens, àmbits, necessitats, disponibilitat, llengües i idioma de contacte) i les que es generen durant la mentoria (trobades, acord, incidències, seguiments, avaluacions i fitxa). També guardem una còpia dels correus enviats i, per seguretat, un registre de qui de la secretaria ha llegit les incidències, les avaluacions i els seguiments.",
    recipients: 'Qui veu les dades',
    retention: 'Quant de temps les guardem',
    retentionText: (months) => [
      `Si la sol·licitud no arriba a tenir persona mentora, ${months} mesos després del tancament de la convocatòria se n'esborren el nom, el correu, el telèfon i els textos.`,
      "Si feu la mentoria, les dades es guarden com a registre del programa mentre la XMESS el gestioni, i després el temps que exigeixi la normativa d'arxius. La fitxa que es publica no diu el nom de ningú.",
      "Quan s'esborra una persona, el seu nom, correu, telèfon i textos se substitueixen per «Persona esborrada» arreu i el compte s'elimina; només queden les xifres del programa.",
    ],
    rights: 'Els vostres drets',
    rightsText: [
      'Accedir a les vostres dades (us les donem en un fitxer) i rectificar-les.',
      'Suprimir-les, oposar-vos al tractament o demanar-ne la limitació.',
      'La portabilitat de les dades que ens heu donat.',
      'Retirar el consentiment en qualsevol moment, sense que això afecti el que ja s’ha fet.',
    ],
    rightsHow:
      'Escriviu al responsable del tractament o al delegat de protecció de dades (adreces de dalt). Us respondrem en el termini d’un mes.',
    complaint: 'Reclamació',
    complaintText:
      'Si creieu que no hem tractat bé les vostres dades, podeu presentar una reclamació a l’Autoritat Catalana de Protecció de Dades (APDCAT):',
    labels: { name: 'Nom', address: 'Adreça', email: 'Correu', phone: 'Telèfon', website: 'Web' },
  },
  es: {
    title: 'Aviso de privacidad',
    intro:
      'Cómo trata vuestros datos personales el programa de mentoría de la XMESS (Reglamento (UE) 2016/679, RGPD, y Ley orgánica 3/2018, LOPDGDD).',
    controller: 'Responsable del tratamiento',
    dpo: 'Delegado de protección de datos',
    purposes: 'Para qué usamos los datos',
    basis: 'Base jurídica',
    data: 'Qué datos tratamos',
    dataText:
      'Los que nos dais en el formulario de solicitud o en la oferta de mentoría (nombre, correo, teléfono, cargo, ente, ámbitos, necesidades, disponibilidad, lenguas e idioma de contacto) y los que se generan durante la mentoría (encuentros, acuerdo, incidencias, seguimientos, evaluaciones y ficha). También guardamos una copia de los correos enviados y, por seguridad, un registro de quién de la secretaría ha leído las incidencias, las evaluaciones y los seguimientos.',
    recipients: 'Quién ve los datos',
    retention: 'Cuánto tiempo los guardamos',
    retentionText: (months) => [
      `Si la solicitud no llega a tener persona mentora, ${months} meses después del cierre de la convocatoria se borran el nombre, el correo, el teléfono y los textos.`,
      'Si hacéis la mentoría, los datos se guardan como registro del programa mientras la XMESS lo gestione, y después el tiempo que exija la normativa de archivos. La ficha que se publica no dice el nombre de nadie.',
      'Cuando se borra a una persona, su nombre, correo, teléfono y textos se sustituyen por «Persona esborrada» en todas partes y la cuenta se elimina; solo quedan las cifras del programa.',
    ],
    rights: 'Vuestros derechos',
    rightsText: [
      'Acceder a vuestros datos (os los damos en un fichero) y rectificarlos.',
      'Suprimirlos, oponeros al tratamiento o pedir su limitación.',
      'La portabilidad de los datos que nos habéis dado.',
      'Retirar el consentimiento en cualquier momento, sin que ello afecte a lo ya hecho.',
    ],
    rightsHow:
      'Escribid al responsable del tratamiento o al delegado de protección de datos (direcciones de arriba). Os responderemos en el plazo de un mes.',
    complaint: 'Reclamación',
    complaintText:
      'Si creéis que no hemos tratado bien vuestros datos, podéis presentar una reclamación ante la Autoridad Catalana de Protección de Datos (APDCAT):',
    labels: {
      name: 'Nombre',
      address: 'Dirección',
      email: 'Correo',
      phone: 'Teléfono',
      website: 'Web',
    },
  },
  en: {
    title: 'Privacy notice',
    intro:
      'How the XMESS mentoring programme handles your personal data (Regulation (EU) 2016/679, GDPR, and Spanish Organic Law 3/2018, LOPDGDD).',
    controller: 'Data controller',
    dpo: 'Data protection officer',
    purposes: 'What we use the data for',
    basis: 'Legal basis',
    data: 'What data we handle',
    dataText:
      'What you give us on the application form or the mentoring offer (name, email, phone, position, council, topics, needs, availability, languages and contact language) and what the mentoring produces (meetings, agreement, incidents, check-ins, evaluations and write-up). We also keep a copy of the emails sent and, for security, a log of who in the secretariat read the incidents, evaluations and check-ins.',
    recipients: 'Who sees the data',
    retention: 'How long we keep it',
    retentionText: (months) => [
      `If an application never gets a mentor, its name, email, phone and texts are erased ${months} months after the call closes.`,
      'If you take part in a mentoring, the data is kept as the programme’s record while the XMESS runs it, and then for as long as the archives law requires. The published write-up names no one.',
      'When a person is erased, their name, email, phone and texts are replaced by «Persona esborrada» everywhere and their account is removed; only the programme’s figures remain.',
    ],
    rights: 'Your rights',
    rightsText: [
      'To access your data (we give it to you in a file) and have it corrected.',
      'To have it erased, to object to its use or to ask for it to be restricted.',
      'To the portability of the data you gave us.',
      'To withdraw your consent at any time, without affecting what was already done.',
    ],
    rightsHow:
      'Write to the data controller or to the data protection officer (addresses above). We will answer within one month.',
    complaint: 'Complaints',
    complaintText:
      'If you think we have not handled your data properly, you may lodge a complaint with the Catalan Data Protection Authority (APDCAT):',
    labels: {
      name: 'Name',
      address: 'Address',
      email: 'Email',
      phone: 'Phone',
      website: 'Website',
    },
  },
}

export const privacyTitle = (lang: LegalLang) => PRIVACY[lang].title

/** The full privacy notice, from the settings and the real retention option. */
export function PrivacyNotice({
  settings,
  lang,
  retentionMonths,
}: {
  settings: LegalSettingsData
  lang: LegalLang
  retentionMonths: number
}) {
  const t = PRIVACY[lang]
  const controller = settings.controller ?? {}
  const dpo = settings.dpo ?? {}
  const apdcat = {
    website: settings.apdcat?.website?.trim() || DEFAULT_APDCAT.website,
    address: settings.apdcat?.address?.trim() || DEFAULT_APDCAT.address,
  }
  return (
    <article className="legal">
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <Section id="controller" title={t.controller}>
        <dl>
          <dt>{t.labels.name}</dt>
          <dd>{value(controller.name, lang)}</dd>
          <dt>{t.labels.address}</dt>
          <dd>{value(controller.address, lang)}</dd>
          <dt>{t.labels.email}</dt>
          <dd>
            <Email address={controller.email} lang={lang} />
          </dd>
          {controller.phone ? (
            <>
              <dt>{t.labels.phone}</dt>
              <dd>{controller.phone}</dd>
            </>
          ) : null}
          {controller.website ? (
            <>
              <dt>{t.labels.website}</dt>
              <dd>{controller.website}</dd>
            </>
          ) : null}
        </dl>
      </Section>
      <Section id="dpo" title={t.dpo}>
        <dl>
          {dpo.name ? (
            <>
              <dt>{t.labels.name}</dt>
              <dd>{dpo.name}</dd>
            </>
          ) : null}
          <dt>{t.labels.email}</dt>
          <dd>
            <Email address={dpo.email} lang={lang} />
          </dd>
          {dpo.address ? (
            <>
              <dt>{t.labels.address}</dt>
              <dd>{dpo.address}</dd>
            </>
          ) : null}
        </dl>
      </Section>
      <Section id="purposes" title={t.purposes}>
        {linesOf(localized(settings.purposes, lang, DEFAULT_PURPOSES)).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </Section>
      <Section id="basis" title={t.basis}>
        {linesOf(localized(settings.legalBasis, lang, DEFAULT_LEGAL_BASIS)).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </Section>
      <Section id="data" title={t.data}>
        <p>{t.dataText}</p>
      </Section>
      <Section id="recipients" title={t.recipients}>
        {linesOf(localized(settings.recipients, lang, DEFAULT_RECIPIENTS)).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </Section>
      <Section id="retention" title={t.retention}>
        {t.retentionText(retentionMonths).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </Section>
      <Section id="rights" title={t.rights}>
        <ul>
          {t.rightsText.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>{t.rightsHow}</p>
      </Section>
      <Section id="complaint" title={t.complaint}>
        <p>{t.complaintText}</p>
        <p>
          <a href={apdcat.website}>{apdcat.website}</a> — {apdcat.address}
        </p>
      </Section>
    </article>
  )
}

const STATUS: Record<LegalLang, Record<'full' | 'partial' | 'none', string>> = {
  ca: {
    full: 'Aquest lloc web és plenament conforme amb el Reial decret 1112/2018.',
    partial:
      'Aquest lloc web és parcialment conforme amb el Reial decret 1112/2018 a causa de la falta de conformitat i de les excepcions que es detallen a continuació.',
    none: 'Aquest lloc web no és conforme amb el Reial decret 1112/2018. La falta de conformitat es detalla a continuació.',
  },
  es: {
    full: 'Este sitio web es plenamente conforme con el Real Decreto 1112/2018.',
    partial:
      'Este sitio web es parcialmente conforme con el Real Decreto 1112/2018 debido a la falta de conformidad y las excepciones que se detallan a continuación.',
    none: 'Este sitio web no es conforme con el Real Decreto 1112/2018. La falta de conformidad se detalla a continuación.',
  },
  en: {
    full: 'This website is fully compliant with Royal Decree 1112/2018.',
    partial:
      'This website is partially compliant with Royal Decree 1112/2018 because of the non-compliance and exemptions listed below.',
    none: 'This website is not compliant with Royal Decree 1112/2018. The non-compliance is listed below.',
  },
}

const ACCESSIBILITY: Record<
  LegalLang,
  {
    title: string
    intro: (controller: string) => string
    status: string
    content: string
    nonCompliance: string
    burden: string
    burdenText: string
    outOfScope: string
    preparation: string
    preparedOn: (date: string) => string
    method: Record<'self' | 'third-party', string>
    assessedOn: (date: string) => string
    reviewedOn: (date: string) => string
    feedback: string
    feedbackText: string[]
    feedbackHow: string
    phone: string
    enforcement: string
    enforcementText: string[]
    complaintsWhere: string
  }
> = {
  ca: {
    title: "Declaració d'accessibilitat",
    intro: (controller) =>
      `${controller} s'ha compromès a fer accessible aquest lloc web (Mentoria XMESS: el formulari de sol·licitud, les fitxes i l'aplicació de seguiment) de conformitat amb el Reial decret 1112/2018, de 7 de setembre, sobre accessibilitat dels llocs web i aplicacions per a dispositius mòbils del sector públic, segons la norma EN 301 549 i les pautes WCAG 2.1 de nivell AA.`,
    status: 'Situació de compliment',
    content: 'Contingut no accessible',
    nonCompliance: 'Falta de conformitat amb el Reial decret 1112/2018',
    burden: 'Càrrega desproporcionada',
    burdenText: "No s'hi aplica.",
    outOfScope: "El contingut no entra dins l'àmbit de la legislació aplicable",
    preparation: "Preparació d'aquesta declaració d'accessibilitat",
    preparedOn: (date) => `Data de preparació d'aquesta declaració: ${date}.`,
    method: {
      self: `El mètode emprat ha estat una autoavaluació de l'organisme, amb proves que es repeteixen a cada versió del programa: axe-core ${AXE_CORE_VERSION} (regles de les WCAG 2.0, 2.1 i 2.2, nivells A i AA, i bones pràctiques) a Chromium, a 320 i a 1280 píxels d'amplada, sense cap problema greu ni crític, sobre totes les pàgines públiques (el formulari de sol·licitud, les fitxes, el giny i el fragment per a webs, aquesta declaració, l'avís de privacitat, la resposta a una proposta, el seguiment i el certificat) i sobre totes les vistes pròpies de l'aplicació (Les meves mentories i la pàgina de cada acompanyament, de la persona mentora i de la mentorada, la fitxa, la consola, els informes, l'aparellament i les dades), cadascuna amb el rol de qui la fa servir; i un recorregut només amb teclat (tabulador, espai, retorn i escriure) que envia el formulari, accepta una proposta i envia una fitxa a revisió, comprovant a cada pas que es veu on és el focus.`,
      'third-party': 'El mètode emprat ha estat una avaluació feta per tercers.',
    },
    assessedOn: (date) => `Data de l'avaluació: ${date}.`,
    reviewedOn: (date) => `Última revisió de la declaració: ${date}.`,
    feedback: 'Observacions i dades de contacte',
    feedbackText: [
      'Informar de qualsevol possible incompliment per part d’aquest lloc web.',
      "Transmetre altres dificultats d'accés al contingut.",
      "Demanar la informació d'un contingut no accessible en un format accessible.",
      'Formular qualsevol altra consulta o suggeriment de millora.',
    ],
    feedbackHow:
      "Podeu fer comunicacions sobre requisits d'accessibilitat (article 10.2.a del Reial decret 1112/2018), per exemple:",
    phone: 'Telèfon',
    enforcement: "Procediment d'aplicació",
    enforcementText: [
      "Les sol·licituds d'informació accessible i les queixes es responen en el termini de 20 dies hàbils.",
      "Si, un cop feta una sol·licitud d'informació accessible o una queixa, s'ha desestimat, no esteu d'acord amb la decisió adoptada o la resposta no compleix els requisits de l'article 12.5 del Reial decret 1112/2018, o si han passat els 20 dies hàbils sense resposta, podeu presentar una reclamació (article 13 del Reial decret 1112/2018).",
    ],
    complaintsWhere: 'On presentar-la:',
  },
  es: {
    title: 'Declaración de accesibilidad',
    intro: (controller) =>
      `${controller} se ha comprometido a hacer accesible este sitio web (Mentoria XMESS: el formulario de solicitud, las fichas y la aplicación de seguimiento) de conformidad con el Real Decreto 1112/2018, de 7 de septiembre, sobre accesibilidad de los sitios web y aplicaciones para dispositivos móviles del sector público, según la norma EN 301 549 y las pautas WCAG 2.1 de nivel AA.`,
    status: 'Situación de cumplimiento',
    content: 'Contenido no accesible',
    nonCompliance: 'Falta de conformidad con el Real Decreto 1112/2018',
    burden: 'Carga desproporcionada',
    burdenText: 'No aplica.',
    outOfScope: 'El contenido no entra dentro del ámbito de la legislación aplicable',
    preparation: 'Preparación de la presente declaración de accesibilidad',
    preparedOn: (date) => `La presente declaración fue preparada el ${date}.`,
    method: {
      self: `El método empleado ha sido una autoevaluación llevada a cabo por el propio organismo, con pruebas que se repiten en cada versión del programa: axe-core ${AXE_CORE_VERSION} (reglas de las WCAG 2.0, 2.1 y 2.2, niveles A y AA, y buenas prácticas) en Chromium, a 320 y a 1280 píxeles de ancho, sin ningún problema grave ni crítico, sobre todas las páginas públicas (el formulario de solicitud, las fichas, el widget y el fragmento para webs, esta declaración, el aviso de privacidad, la respuesta a una propuesta, el seguimiento y el certificado) y sobre todas las vistas propias de la aplicación (Les meves mentories y la página de cada acompañamiento, de la persona mentora y de la mentorada, la ficha, la consola, los informes, el emparejamiento y los datos), cada una con el rol de quien la usa; y un recorrido solo con teclado (tabulador, espacio, intro y escribir) que envía el formulario, acepta una propuesta y envía una ficha a revisión, comprobando en cada paso que se ve dónde está el foco.`,
      'third-party': 'El método empleado ha sido una evaluación realizada por terceros.',
    },
    assessedOn: (date) => `Fecha de la evaluación: ${date}.`,
    reviewedOn: (date) => `Última revisión de la declaración: ${date}.`,
    feedback: 'Observaciones y datos de contacto',
    feedbackText: [
      'Informar sobre cualquier posible incumplimiento por parte de este sitio web.',
      'Transmitir otras dificultades de acceso al contenido.',
      'Solicitar la información de un contenido no accesible en un formato accesible.',
      'Formular cualquier otra consulta o sugerencia de mejora.',
    ],
    feedbackHow:
      'Podéis realizar comunicaciones sobre requisitos de accesibilidad (artículo 10.2.a del Real Decreto 1112/2018), como por ejemplo:',
    phone: 'Teléfono',
    enforcement: 'Procedimiento de aplicación',
    enforcementText: [
      'Las solicitudes de información accesible y las quejas se responden en el plazo de 20 días hábiles.',
      'Si, una vez realizada una solicitud de información accesible o una queja, esta hubiera sido desestimada, no estuvierais de acuerdo con la decisión adoptada o la respuesta no cumpliera los requisitos del artículo 12.5 del Real Decreto 1112/2018, o si transcurrido el plazo de 20 días hábiles no hubierais obtenido respuesta, podéis iniciar una reclamación (artículo 13 del Real Decreto 1112/2018).',
    ],
    complaintsWhere: 'Dónde presentarla:',
  },
  en: {
    title: 'Accessibility statement',
    intro: (controller) =>
      `${controller} is committed to making this website (Mentoria XMESS: the application form, the fitxes and the follow-up application) accessible in accordance with Spanish Royal Decree 1112/2018 of 7 September on the accessibility of public sector websites and mobile applications, following standard EN 301 549 and WCAG 2.1 level AA.`,
    status: 'Compliance status',
    content: 'Non-accessible content',
    nonCompliance: 'Non-compliance with Royal Decree 1112/2018',
    burden: 'Disproportionate burden',
    burdenText: 'Not applicable.',
    outOfScope: 'Content outside the scope of the applicable law',
    preparation: 'Preparation of this accessibility statement',
    preparedOn: (date) => `This statement was prepared on ${date}.`,
    method: {
      self: `The method used was a self-assessment by the organisation, with tests repeated on every release of the software: axe-core ${AXE_CORE_VERSION} (the WCAG 2.0, 2.1 and 2.2 level A and AA rules, and best practices) in Chromium, at 320 and at 1280 pixels wide, with no serious or critical issue, on every public page (the application form, the fitxes, the widget and the fragment for websites, this statement, the privacy notice, the proposal answer, the check-in and the certificate) and on every view of the application's own (Les meves mentories and each accompaniment's page, the mentor's and the mentee's, the fitxa, the console, the reports, matching and the data page), each as the role that uses it; and a keyboard-only walk (Tab, Space, Enter and typing) that sends the application form, accepts a proposal and sends a fitxa for review, checking at every step that the focus can be seen.`,
      'third-party': 'The method used was an assessment carried out by a third party.',
    },
    assessedOn: (date) => `Assessment date: ${date}.`,
    reviewedOn: (date) => `Last review of the statement: ${date}.`,
    feedback: 'Feedback and contact information',
    feedbackText: [
      'Report any possible non-compliance of this website.',
      'Tell us about other difficulties in accessing the content.',
      'Ask for the information of non-accessible content in an accessible format.',
      'Send any other question or suggestion for improvement.',
    ],
    feedbackHow:
      'You may contact us about accessibility requirements (article 10.2.a of Royal Decree 1112/2018), for example to:',
    phone: 'Phone',
    enforcement: 'Enforcement procedure',
    enforcementText: [
      'Requests for accessible information and complaints are answered within 20 working days.',
      'If a request for accessible information or a complaint is rejected, you disagree with the decision, or the answer does not meet article 12.5 of Royal Decree 1112/2018, or 20 working days pass without an answer, you may lodge a claim (article 13 of Royal Decree 1112/2018).',
    ],
    complaintsWhere: 'Where to lodge it:',
  },
}

export const accessibilityTitle = (lang: LegalLang) => ACCESSIBILITY[lang].title

/** The accessibility statement in the form of the Spanish administration's model (RD 1112/2018). */
export function AccessibilityStatement({
  settings,
  lang,
}: {
  settings: LegalSettingsData
  lang: LegalLang
}) {
  const t = ACCESSIBILITY[lang]
  const facts = settings.accessibility ?? {}
  const status = facts.status ?? 'partial'
  const method = facts.method ?? 'self'
  const knownIssues = linesOf(localized(facts.knownIssues, lang, DEFAULT_KNOWN_ISSUES))
  const outOfScope = linesOf(localized(facts.outOfScope, lang, DEFAULT_OUT_OF_SCOPE))
  return (
    <article className="legal">
      <h1>{t.title}</h1>
      <p className="lead">{t.intro(value(settings.controller?.name, lang))}</p>
      <Section id="status" title={t.status}>
        <p>{STATUS[lang][status]}</p>
      </Section>
      <Section id="content" title={t.content}>
        {status === 'full' ? null : (
          <>
            <h3>{t.nonCompliance}</h3>
            <ul>
              {knownIssues.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
        <h3>{t.burden}</h3>
        <p>{t.burdenText}</p>
        <h3>{t.outOfScope}</h3>
        <ul>
          {outOfScope.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </Section>
      <Section id="preparation" title={t.preparation}>
        <p>{t.preparedOn(date(facts.preparedAt ?? facts.assessedAt, lang))}</p>
        <p>{t.method[method]}</p>
        <p>{t.assessedOn(date(facts.assessedAt, lang))}</p>
        <p>{t.reviewedOn(date(facts.reviewedAt ?? facts.preparedAt ?? facts.assessedAt, lang))}</p>
      </Section>
      <Section id="feedback" title={t.feedback}>
        <p>{t.feedbackHow}</p>
        <ul>
          {t.feedbackText.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>
          <Email address={facts.contactEmail} lang={lang} />
          {facts.contactPhone ? ` · ${t.phone}: ${facts.contactPhone}` : null}
        </p>
      </Section>
      <Section id="enforcement" title={t.enforcement}>
        {t.enforcementText.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p>
          {t.complaintsWhere} {localized(facts.complaints, lang, DEFAULT_COMPLAINTS)}
        </p>
      </Section>
    </article>
  )
}
