import type { Config, Plugin } from 'payload'

import { createCandidatesCollection } from '../../collections/Candidates'
import { Editions } from '../../collections/Editions'
import { createMentorsCollection } from '../../collections/Mentors'
import { Municipalities } from '../../collections/Municipalities'
import { createUsersCollection } from '../../collections/Users'
import { type MentoriaOptions, type MentoriaPluginOptions, parseMentoriaOptions } from './options'

export { DEFAULT_TOPICS, type MentoriaOptions, type MentoriaPluginOptions } from './options'

/** Resolved plugin options, as the plugin stored them on the config. */
export const mentoriaOptionsOf = (config: Pick<Config, 'custom'>): MentoriaOptions =>
  (config.custom as { mentoria: MentoriaOptions }).mentoria

/**
 * The Mentoria XMESS programme as a Payload plugin: collections, access, rules and endpoints.
 * Usage: `plugins: [mentoriaPlugin({ topics, requiredMeetings, … })]`.
 */
export const mentoriaPlugin =
  (input: MentoriaPluginOptions = {}): Plugin =>
  (config) => {
    const options = parseMentoriaOptions(input)
    const secureCookies = (config.serverURL ?? '').startsWith('https://')
    return {
      ...config,
      admin: { ...config.admin, user: config.admin?.user ?? 'users' },
      collections: [
        ...(config.collections ?? []),
        createUsersCollection({ secureCookies }),
        Municipalities,
        Editions,
        createMentorsCollection(options),
        createCandidatesCollection(options),
      ],
      custom: { ...config.custom, mentoria: options },
    }
  }
