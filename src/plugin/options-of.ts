import type { Config } from 'payload'

import type { MentoriaOptions } from './options'

/** Resolved plugin options, as the plugin stored them on the config. */
export const mentoriaOptionsOf = (config: Pick<Config, 'custom'>): MentoriaOptions =>
  (config.custom as { mentoria: MentoriaOptions }).mentoria
