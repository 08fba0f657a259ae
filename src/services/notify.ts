import type { Payload, PayloadRequest } from 'payload'

import type { MentoriaOptions } from '../lib/options'
import { queueEmail } from './mail-queue'

type Where = Pick<MentoriaOptions, 'secretariatEmail'>

/** Where the secretariat is told: the configured address, or every secretariat user. */
export async function secretariatRecipients(
  payload: Payload,
  options: Where,
  req?: PayloadRequest,
): Promise<string[]> {
  if (options.secretariatEmail) return [options.secretariatEmail]
  const users = await payload.find({
    collection: 'users',
    where: { roles: { contains: 'secretariat' } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return users.docs.map((user) => String(user.email)).filter(Boolean)
}

/** R11: tells the secretariat, through the mail queue (sent only if the change is kept). */
export async function notifySecretariat(
  req: PayloadRequest,
  options: Where,
  message: { subject: string; text: string },
): Promise<void> {
  const to = await secretariatRecipients(req.payload, options, req)
  if (to.length === 0) return
  await queueEmail(req, { to, subject: `[Mentoria XMESS] ${message.subject}`, text: message.text })
}
