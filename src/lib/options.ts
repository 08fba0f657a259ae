import { z } from 'zod'

import { DEFAULT_REMINDER_TEXTS, type ReminderTexts } from '../notifications/reminders'
import { TRANSLATED_REMINDER_TEXTS } from '../notifications/reminders-translations'
import { CHECKIN_WINDOW_DAYS, FIRST_CONTACT_DAYS } from '../rules/checkins'
import { MEETING_MODALITIES } from '../rules/modalities'
import {
  DEFAULT_REMINDER_DAYS,
  REMINDER_AUDIENCES,
  REMINDER_KINDS,
  TEMPLATE_PLACEHOLDERS,
  unknownPlaceholders,
} from '../rules/reminders'

/** One value of a vocabulary: its stored code, its Catalan name, and optionally its Spanish and English names. */
export type Topic = { value: string; label: string; es?: string | null; en?: string | null }

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

/**
 * Classificació simplificada, as the good-practice sheets on xmess.cat name it (their sheets say
 * "Detecció i coneixement de l'ESS"; the XMESS survey also names the other two).
 */
export const DEFAULT_FITXA_CLASSIFICATIONS: Topic[] = [
  { value: 'deteccio-coneixement-ess', label: "Detecció i coneixement de l'ESS" },
  { value: 'suport-sensibilitzacio', label: 'Suport i sensibilització' },
  { value: 'educacio', label: 'Educació' },
]

const optionList = (what: string) =>
  z
    .array(
      z.object({
        value: z
          .string()
          .regex(
            /^[a-z0-9][a-z0-9-]*$/,
            `el valor d'un${what} ha de ser en minúscules, xifres i guionets`,
          ),
        label: z.string().min(1),
      }),
    )
    .min(1, `cal com a mínim un${what}`)

const days = (value: number) =>
  z
    .number()
    .int('ha de ser un nombre enter de dies')
    .min(1, 'ha de ser com a mínim 1 dia')
    .max(730, 'com a molt 730 dies')
    .default(value)

const reminderText = z
  .object({
    subject: z.string().min(1, "l'assumpte no pot ser buit").max(200),
    body: z.string().min(1, 'el text no pot ser buit').max(8000),
  })
  .partial()
  .strict()

const reminderTextsSchema = z.partialRecord(
  z.enum(REMINDER_KINDS),
  z.partialRecord(z.enum(REMINDER_AUDIENCES), reminderText),
)
type ReminderOverrides = z.infer<typeof reminderTextsSchema>

/** The refusals of one set of overrides: a recipient the reminder has not, an unknown {placeholder}. */
function checkReminderTexts(
  texts: ReminderOverrides,
  path: (string | number)[],
  ctx: z.RefinementCtx,
) {
  for (const [kind, byAudience] of Object.entries(texts)) {
    for (const [audience, override] of Object.entries(byAudience ?? {})) {
      if (!(DEFAULT_REMINDER_TEXTS as Record<string, Record<string, unknown>>)[kind][audience]) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, kind, audience],
          message: 'aquest recordatori no va a aquesta persona',
        })
      }
      for (const [part, template] of Object.entries(override ?? {})) {
        const unknown = unknownPlaceholders(String(template))
        if (unknown.length) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, kind, audience, part],
            message: `{${unknown[0]}} no existeix; es poden fer servir ${TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}`,
          })
        }
      }
    }
  }
}

/** The texts of one language: its defaults, with the secretariat's overrides on top. */
const mergeReminderTexts = (defaults: ReminderTexts, texts: ReminderOverrides): ReminderTexts =>
  Object.fromEntries(
    REMINDER_KINDS.map((kind) => [
      kind,
      Object.fromEntries(
        Object.entries(defaults[kind]).map(([audience, text]) => [
          audience,
          { ...text, ...(texts[kind]?.[audience as keyof (typeof texts)[typeof kind]] ?? {}) },
        ]),
      ),
    ]),
  ) as ReminderTexts

/** Reminders and notices (DOMAIN.md): every number of days and every text, with the Catalan defaults. */
const remindersSchema = z
  .object({
    /** From this hour (Europe/Madrid) the daily round sends the day's reminders. */
    hour: z.number().int().min(0).max(23).default(8),
    proposalUnansweredDays: days(DEFAULT_REMINDER_DAYS.proposalUnansweredDays),
    proposalUnansweredAgainDays: days(DEFAULT_REMINDER_DAYS.proposalUnansweredAgainDays),
    notStartedDays: days(DEFAULT_REMINDER_DAYS.notStartedDays),
    noMeetingDays: days(DEFAULT_REMINDER_DAYS.noMeetingDays),
    endApproachingDays: days(DEFAULT_REMINDER_DAYS.endApproachingDays),
    overdueDays: days(DEFAULT_REMINDER_DAYS.overdueDays),
    evaluationMissingDays: days(DEFAULT_REMINDER_DAYS.evaluationMissingDays),
    fitxaMissingDays: days(DEFAULT_REMINDER_DAYS.fitxaMissingDays),
    fitxaMissingEveryDays: days(DEFAULT_REMINDER_DAYS.fitxaMissingEveryDays),
    fitxaMissingTimes: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(DEFAULT_REMINDER_DAYS.fitxaMissingTimes),
    /** Overrides of the emails' subject or body, by kind and recipient (src/notifications/reminders.ts). */
    texts: reminderTextsSchema.default({}),
    /**
     * The same overrides for the people who chose Spanish or English (`texts` is Catalan's), on top of
     * the translated defaults (src/notifications/reminders-translations.ts). The secretariat's own
     * reminders are always in Catalan.
     */
    textsByLanguage: z
      .object({ es: reminderTextsSchema.optional(), en: reminderTextsSchema.optional() })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.proposalUnansweredAgainDays <= value.proposalUnansweredDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['proposalUnansweredAgainDays'],
        message: 'ha de ser més gran que proposalUnansweredDays',
      })
    }
    checkReminderTexts(value.texts, ['texts'], ctx)
    for (const lang of ['es', 'en'] as const)
      checkReminderTexts(value.textsByLanguage[lang] ?? {}, ['textsByLanguage', lang], ctx)
  })
  .transform(({ texts, textsByLanguage, ...rest }) => ({
    ...rest,
    texts: mergeReminderTexts(DEFAULT_REMINDER_TEXTS, texts),
    textsByLanguage: {
      es: mergeReminderTexts(TRANSLATED_REMINDER_TEXTS.es, textsByLanguage.es ?? {}),
      en: mergeReminderTexts(TRANSLATED_REMINDER_TEXTS.en, textsByLanguage.en ?? {}),
    },
  }))

export const mentoriaOptionsSchema = z
  .object({
    /** The àmbits candidates choose from and mentors offer. */
    topics: z
      .array(
        z.object({
          value: z
            .string()
            .regex(
              /^[a-z0-9][a-z0-9-]*$/,
              "el valor d'un àmbit ha de ser en minúscules, xifres i guionets",
            ),
          label: z.string().min(1),
        }),
      )
      .min(1, 'cal com a mínim un àmbit')
      .default(DEFAULT_TOPICS),
    /** The fitxa's «Classificació simplificada» (DOMAIN.md, Fitxa). */
    fitxaClassifications: optionList('a classificació').default(DEFAULT_FITXA_CLASSIFICATIONS),
    /** Where the fitxes' images are stored (relative to the working directory); back it up with the database. */
    fitxaImagesDir: z.string().min(1).default('data/imatges-fitxes'),
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
          .object({
            topics: z.number().min(0),
            distance: z.number().min(0),
            language: z.number().min(0),
          })
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
    reminders: remindersSchema.prefault({}),
    /**
     * Check-ins (DOMAIN.md): the first-contact question goes to the mentor `firstContactDays` after
     * accepting, and may still go out for `windowDays` (a missed round); a question unanswered after
     * `noAnswerDays` puts the pairing on the console's at-risk list, as does a halfway answer of
     * `lowAnswer` or less.
     */
    checkins: z
      .object({
        firstContactDays: days(FIRST_CONTACT_DAYS),
        windowDays: days(CHECKIN_WINDOW_DAYS),
        noAnswerDays: days(7),
        lowAnswer: z.number().int().min(1).max(4).default(2),
      })
      .strict()
      .prefault({}),
    /** Months after an edition's applications close until its applications never paired are anonymised (GDPR). */
    retentionMonths: z.number().int().min(1).max(120).default(24),
    /** Where the secretariat is told of incidents and changes (R11). */
    secretariatEmail: z.email().optional(),
    /**
     * Without SMTP, also print each email whole (links included) on the server's console, the only
     * place the demo and development read set-password links from: the stored copy never has them.
     */
    outboxToConsole: z.boolean().default(false),
  })
  .strict()
  .superRefine((options, ctx) => {
    const seen = new Set<string>()
    for (const topic of options.topics) {
      if (seen.has(topic.value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['topics'],
          message: `l'àmbit «${topic.value}» està repetit`,
        })
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
