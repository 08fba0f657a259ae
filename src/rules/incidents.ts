export const INCIDENT_TYPES = [
  { value: 'communication', label: 'Comunicació entre les parts' },
  { value: 'availability', label: 'Disponibilitat o terminis' },
  { value: 'change_of_person', label: 'Canvi de persona o de lloc de treball' },
  { value: 'agreement', label: "Compliment de l'acord" },
  { value: 'other', label: 'Una altra' },
]
