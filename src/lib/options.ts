import { z } from 'zod'

import { MEETING_MODALITIES } from '../rules/modalities'

export type Topic = { value: string; label: string }

/** Àmbits de l'ESS: the default list the secretariat starts from (docs/domain.md). */
export const DEFAULT_TOPICS: Topic[] = [
  { value: 'estrategia-ess', label: "Estratègia i pla municipal d'ESS" },
  { value: 'contractacio-responsable', label: 'Contractació pública responsable' },
  { value: 'cooperativisme', label: 'Cooperativisme i emprenedoria col·lectiva' },
  { value: 'mercat-social', label: 'Mercat social i consum responsable' },
  { value: 'finances-etiques', label: 'Finances ètiques' },
  { value: 'habitatge-cooperatiu', label: 'Habitatge cooperatiu' },
  { value: 'energia-comunitaria', label: 'Energia comunitària' },
  { value: 'sobirania-alimentaria', label: 'Sobirania alimentària' },
  { value: 'ateneus-cooperatius', label: "Ateneus cooperatius i espais d'innovació" },
  { value: 'economia-feminista', label: 'Economia feminista i de les cures' },
  { value: 'insercio-sociolaboral', label: 'Inserció sociolaboral' },
  { value: 'bens-comuns', label: 'Béns comuns i gestió comunitària' },
]

/** Classificació simplificada of the XMESS good-practice sheets: the four kinds of municipal ESS policy. */
export const DEFAULT_FITXA_CLASSIFICATIONS: Topic[] = [
  { value: 'coneixement-planificacio', label: 'Coneixement i planificació' },
  { value: 'regulacio', label: 'Regulació' },
  { value: 'fertilitzacio', label: "Fertilització de l'ecosistema" },
  { value: 'suport-directe', label: 'Suport directe' },
]

const optionList = (what: string) =>
  z
    .array(
      z.object({
        value: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, `el valor d'un${what} ha de ser en minúscules, xifres i guionets`),
        label: z.string().min(1),
      }),
    )
    .min(1, `cal com a mínim un${what}`)

export const mentoriaOptionsSchema = z
  .object({
    /** The àmbits candidates choose from and mentors offer. */
    topics: z
      .array(
        z.object({
          value: z
            .string()
            .regex(/^[a-z0-9][a-z0-9-]*$/, 'el valor d\'un àmbit ha de ser en minúscules, xifres i guionets'),
          label: z.string().min(1),
        }),
      )
      .min(1, 'cal com a mínim un àmbit')
      .default(DEFAULT_TOPICS),
    /** The fitxa's «Classificació simplificada» (DOMAIN.md, Fitxa). */
    fitxaClassifications: optionList('a classificació').default(DEFAULT_FITXA_CLASSIFICATIONS),
    /** Meetings a pairing needs before it can be completed (R7). */
    requiredMeetings: z.number().int().min(0).max(20).default(2),
    /** Which meeting modalities count towards `requiredMeetings` (R7). */
    countingModalities: z.array(z.enum(MEETING_MODALITIES)).min(1).default(['in_person']),
    /** Longest accompaniment without an agreed extension, in months (R8). */
    maxDurationMonths: z.number().int().min(1).max(36).default(12),
    /** Matching engine (src/matching): weights of the score parts and the hard distance limit. */
    matching: z
      .object({
        weights: z
          .object({ topics: z.number().min(0), distance: z.number().min(0), language: z.number().min(0) })
          .partial()
          .optional(),
        maxDistanceKm: z.number().positive().nullable().optional(),
        distanceScaleKm: z.number().positive().optional(),
      })
      .strict()
      .default({}),
    /** Proof of work asked of the public application form, in leading zero bits (0: off). */
    proofOfWorkBits: z.number().int().min(0).max(24).default(0),
    /** Sign-in, password reminders and resets: attempts per address and per account in a window. */
    loginLimits: z
      .object({
        windowMinutes: z.number().positive().default(15),
        perAddress: z.number().int().min(1).default(10),
        perAccount: z.number().int().min(1).default(10),
      })
      .strict()
      .default({ windowMinutes: 15, perAddress: 10, perAccount: 10 }),
    /** Months after an edition's applications close until its applications never paired are anonymised (GDPR). */
    retentionMonths: z.number().int().min(1).max(120).default(24),
    /** Where the secretariat is told of incidents and changes (R11). */
    secretariatEmail: z.email().optional(),
  })
  .strict()
  .superRefine((options, ctx) => {
    const seen = new Set<string>()
    for (const topic of options.topics) {
      if (seen.has(topic.value)) {
        ctx.addIssue({ code: 'custom', path: ['topics'], message: `l'àmbit «${topic.value}» està repetit` })
      }
      seen.add(topic.value)
    }
  })

export type MentoriaPluginOptions = z.input<typeof mentoriaOptionsSchema>
export type MentoriaOptions = z.output<typeof mentoriaOptionsSchema>

export function parseMentoriaOptions(input: MentoriaPluginOptions = {}): MentoriaOptions {
  const parsed = mentoriaOptionsSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`mentoriaPlugin: opció ${issue.path.join('.') || '(arrel)'}: ${issue.message}`)
  }
  return parsed.data
}
