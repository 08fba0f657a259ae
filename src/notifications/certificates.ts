import crypto from 'node:crypto'

import { formatDate, type Lang } from '../site/i18n'

/**
 * Certificates of participation (docs/domain.md, «Certificat de participació»). Each party of a
 * completed pairing has one, at `/certificat/<code>`: the code names the pairing and the side, and an
 * HMAC of both with the application's secret makes it unguessable and unforgeable, with nothing to
 * store. Pure code: no Payload here.
 */
export type CertificateSide = 'mentor' | 'mentee'

const SIDE_LETTER: Record<CertificateSide, string> = { mentor: 'm', mentee: 'e' }

const keyFrom = (secret: string) =>
  crypto.createHmac('sha256', secret).update('mentoria-xmess/certificates/v1').digest()

const macOf = (secret: string, pairing: string, side: CertificateSide) =>
  crypto
    .createHmac('sha256', keyFrom(secret))
    .update(`${pairing}:${side}`)
    .digest()
    .subarray(0, 18)
    .toString('base64url')

/** `<pairing>-<m|e>-<24 characters>`: 144 bits that only the application can make. */
export const certificateCode = (
  secret: string,
  pairing: string | number,
  side: CertificateSide,
): string => `${String(pairing)}-${SIDE_LETTER[side]}-${macOf(secret, String(pairing), side)}`

/** The pairing and side a genuine code names, or null (malformed or forged). */
export function readCertificateCode(
  secret: string,
  code: unknown,
): { pairing: string; side: CertificateSide } | null {
  if (typeof code !== 'string' || code.length > 100) return null
  const match = /^([A-Za-z0-9]{1,40})-([me])-([A-Za-z0-9_-]{24})$/.exec(code)
  if (!match) return null
  const side: CertificateSide = match[2] === 'm' ? 'mentor' : 'mentee'
  const expected = Buffer.from(macOf(secret, match[1], side))
  const given = Buffer.from(match[3])
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  return { pairing: match[1], side }
}

export type HeldMeeting = { status?: string | null; durationMinutes?: number | null }

/** The meetings held and their hours: the sum of the durations of held meetings only. */
export function heldMeetingsAndHours(meetings: readonly HeldMeeting[]): {
  meetings: number
  hours: number
} {
  const held = meetings.filter((meeting) => (meeting.status ?? 'held') === 'held')
  const minutes = held.reduce((sum, meeting) => sum + (meeting.durationMinutes ?? 0), 0)
  return { meetings: held.length, hours: Math.round((minutes / 60) * 100) / 100 }
}

export type CertificateFacts = {
  code: string
  url: string
  lang: Lang
  name: string
  side: CertificateSide
  ownCouncil: string
  otherCouncil: string
  year?: number | null
  startDate: string
  closingDate: string
  meetings: number
  hours: number
}

const WORDS = {
  ca: {
    title: 'Certificat de participació',
    programme:
      'Programa de mentoria de la Xarxa de Municipis per l’Economia Social i Solidària (XMESS)',
    certifies: 'La secretaria tècnica de la XMESS certifica que',
    mentor:
      'ha participat com a <strong>persona mentora</strong> en el programa de mentoria de la XMESS',
    mentee:
      'ha participat com a <strong>persona mentorada</strong> en el programa de mentoria de la XMESS',
    edition: (year: number) => `convocatòria ${year}`,
    mentorCouncil: 'Ens de la persona mentora',
    menteeCouncil: 'Ens de la persona mentorada',
    period: 'Període',
    from: (start: string, end: string) => `del ${start} al ${end}`,
    meetingsHeld: 'Trobades fetes',
    hours: 'Hores de mentoria',
    hoursValue: (hours: string) => `${hours} ${hours === '1' ? 'hora' : 'hores'}`,
    check:
      'Comprovació: aquest certificat és autèntic si en aquesta adreça la XMESS mostra les mateixes dades:',
    code: 'Codi',
    print: 'Per desar-lo o imprimir-lo, feu servir l’opció d’imprimir del navegador (un full A4).',
    languages: 'Altres llengües',
  },
  es: {
    title: 'Certificado de participación',
    programme:
      'Programa de mentoría de la Xarxa de Municipis per l’Economia Social i Solidària (XMESS)',
    certifies: 'La secretaría técnica de la XMESS certifica que',
    mentor:
      'ha participado como <strong>persona mentora</strong> en el programa de mentoría de la XMESS',
    mentee:
      'ha participado como <strong>persona mentorizada</strong> en el programa de mentoría de la XMESS',
    edition: (year: number) => `convocatoria ${year}`,
    mentorCouncil: 'Entidad de la persona mentora',
    menteeCouncil: 'Entidad de la persona mentorizada',
    period: 'Periodo',
    from: (start: string, end: string) => `del ${start} al ${end}`,
    meetingsHeld: 'Encuentros realizados',
    hours: 'Horas de mentoría',
    hoursValue: (hours: string) => `${hours} ${hours === '1' ? 'hora' : 'horas'}`,
    check:
      'Comprobación: este certificado es auténtico si en esta dirección la XMESS muestra los mismos datos:',
    code: 'Código',
    print: 'Para guardarlo o imprimirlo, usad la opción de imprimir del navegador (una hoja A4).',
    languages: 'Otras lenguas',
  },
  en: {
    title: 'Certificate of participation',
    programme:
      'Mentoring programme of the Network of Municipalities for the Social and Solidarity Economy (XMESS)',
    certifies: 'The XMESS technical secretariat certifies that',
    mentor: 'took part as a <strong>mentor</strong> in the XMESS mentoring programme',
    mentee: 'took part as a <strong>mentee</strong> in the XMESS mentoring programme',
    edition: (year: number) => `${year} call`,
    mentorCouncil: 'Mentor’s council',
    menteeCouncil: 'Mentee’s council',
    period: 'Period',
    from: (start: string, end: string) => `from ${start} to ${end}`,
    meetingsHeld: 'Meetings held',
    hours: 'Mentoring hours',
    hoursValue: (hours: string) => `${hours} ${hours === '1' ? 'hour' : 'hours'}`,
    check: 'Check: this certificate is genuine if XMESS shows the same details at this address:',
    code: 'Code',
    print: 'To save or print it, use your browser’s print option (one A4 page).',
    languages: 'Other languages',
  },
} as const

const LOCALE: Record<Lang, string> = { ca: 'ca-ES', es: 'es-ES', en: 'en-GB' }

export const escapeHtml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

const STYLE = `
@page { size: A4; margin: 18mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: Georgia, 'Times New Roman', serif; color: #1d1d1b; background: #f3f1ec; }
main { max-width: 180mm; min-height: 257mm; margin: 24px auto; padding: 22mm 20mm; background: #fff; border: 1px solid #d8d3c8; display: flex; flex-direction: column; }
.brand { font-family: Arial, Helvetica, sans-serif; font-size: 13px; letter-spacing: .08em; text-transform: uppercase; color: #8a1538; margin: 0; }
h1 { font-size: 34px; margin: 14mm 0 10mm; font-weight: normal; color: #8a1538; }
.lead { font-size: 17px; margin: 0 0 4mm; }
.name { font-size: 30px; margin: 0 0 6mm; }
.role { font-size: 17px; line-height: 1.5; margin: 0 0 10mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 3mm 8mm; font-size: 16px; margin: 0 0 12mm; }
dt { font-family: Arial, Helvetica, sans-serif; font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: #555; padding-top: 2px; }
dd { margin: 0; }
.check { margin-top: auto; font-family: Arial, Helvetica, sans-serif; font-size: 12px; color: #333; border-top: 1px solid #d8d3c8; padding-top: 5mm; }
.check a { overflow-wrap: anywhere; }
.screen { font-family: Arial, Helvetica, sans-serif; font-size: 13px; max-width: 180mm; margin: 0 auto 24px; color: #444; }
@media print { body { background: #fff; } main { margin: 0; border: 0; padding: 0; min-height: 0; height: 255mm; max-width: none; } .screen { display: none; } }
@media (max-width: 700px) { main { padding: 10mm 6mm; min-height: 0; } h1 { font-size: 26px; } .name { font-size: 24px; } }
`

/** The certificate as one printable page (A4), in the person's language; nothing but the certificate. */
export function certificateHtml(facts: CertificateFacts): string {
  const words = WORDS[facts.lang]
  const hours = new Intl.NumberFormat(LOCALE[facts.lang], { maximumFractionDigits: 2 }).format(
    facts.hours,
  )
  const [mentorCouncil, menteeCouncil] =
    facts.side === 'mentor'
      ? [facts.ownCouncil, facts.otherCouncil]
      : [facts.otherCouncil, facts.ownCouncil]
  const others = (['ca', 'es', 'en'] as const).filter((lang) => lang !== facts.lang)
  return `<!doctype html>
<html lang="${facts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(words.title)} — ${escapeHtml(facts.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">${escapeHtml(words.programme)}</p>
<h1>${escapeHtml(words.title)}</h1>
<p class="lead">${escapeHtml(words.certifies)}</p>
<p class="name"><strong>${escapeHtml(facts.name)}</strong></p>
<p class="role">${facts.side === 'mentor' ? words.mentor : words.mentee}${facts.year ? ` (${escapeHtml(words.edition(facts.year))})` : ''}.</p>
<dl>
<dt>${escapeHtml(words.mentorCouncil)}</dt><dd>${escapeHtml(mentorCouncil)}</dd>
<dt>${escapeHtml(words.menteeCouncil)}</dt><dd>${escapeHtml(menteeCouncil)}</dd>
<dt>${escapeHtml(words.period)}</dt><dd>${escapeHtml(words.from(formatDate(facts.startDate, facts.lang), formatDate(facts.closingDate, facts.lang)))}</dd>
<dt>${escapeHtml(words.meetingsHeld)}</dt><dd>${facts.meetings}</dd>
${facts.hours > 0 ? `<dt>${escapeHtml(words.hours)}</dt><dd>${escapeHtml(words.hoursValue(hours))}</dd>\n` : ''}</dl>
<p class="check">${escapeHtml(words.check)}<br><a href="${escapeHtml(facts.url)}">${escapeHtml(facts.url)}</a><br>${escapeHtml(words.code)}: ${escapeHtml(facts.code)}</p>
</main>
<p class="screen">${escapeHtml(words.print)} ${escapeHtml(words.languages)}: ${others.map((lang) => `<a href="?lang=${lang}" hreflang="${lang}" lang="${lang}">${lang === 'ca' ? 'català' : lang === 'es' ? 'español' : 'English'}</a>`).join(' · ')}</p>
</body>
</html>
`
}

/** The answer to a code that opens no certificate: unknown, forged, or voided by erasing its person. */
export function certificateNotFoundHtml(): string {
  return `<!doctype html>
<html lang="ca">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Certificat no trobat — Mentoria XMESS</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Certificat no trobat</h1>
<p>No hi ha cap certificat vàlid amb aquest codi: o el codi no és correcte, o el certificat s’ha anul·lat. Si creieu que és un error, escriviu a la secretaria tècnica de la XMESS.</p>
<p lang="es">No hay ningún certificado válido con este código: o el código no es correcto, o el certificado se ha anulado.</p>
<p lang="en">There is no valid certificate with this code: either the code is wrong or the certificate has been voided.</p>
</body>
</html>
`
}
