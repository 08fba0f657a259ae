import crypto from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { loadDoc } from '../lib/documents'
import { type ID, idOf } from '../lib/ids'
import { type Account, invitationEmail } from '../notifications/accompaniment'
import { INVITATION_DAYS, myMentoringUrl, setPasswordUrl } from '../notifications/pages'
import { onDateCa } from '../rules/dates'
import { queueEmail } from './mail-queue'

type Side = 'mentor' | 'mentee'
type UserDoc = { id: ID; email: string; name?: string | null; roles?: string[] | null }
type PersonDoc = { id: ID; name?: string; email?: string; user?: unknown }

const COLLECTION: Record<Side, 'mentors' | 'candidates'> = { mentor: 'mentors', mentee: 'candidates' }

/**
 * R14: the person's account, created if none exists (linked by email), with the role of this side,
 * and linked to their mentor record or application. Nobody sets a password for someone else: a new
 * account gets a random one that nobody knows, and the person chooses theirs from the invitation.
 */
export async function ensureAccount(req: PayloadRequest, side: Side, person: PersonDoc): Promise<UserDoc | undefined> {
  const email = person.email?.trim().toLowerCase()
  if (!email) return undefined
  let user = await loadDoc<UserDoc>(req, 'users', idOf(person.user))
  if (!user) {
    const found = await req.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, limit: 1, overrideAccess: true, req })
    user = found.docs[0] as unknown as UserDoc | undefined
  }
  if (!user) {
    try {
      user = (await req.payload.create({
        collection: 'users',
        data: { email, name: person.name, roles: [side], password: crypto.randomBytes(32).toString('base64url') } as never,
        overrideAccess: true,
        depth: 0,
        req,
        context: { mentoriaInvitation: true },
      })) as unknown as UserDoc
    } catch (error) {
      // Without a transaction (a standalone MongoDB) two proposals to one mentor at the same moment
      // both find no account: the unique email lets one create it, and the other uses that one.
      const found = await req.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, limit: 1, overrideAccess: true, req }).catch(() => undefined)
      user = found?.docs[0] as unknown as UserDoc | undefined
      if (!user) throw error
    }
  }
  if (!user.roles?.includes(side)) {
    user = (await req.payload.update({
      collection: 'users',
      id: user.id,
      data: { roles: [...(user.roles ?? []), side] } as never,
      overrideAccess: true,
      depth: 0,
      req,
    })) as unknown as UserDoc
  }
  if (idOf(person.user) === undefined || String(idOf(person.user)) !== String(user.id)) {
    await req.payload.update({ collection: COLLECTION[side], id: person.id, data: { user: user.id } as never, overrideAccess: true, depth: 0, req })
  }
  return user
}

/** Payload's own reset-password token, valid 14 days, for an invitation link (`/admin/reset/<token>`). */
export async function invitationAccount(req: PayloadRequest, user: UserDoc): Promise<Account> {
  const token = await req.payload.forgotPassword({
    collection: 'users',
    data: { email: user.email },
    disableEmail: true,
    expiration: INVITATION_DAYS * 86_400_000,
    req,
  })
  await req.payload.db.updateOne({ collection: 'users', id: user.id, data: { invitedAt: new Date().toISOString() }, req })
  return {
    email: user.email,
    setPasswordUrl: setPasswordUrl(req.payload.config.serverURL, String(token)),
    expiresOn: onDateCa(new Date(Date.now() + INVITATION_DAYS * 86_400_000)),
  }
}

/** The account and invitation of one party of a pairing (the mentor on proposal, the mentee on acceptance). */
export async function accountForParty(req: PayloadRequest, side: Side, person: PersonDoc | undefined): Promise<Account | undefined> {
  if (!person) return undefined
  const user = await ensureAccount(req, side, person)
  return user ? invitationAccount(req, user) : undefined
}

/** The secretariat sends an invitation again: a new link, to the account's own email. */
export async function resendInvitation(req: PayloadRequest, userId: ID): Promise<{ email: string } | undefined> {
  const user = await loadDoc<UserDoc>(req, 'users', userId)
  if (!user) return undefined
  const [mentor, candidate] = await Promise.all(
    (['mentors', 'candidates'] as const).map(async (collection) =>
      (await req.payload.find({ collection, where: { user: { equals: user.id } }, depth: 0, limit: 1, overrideAccess: true, req })).docs[0] as PersonDoc | undefined,
    ),
  )
  const role: Side = user.roles?.includes('mentor') || (mentor && !user.roles?.includes('mentee')) ? 'mentor' : 'mentee'
  const account = await invitationAccount(req, user)
  await queueEmail(
    req,
    invitationEmail({
      to: user.email,
      name: user.name || (role === 'mentor' ? mentor?.name : candidate?.name) || user.email,
      role,
      account,
      pageUrl: myMentoringUrl(req.payload.config.serverURL),
    }),
  )
  return { email: user.email }
}
