import type { Payload, PayloadRequest } from 'payload'

import { queueEmail } from '../src/jobs/mail'
import { mentoriaOptionsOf } from '../src/plugin/options-of'

/** Where the secretariat is told: the configured address, or every secretariat user. */
export async function secretariatRecipients(payload: Payload, req?: PayloadRequest): Promise<string[]> {
  const configured = mentoriaOptionsOf(payload.config).secretariatEmail
  if (configured) return [configured]
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
export async function notifySecretariat(req: PayloadRequest, message: { subject: string; text: string }): Promise<void> {
  const to = await secretariatRecipients(req.payload, req)
  if (to.length === 0) return
  await queueEmail(req, { to, subject: `[Mentoria XMESS] ${message.subject}`, text: message.text })
}
