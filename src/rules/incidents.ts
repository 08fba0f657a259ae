import { PAIRING_STATUS_LABELS, type PairingStatus, type Party } from './pairings'
import { allowed, refuse, type RuleResult } from './result'

/** Kinds of incident a party can report (R11), named in ca/es/en for the admin. */
export const INCIDENT_TYPES = [
  {
    value: 'communication',
    label: {
      ca: 'Comunicació entre les parts',
      es: 'Comunicación entre las partes',
      en: 'Communication between the parties',
    },
  },
  {
    value: 'availability',
    label: {
      ca: 'Disponibilitat o terminis',
      es: 'Disponibilidad o plazos',
      en: 'Availability or deadlines',
    },
  },
  {
    value: 'change_of_person',
    label: {
      ca: 'Canvi de persona o de lloc de treball',
      es: 'Cambio de persona o de puesto de trabajo',
      en: 'Change of person or job',
    },
  },
  {
    value: 'agreement',
    label: {
      ca: "Compliment de l'acord",
      es: 'Cumplimiento del acuerdo',
      en: 'Keeping to the agreement',
    },
  },
  { value: 'other', label: { ca: 'Una altra', es: 'Otra', en: 'Other' } },
] as const

/** The Catalan name of an incident type, for titles and emails. */
export const incidentTypeLabel = (value: string, fallback: string): string =>
  INCIDENT_TYPES.find((option) => option.value === value)?.label.ca ?? fallback

/** The name of an incident type in a person's language (Catalan when the language is not one of ours). */
export const incidentTypeLabelIn = (value: string, lang: string, fallback: string): string => {
  const label = INCIDENT_TYPES.find((option) => option.value === value)?.label
  return label ? (label[lang as keyof typeof label] ?? label.ca) : fallback
}

/** R11: a party reports an incident while the pairing is accepted or in progress; the secretariat at any time. */
export function checkIncidentReport(
  party: Party,
  pairingStatus: PairingStatus | null | undefined,
): RuleResult {
  if (party === 'secretariat' || ['accepted', 'active'].includes(String(pairingStatus)))
    return allowed
  return refuse(
    'R11',
    `L'acompanyament està ${PAIRING_STATUS_LABELS[pairingStatus ?? 'proposed']}: les incidències es comuniquen mentre és acceptat o en curs. Per a qualsevol altra cosa, escriviu a la secretaria tècnica.`,
    { field: 'pairing', status: 409 },
  )
}

/** R11: resolving an incident says how (the reporter is told). */
export function checkIncidentResolution(resolving: boolean, resolution: unknown): RuleResult {
  if (!resolving || String(resolution ?? '').trim()) return allowed
  return refuse(
    'R11',
    "Per resoldre una incidència cal explicar com s'ha resolt: la persona que l'ha comunicada ho rebrà.",
    { field: 'resolution' },
  )
}
