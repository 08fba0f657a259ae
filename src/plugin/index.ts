import type { Plugin } from 'payload'

import { createCandidatesCollection } from '../../collections/Candidates'
import { createFitxesCollection } from '../../collections/Fitxes'
import { Incidents } from '../../collections/Incidents'
import { Meetings } from '../../collections/Meetings'
import { Pairings } from '../../collections/Pairings'
import { Editions } from '../../collections/Editions'
import { createMentorsCollection } from '../../collections/Mentors'
import { Municipalities } from '../../collections/Municipalities'
import { createUsersCollection } from '../../collections/Users'
import { declareCollectionAccess, declareGlobalAccess, lockDownPayloadCollections } from '../../access/declared'
import { SentEmails } from '../../collections/SentEmails'
import { recordingEmailAdapter } from '../email/recording-adapter'
import { isSecretariatUser } from '../../access/roles'
import { dataOfTheRightShape, datesThatParse, filtersThatParse, pagesThatExist, validIdsOnly } from '../../hooks/input'
import { refuseDeleteWhileReferenced } from '../../hooks/references'
import { mentoriaTasks } from '../jobs'
import { deepMergeTranslations, signInTranslations } from './translations'
import { type MentoriaPluginOptions, parseMentoriaOptions } from './options'

export { DEFAULT_TOPICS, type MentoriaOptions, type MentoriaPluginOptions } from './options'

export { mentoriaOptionsOf } from './options-of'

/**
 * The Mentoria XMESS programme as a Payload plugin: collections, access, rules and endpoints.
 * Usage: `plugins: [mentoriaPlugin({ topics, requiredMeetings, … })]`.
 */
export const mentoriaPlugin =
  (input: MentoriaPluginOptions = {}): Plugin =>
  (config) => {
    const options = parseMentoriaOptions(input)
    const secureCookies = (config.serverURL ?? '').startsWith('https://')
    const collections = [
      ...(config.collections ?? []),
      createUsersCollection({ secureCookies }),
      Municipalities,
      Editions,
      createMentorsCollection(options),
      createCandidatesCollection(options),
      Pairings,
      Meetings,
      Incidents,
      createFitxesCollection(options),
      SentEmails,
    ]
      .map(declareCollectionAccess)
      .map((collection) => ({
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [validIdsOnly, dataOfTheRightShape, pagesThatExist, filtersThatParse, ...(collection.hooks?.beforeOperation ?? [])],
          beforeValidate: [...(collection.hooks?.beforeValidate ?? []), datesThatParse],
          beforeDelete: [refuseDeleteWhileReferenced, ...(collection.hooks?.beforeDelete ?? [])],
        },
      }))
    const globals = (config.globals ?? []).map(declareGlobalAccess)
    const declaredByUs = new Set([...collections.map((c) => c.slug), ...globals.map((g) => `global:${g.slug}`)])
    // Every email is kept in sent-emails; without an adapter (no SMTP) that record is the outbox.
    const email = config.email instanceof Promise ? config.email.then(recordingEmailAdapter) : recordingEmailAdapter(config.email)
    return {
      ...config,
      email,
      admin: {
        ...config.admin,
        user: config.admin?.user ?? 'users',
        components: {
          ...config.admin?.components,
          afterNavLinks: [...(config.admin?.components?.afterNavLinks ?? []), '/src/admin/MatchingNavLink#MatchingNavLink'],
          views: {
            ...config.admin?.components?.views,
            mentoriaMatching: { Component: '/src/admin/MatchingView#MatchingView', path: '/aparellament', meta: { title: 'Aparellament' } },
          },
        },
      },
      collections,
      globals,
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), ...mentoriaTasks],
        // Only the secretariat may queue, run or cancel jobs through the API.
        access: {
          queue: ({ req }) => isSecretariatUser(req.user),
          run: ({ req }) => isSecretariatUser(req.user),
          cancel: ({ req }) => isSecretariatUser(req.user),
          ...config.jobs?.access,
        },
      },
      i18n: { ...config.i18n, translations: deepMergeTranslations(config.i18n?.translations, signInTranslations) },
      custom: { ...config.custom, mentoria: options },
      // Payload adds its own collections (locks, preferences, jobs, migrations) after the plugins.
      onInit: async (payload) => {
        lockDownPayloadCollections(payload, declaredByUs)
        await config.onInit?.(payload)
      },
    }
  }
