import type { TaskConfig } from 'payload'

import type { MentoriaOptions } from '../lib/options'
import { sendEmailTask } from './mail'
import { REMINDERS_QUEUE, remindersTask } from './reminders'
import { retentionTask } from './retention'

/** The queue of the scheduled tasks (the daily round of reminders and notices). */
export const MENTORIA_QUEUE = REMINDERS_QUEUE

export const mentoriaTasks = (options: MentoriaOptions): TaskConfig[] => [
  sendEmailTask,
  remindersTask(options),
  retentionTask(options),
]
