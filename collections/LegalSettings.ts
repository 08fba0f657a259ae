import type { Field, GlobalConfig } from 'payload'

import { anyone, isSecretariat } from '../access/roles'
import { ASSESSMENT_METHODS, CONFORMANCE_STATUSES, LEGAL_SETTINGS_SLUG } from '../src/rules/legal'
import { datePicker, type Label } from './fields'

/** One text in the three languages of the public pages; Spanish and English fall back to Catalan. */
const localizedText = (name: string, label: Label, description: Label): Field => ({
  name,
  type: 'group',
  label,
  admin: { description },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'ca',
          type: 'textarea',
          maxLength: 4000,
          label: { ca: 'Català', es: 'Catalán', en: 'Catalan' },
        },
        {
          name: 'es',
          type: 'textarea',
          maxLength: 4000,
          label: { ca: 'Castellà', es: 'Castellano', en: 'Spanish' },
        },
        {
          name: 'en',
          type: 'textarea',
          maxLength: 4000,
          label: { ca: 'Anglès', es: 'Inglés', en: 'English' },
        },
      ],
    },
  ],
})

const emptyUsesDefault: Label = {
  ca: 'Si ho deixeu buit, la pàgina fa servir el text per defecte. Un element per línia quan és una llista.',
  es: 'Si lo dejáis vacío, la página usa el texto por defecto. Un elemento por línea cuando es una lista.',
  en: 'Left empty, the page uses the default text. One item a line when it is a list.',
}

const validEmail = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value))
    ? true
    : 'Ha de ser una adreça de correu (nom@domini.cat).'

/**
 * «Avís legal i accessibilitat»: the facts of the privacy notice (/privacitat) and the accessibility
 * statement (/accessibilitat), which the secretariat fills in. Everything here is published on those
 * pages, so anyone may read it; only the secretariat changes it. The production start refuses to run
 * while the required facts are empty (src/rules/legal.ts, REQUIRED_LEGAL_SETTINGS).
 */
export const LegalSettings: GlobalConfig = {
  slug: LEGAL_SETTINGS_SLUG,
  label: {
    ca: 'Avís legal i accessibilitat',
    es: 'Aviso legal y accesibilidad',
    en: 'Legal notice and accessibility',
  },
  admin: {
    group: { ca: 'Administració', es: 'Administración', en: 'Administration' },
    description: {
      ca: "Les dades de l'avís de privacitat (/privacitat) i de la declaració d'accessibilitat (/accessibilitat). Tot el que hi escriviu és públic.",
      es: 'Los datos del aviso de privacidad (/privacitat) y de la declaración de accesibilidad (/accessibilitat). Todo lo que escribáis es público.',
      en: 'The facts of the privacy notice (/privacitat) and the accessibility statement (/accessibilitat). Everything written here is public.',
    },
  },
  access: { read: anyone, update: isSecretariat },
  fields: [
    {
      name: 'controller',
      type: 'group',
      label: {
        ca: 'Responsable del tractament',
        es: 'Responsable del tratamiento',
        en: 'Data controller',
      },
      fields: [
        {
          name: 'name',
          type: 'text',
          maxLength: 300,
          label: { ca: 'Nom (obligatori)', es: 'Nombre (obligatorio)', en: 'Name (required)' },
        },
        {
          name: 'address',
          type: 'text',
          maxLength: 300,
          label: {
            ca: 'Adreça postal (obligatòria)',
            es: 'Dirección postal (obligatoria)',
            en: 'Postal address (required)',
          },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'email',
              type: 'text',
              maxLength: 200,
              validate: validEmail,
              label: {
                ca: 'Correu (obligatori)',
                es: 'Correo (obligatorio)',
                en: 'Email (required)',
              },
            },
            {
              name: 'phone',
              type: 'text',
              maxLength: 50,
              label: { ca: 'Telèfon', es: 'Teléfono', en: 'Phone' },
            },
            {
              name: 'website',
              type: 'text',
              maxLength: 300,
              label: { ca: 'Web', es: 'Web', en: 'Website' },
            },
          ],
        },
      ],
    },
    {
      name: 'dpo',
      type: 'group',
      label: {
        ca: 'Delegat de protecció de dades',
        es: 'Delegado de protección de datos',
        en: 'Data protection officer',
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'name',
              type: 'text',
              maxLength: 300,
              label: { ca: 'Nom o servei', es: 'Nombre o servicio', en: 'Name or office' },
            },
            {
              name: 'email',
              type: 'text',
              maxLength: 200,
              validate: validEmail,
              label: {
                ca: 'Correu (obligatori)',
                es: 'Correo (obligatorio)',
                en: 'Email (required)',
              },
            },
          ],
        },
        {
          name: 'address',
          type: 'text',
          maxLength: 300,
          label: { ca: 'Adreça postal', es: 'Dirección postal', en: 'Postal address' },
        },
      ],
    },
    localizedText(
      'purposes',
      { ca: 'Finalitats', es: 'Finalidades', en: 'Purposes' },
      emptyUsesDefault,
    ),
    localizedText(
      'legalBasis',
      { ca: 'Base jurídica', es: 'Base jurídica', en: 'Legal basis' },
      emptyUsesDefault,
    ),
    localizedText(
      'recipients',
      {
        ca: 'Destinataris i encarregats',
        es: 'Destinatarios y encargados',
        en: 'Recipients and processors',
      },
      emptyUsesDefault,
    ),
    {
      name: 'apdcat',
      type: 'group',
      label: {
        ca: 'Autoritat Catalana de Protecció de Dades (reclamacions)',
        es: 'Autoridad Catalana de Protección de Datos (reclamaciones)',
        en: 'Catalan Data Protection Authority (complaints)',
      },
      admin: { description: emptyUsesDefault },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'website',
              type: 'text',
              maxLength: 300,
              label: { ca: 'Web', es: 'Web', en: 'Website' },
            },
            {
              name: 'address',
              type: 'text',
              maxLength: 300,
              label: { ca: 'Adreça', es: 'Dirección', en: 'Address' },
            },
          ],
        },
      ],
    },
    {
      name: 'accessibility',
      type: 'group',
      label: {
        ca: "Declaració d'accessibilitat",
        es: 'Declaración de accesibilidad',
        en: 'Accessibility statement',
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'status',
              type: 'select',
              defaultValue: 'partial',
              options: CONFORMANCE_STATUSES.map((value) => ({
                value,
                label: {
                  full: {
                    ca: 'Plenament conforme',
                    es: 'Plenamente conforme',
                    en: 'Fully compliant',
                  },
                  partial: {
                    ca: 'Parcialment conforme',
                    es: 'Parcialmente conforme',
                    en: 'Partially compliant',
                  },
                  none: { ca: 'No conforme', es: 'No conforme', en: 'Not compliant' },
                }[value],
              })),
              label: {
                ca: 'Situació de compliment',
                es: 'Situación de cumplimiento',
                en: 'Compliance status',
              },
            },
            {
              name: 'method',
              type: 'select',
              defaultValue: 'self',
              options: ASSESSMENT_METHODS.map((value) => ({
                value,
                label:
                  value === 'self'
                    ? {
                        ca: "Autoavaluació de l'organisme",
                        es: 'Autoevaluación del organismo',
                        en: 'Self-assessment',
                      }
                    : {
                        ca: 'Avaluació per tercers',
                        es: 'Evaluación por terceros',
                        en: 'Third-party assessment',
                      },
              })),
              label: {
                ca: "Mètode de l'avaluació",
                es: 'Método de la evaluación',
                en: 'Assessment method',
              },
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'assessedAt',
              type: 'date',
              admin: { date: datePicker('dayOnly') },
              label: {
                ca: "Data de l'avaluació (obligatòria)",
                es: 'Fecha de la evaluación (obligatoria)',
                en: 'Assessment date (required)',
              },
            },
            {
              name: 'preparedAt',
              type: 'date',
              admin: { date: datePicker('dayOnly') },
              label: {
                ca: 'Data de la declaració',
                es: 'Fecha de la declaración',
                en: 'Statement date',
              },
            },
            {
              name: 'reviewedAt',
              type: 'date',
              admin: { date: datePicker('dayOnly') },
              label: { ca: 'Última revisió', es: 'Última revisión', en: 'Last review' },
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'contactEmail',
              type: 'text',
              maxLength: 200,
              validate: validEmail,
              label: {
                ca: 'Correu per comunicar barreres (obligatori)',
                es: 'Correo para comunicar barreras (obligatorio)',
                en: 'Email to report barriers (required)',
              },
            },
            {
              name: 'contactPhone',
              type: 'text',
              maxLength: 50,
              label: { ca: 'Telèfon', es: 'Teléfono', en: 'Phone' },
            },
          ],
        },
        localizedText(
          'knownIssues',
          {
            ca: 'Contingut no accessible (falta de conformitat)',
            es: 'Contenido no accesible (falta de conformidad)',
            en: 'Non-accessible content (non-compliance)',
          },
          emptyUsesDefault,
        ),
        localizedText(
          'outOfScope',
          {
            ca: "Contingut fora de l'àmbit de la legislació",
            es: 'Contenido fuera del ámbito de la legislación',
            en: 'Content outside the scope of the law',
          },
          emptyUsesDefault,
        ),
        localizedText(
          'complaints',
          {
            ca: 'On es presenta una reclamació',
            es: 'Dónde se presenta una reclamación',
            en: 'Where a complaint is lodged',
          },
          emptyUsesDefault,
        ),
      ],
    },
  ],
}
