import type { CollectionConfig, Config, Endpoint, Plugin, SanitizedConfig } from 'payload'

import { isSecretariatUser } from '../../access/roles'
import { createCandidatesCollection } from '../../collections/Candidates'
import { Editions } from '../../collections/Editions'
import { createFitxaImagesCollection } from '../../collections/FitxaImages'
import { createFitxesCollection } from '../../collections/Fitxes'
import { createIncidentsCollection } from '../../collections/Incidents'
import { createMeetingsCollection } from '../../collections/Meetings'
import { createMentorsCollection } from '../../collections/Mentors'
import { Municipalities } from '../../collections/Municipalities'
import { createPairingsCollection } from '../../collections/Pairings'
import { createUsersCollection } from '../../collections/Users'
import { LegalSettings } from '../../collections/LegalSettings'
import { createVocabulariesGlobal } from '../../collections/Vocabularies'
import { ReadLog } from '../../collections/ReadLog'
import { Checkins } from '../../collections/Checkins'
import { MentorOffers } from '../../collections/MentorOffers'
import {
  logCheckinRead,
  logEvaluationRead,
  logEvaluationVersionRead,
  logIncidentRead,
} from '../../hooks/read-log'
import { Reminders } from '../../collections/Reminders'
import { SentEmails } from '../../collections/SentEmails'
import { recordingEmailAdapter } from '../email/recording-adapter'
import {
  dataOfTheRightShape,
  datesThatParse,
  filtersThatParse,
  pagesThatExist,
  validIdsOnly,
} from '../../hooks/input'
import { refuseDeleteWhileReferenced } from '../../hooks/references'
import { forgetFactAfterChange, forgetFactAfterDelete } from '../services/pairing-facts'
import {
  declareCollectionAccess,
  declareGlobalAccess,
  lockDownPayloadCollections,
} from './declared-access'
import { deepMergeTranslations, mentoriaTranslations } from './translations'
import { withExportButton } from '../admin/data/config'
import { mentoriaEndpoints, mentoriaRootEndpoints } from '../endpoints'
import { runRemindersEndpoint } from '../endpoints/reminders'
import { mentoriaTasks } from '../jobs'
import {
  type MentoriaOptions,
  type MentoriaPluginOptions,
  parseMentoriaOptions,
} from '../lib/options'

export { DEFAULT_TOPICS, type MentoriaOptions, type MentoriaPluginOptions } from '../lib/options'

const withEndpoints = (collection: CollectionConfig, endpoints: Endpoint[]): CollectionConfig => ({
  ...collection,
  endpoints: [...(collection.endpoints || []), ...endpoints],
})

/** The secretariat's reads of incidents and evaluations go to the read log (collections/ReadLog.ts). */
const READ_LOGGED: Record<string, CollectionConfig['hooks']> = {
  incidents: { afterRead: [logIncidentRead] },
  // The history too: past versions of a pairing hold its evaluations.
  pairings: { afterRead: [logEvaluationRead], afterOperation: [logEvaluationVersionRead] },
  checkins: { afterRead: [logCheckinRead] },
}
const withReadLog = (collection: CollectionConfig): CollectionConfig => {
  const added = READ_LOGGED[collection.slug]
  if (!added) return collection
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterRead: [...(collection.hooks?.afterRead ?? []), ...(added.afterRead ?? [])],
      afterOperation: [
        ...(collection.hooks?.afterOperation ?? []),
        ...(added.afterOperation ?? []),
      ],
    },
  }
}

/** What the rules remember of people and councils for one request is forgotten when the request writes them (src/services/pairing-facts.ts). */
const REMEMBERED = new Set(['mentors', 'candidates', 'municipalities'])
const withFactMemo = (collection: CollectionConfig): CollectionConfig =>
  !REMEMBERED.has(collection.slug)
    ? collection
    : {
        ...collection,
        hooks: {
          ...collection.hooks,
          afterChange: [forgetFactAfterChange, ...(collection.hooks?.afterChange ?? [])],
          afterDelete: [forgetFactAfterDelete, ...(collection.hooks?.afterDelete ?? [])],
        },
      }

/** Every collection checks its input before any query or rule runs, and refuses deleting what others point to. */
const withInputChecks = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [
      validIdsOnly,
      dataOfTheRightShape,
      pagesThatExist,
      filtersThatParse,
      ...(collection.hooks?.beforeOperation ?? []),
    ],
    beforeValidate: [...(collection.hooks?.beforeValidate ?? []), datesThatParse],
    beforeDelete: [refuseDeleteWhileReferenced, ...(collection.hooks?.beforeDelete ?? [])],
  },
})

/**
 * The Mentoria XMESS programme as a Payload plugin: collections, access, rules, endpoints and jobs.
 * Usage: `plugins: [mentoriaPlugin({ topics, requiredMeetings, … })]`. The options are read once, here,
 * and reach collections, hooks, endpoints and tasks in closures.
 */
export const mentoriaPlugin =
  (input: MentoriaPluginOptions = {}): Plugin =>
  (config) => {
    const options = parseMentoriaOptions(input)
    const secureCookies = (config.serverURL ?? '').startsWith('https://')
    const endpoints = mentoriaEndpoints(options)
    const collections = [
      ...(config.collections ?? []),
      withEndpoints(createUsersCollection({ secureCookies, options }), endpoints.users),
      Municipalities,
      withEndpoints(Editions, endpoints.editions),
      createMentorsCollection(options),
      withEndpoints(MentorOffers, endpoints.mentorOffers),
      withEndpoints(createCandidatesCollection(options), endpoints.candidates),
      withEndpoints(createPairingsCollection(options), endpoints.pairings),
      createMeetingsCollection(options),
      createIncidentsCollection(options),
      createFitxesCollection(options),
      createFitxaImagesCollection(options),
      SentEmails,
      Reminders,
      ReadLog,
      Checkins,
    ]
      .map(withReadLog)
      .map(withFactMemo)
      .map(declareCollectionAccess)
      .map(withInputChecks)
      .map(withExportButton)
    const globals = [
      ...(config.globals ?? []),
      LegalSettings,
      createVocabulariesGlobal(options),
    ].map(declareGlobalAccess)
    const declaredByUs = new Set([
      ...collections.map((c) => c.slug),
      ...globals.map((g) => `global:${g.slug}`),
    ])
    // Every email is kept in sent-emails; without an adapter (no SMTP) that record is the outbox.
    const recording = (inner: Parameters<typeof recordingEmailAdapter>[0]) =>
      recordingEmailAdapter(inner, { outboxToConsole: options.outboxToConsole })
    const email =
      config.email instanceof Promise ? config.email.then(recording) : recording(config.email)
    return {
      ...config,
      email,
      admin: {
        ...config.admin,
        user: config.admin?.user ?? 'users',
        components: {
          ...config.admin?.components,
          // The XMESS's name and logo, unless the host app brings its own.
          graphics: {
            Logo: config.admin?.components?.graphics?.Logo ?? '/src/admin/brand/Logo#Logo',
            Icon: config.admin?.components?.graphics?.Icon ?? '/src/admin/brand/Logo#Icon',
          },
          afterNavLinks: [
            ...(config.admin?.components?.afterNavLinks ?? []),
            '/src/admin/my-mentoring/MyMentoringNavLink#MyMentoringNavLink',
            '/src/admin/MatchingNavLink#MatchingNavLink',
            '/src/admin/data/DataNavLink#DataNavLink',
            '/src/admin/console/ConsoleNavLink#ConsoleNavLink',
          ],
          beforeDashboard: [
            ...(config.admin?.components?.beforeDashboard ?? []),
            '/src/admin/my-mentoring/PartiesFirst#PartiesFirst',
            '/src/admin/console/ConsoleDashboard#ConsoleDashboard',
            {
              path: '/src/admin/RemindersRunButton#RemindersRunButton',
              clientProps: { hour: options.reminders.hour },
            },
          ],
          views: {
            ...config.admin?.components?.views,
            mentoriaAnnualReport: {
              Component: '/src/admin/console/AnnualReportView#AnnualReportView',
              path: '/informe-anual',
              meta: { title: 'Informe anual' },
            },
            mentoriaPeriodReport: {
              Component: '/src/admin/console/PeriodReportView#PeriodReportView',
              path: '/informe-periode',
              meta: { title: "Informe d'un període" },
            },
            mentoriaMatching: {
              Component: '/src/admin/MatchingView#MatchingView',
              path: '/aparellament',
              meta: { title: 'Aparellament' },
            },
            mentoriaData: {
              Component: '/src/admin/data/DataView#DataView',
              path: '/dades',
              meta: { title: 'Dades' },
            },
            // Also /les-meves-mentories/<id>: one pairing with its actions (the page emails link to).
            mentoriaMyMentoring: {
              Component: '/src/admin/my-mentoring/MyMentoringView#MyMentoringView',
              path: '/les-meves-mentories',
              meta: { title: 'Les meves mentories' },
            },
          },
        },
      },
      collections,
      globals,
      endpoints: [
        ...(config.endpoints ?? []),
        runRemindersEndpoint(options),
        ...mentoriaRootEndpoints(options),
      ],
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), ...mentoriaTasks(options)],
        // Only the secretariat may queue, run or cancel jobs through the API.
        access: {
          queue: ({ req }) => isSecretariatUser(req.user),
          run: ({ req }) => isSecretariatUser(req.user),
          cancel: ({ req }) => isSecretariatUser(req.user),
          ...config.jobs?.access,
        },
      },
      // Published for the host app (its pages); the plugin's own code gets the options in closures.
      i18n: {
        ...config.i18n,
        translations: deepMergeTranslations(config.i18n?.translations, mentoriaTranslations()),
      },
      custom: { ...config.custom, mentoria: options, [DECLARED_BY_PLUGIN]: [...declaredByUs] },
      // Payload adds its own collections (locks, preferences, jobs, migrations) after the plugins.
      onInit: async (payload) => {
        lockDownPayloadCollections(payload.config, declaredByUs, (message) =>
          payload.logger.warn(message),
        )
        await config.onInit?.(payload)
      },
    }
  }

const DECLARED_BY_PLUGIN = 'mentoriaDeclaredAccess'

/**
 * For the host's config file: `export default secureSanitizedConfig(buildConfig({ plugins: [mentoriaPlugin()] }))`.
 * Payload's own collections (locks, preferences, jobs…) get their declared access as soon as the config
 * is built, not only on init, so that every copy of the config in a process is locked down (see
 * lockDownPayloadCollections). Without it, REST and the Local API are still covered by init.
 */
export async function secureSanitizedConfig(
  built: SanitizedConfig | Promise<SanitizedConfig>,
): Promise<SanitizedConfig> {
  const config = await built
  const declared = (config.custom as Record<string, unknown> | undefined)?.[DECLARED_BY_PLUGIN]
  if (!Array.isArray(declared))
    throw new Error('secureSanitizedConfig: the config was not built with mentoriaPlugin')
  lockDownPayloadCollections(config, new Set(declared as string[]))
  return config
}

/** The options the plugin resolved, for the host app's pages (read-only; the same object the plugin uses). */
export const mentoriaOptionsOf = (config: Pick<Config, 'custom'>): MentoriaOptions =>
  (config.custom as { mentoria: MentoriaOptions }).mentoria
