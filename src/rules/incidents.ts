/** Kinds of incident a party can report (R11), named in ca/es/en for the admin. */
export const INCIDENT_TYPES = [
  { value: 'communication', label: { ca: 'Comunicació entre les parts', es: 'Comunicación entre las partes', en: 'Communication between the parties' } },
  { value: 'availability', label: { ca: 'Disponibilitat o terminis', es: 'Disponibilidad o plazos', en: 'Availability or deadlines' } },
  { value: 'change_of_person', label: { ca: 'Canvi de persona o de lloc de treball', es: 'Cambio de persona o de puesto de trabajo', en: 'Change of person or job' } },
  { value: 'agreement', label: { ca: "Compliment de l'acord", es: 'Cumplimiento del acuerdo', en: 'Keeping to the agreement' } },
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
