/** Languages a person can work in (mentors and candidates), with their names in ca/es/en. */
export const LANGUAGE_OPTIONS: { value: string; label: { ca: string; es: string; en: string } }[] =
  [
    { value: 'ca', label: { ca: 'Català', es: 'Catalán', en: 'Catalan' } },
    { value: 'es', label: { ca: 'Castellà', es: 'Castellano', en: 'Spanish' } },
    {
      value: 'oc',
      label: { ca: 'Occità (aranès)', es: 'Occitano (aranés)', en: 'Occitan (Aranese)' },
    },
    { value: 'en', label: { ca: 'Anglès', es: 'Inglés', en: 'English' } },
    { value: 'fr', label: { ca: 'Francès', es: 'Francés', en: 'French' } },
  ]
