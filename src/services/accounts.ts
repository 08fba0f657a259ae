import type { PayloadRequest } from 'payload'

import { isSecretariatUser } from '../../access/roles'
import { loadDoc } from '../lib/documents'
import { type ID, idOf } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import { type Account, invitationEmail } from '../notifications/accompaniment'
import { type EmailLang, emailLang } from '../notifications/language'
import {
  adminDocUrl,
  INVITATION_DAYS,
  myMentoringUrl,
  setPasswordUrl,
} from '../notifications/pages'
import { onDateCa } from '../rules/dates'
import { queueEmail } from './mail-queue'
import { notifySecretariat } from './notify'

type Side = 'mentor' | 'mentee'
type UserDoc = { id: ID; email: string; name?: string | null; roles?: string[] | null }
type PersonDoc = { id: ID; name?: string; email?: string; user?: unknown; language?: unknown }

const COLLECTION: Record<Side, 'mentors' | 'candidates'> = {
  mentor: 'mentors',
  mentee: 'candidates',
}
const SIDE_CA: Record<string, string> = {
  mentor: 'persona mentora',
  mentee: 'persona mentorada',
  secretariat: 'secretaria tècnica',
}

/** Whether the person has ever chosen a password: an account opened for someone has none (no hash) until they do. */
export async function hasPassword(req: PayloadRequest, id: ID): Promise<boolean> {
  const stored = (await req.payload.db.findOne({
    collection: 'users',
    where: { id: { equals: id } },
    req,
  })) as { hash?: string | null } | null
  return typeof stored?.hash === 'string' && stored.hash.length > 0
}

export type Linked = { user: UserDoc } | { unconfirmed: UserDoc } | undefined

/**
 * R14: the person's account, with the role of this side, linked to their mentor record or application.
 *
 * - The record already names an account (the secretariat linked it): that one, given the role.
 * - Else an account with the record's email that is clearly this person's (no role yet, or already
 *   this side's role): linked. An account's email is changed only by the secretariat (hooks/users.ts).
 * - Else an account with that email that is someone else's for all we know (another role: a mentee,
 *   the secretariat): never joined by itself — `unconfirmed`, for the secretariat to link by hand.
 * - Else a new account, with no password: the person chooses theirs from the invitation (nobody sets a
 *   password for someone else).
 */
export async function ensureAccount(
  req: PayloadRequest,
  side: Side,
  person: PersonDoc,
): Promise<Linked> {
  const email = person.email?.trim().toLowerCase()
  if (!email) return undefined
  let user = await loadDoc<UserDoc>(req, 'users', idOf(person.user))
  if (!user) {
    const found = await req.payload.find({
      collection: 'users',
      where: { email: { equals: email } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    const existing = found.docs[0] as unknown as UserDoc | undefined
    if (existing && (existing.roles ?? []).some((role) => role !== side))
      return { unconfirmed: existing }
    user = existing
  }
  if (!user) {
    try {
      user = (await req.payload.create({
        collection: 'users',
        data: { email, name: person.name, roles: [side] } as never,
        overrideAccess: true,
        depth: 0,
        req,
        context: { mentoriaInvitation: true },
      })) as unknown as UserDoc
    } catch (error) {
      // Without a transaction (a standalone MongoDB) two proposals to one mentor at the same moment
      // both find no account: the unique email lets one create it, and the other uses that one.
      const found = await req.payload
        .find({
          collection: 'users',
          where: { email: { equals: email } },
          depth: 0,
          limit: 1,
          overrideAccess: true,
          req,
        })
        .catch(() => undefined)
      const existing = found?.docs[0] as unknown as UserDoc | undefined
      if (!existing) throw error
      if ((existing.roles ?? []).some((role) => role !== side)) return { unconfirmed: existing }
      user = existing
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
    await req.payload.update({
      collection: COLLECTION[side],
      id: person.id,
      data: { user: user.id } as never,
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
  return { user }
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
  await req.payload.db.updateOne({
    collection: 'users',
    id: user.id,
    data: { invitedAt: new Date().toISOString() },
    req,
  })
  return {
    email: user.email,
    setPasswordUrl: setPasswordUrl(req.payload.config.serverURL, String(token)),
    expiresOn: onDateCa(new Date(Date.now() + INVITATION_DAYS * 86_400_000)),
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString(),
  }
}

/**
 * The account lines of one party of a pairing (the mentor on proposal, the mentee on acceptance): a
 * set-password link only for an account that has never had a password; otherwise, sign in as usual.
 * An account that is not clearly the person's is left alone and the secretariat is told.
 */
export async function accountForParty(
  req: PayloadRequest,
  options: Pick<MentoriaOptions, 'secretariatEmail'>,
  side: Side,
  person: PersonDoc | undefined,
): Promise<Account | undefined> {
  if (!person) return undefined
  const linked = await ensureAccount(req, side, person)
  if (!linked) return undefined
  if ('unconfirmed' in linked) {
    const other = linked.unconfirmed
    const roles = (other.roles ?? []).map((role) => SIDE_CA[role] ?? role).join(', ')
    await notifySecretariat(req, options, {
      subject: `Cal confirmar el compte de ${person.name ?? other.email}`,
      text: [
        `${person.name ?? 'Una persona'} (${other.email}) ha de tenir accés com a ${SIDE_CA[side]}, però el compte que ja té aquest correu és de ${roles || 'un altre rol'}.`,
        "Perquè ningú no pugui fer-se seu el compte d'una altra persona, l'aplicació no els ha unit: no li ha donat el rol ni l'ha lligat a la fitxa.",
        `Si és la mateixa persona, obriu la fitxa i trieu aquest compte al camp «Usuària»; en desar-la tindrà accés: ${adminDocUrl(req.payload.config.serverURL, COLLECTION[side], person.id)}`,
      ].join('\n\n'),
    })
    return undefined
  }
  const { user } = linked
  if (await hasPassword(req, user.id)) return { email: user.email }
  return invitationAccount(req, user)
}

/** The secretariat sends an invitation again: a new link, to the account's own email. */
export async function resendInvitation(
  req: PayloadRequest,
  userId: ID,
): Promise<{ email: string } | undefined> {
  const user = await loadDoc<UserDoc>(req, 'users', userId)
  if (!user) return undefined
  const [mentor, candidate] = await Promise.all(
    (['mentors', 'candidates'] as const).map(
      async (collection) =>
        (
          await req.payload.find({
            collection,
            where: { user: { equals: user.id } },
            depth: 0,
            limit: 1,
            overrideAccess: true,
            req,
          })
        ).docs[0] as PersonDoc | undefined,
    ),
  )
  const role =
    user.roles?.includes('mentor') || (mentor && !user.roles?.includes('mentee'))
      ? 'mentor'
      : user.roles?.includes('mentee') || candidate
        ? 'mentee'
        : isSecretariatUser(user)
          ? 'secretariat'
          : undefined
  const account = await invitationAccount(req, user)
  await queueEmail(
    req,
    invitationEmail({
      to: user.email,
      name: user.name || (role === 'mentor' ? mentor?.name : candidate?.name) || user.email,
      role,
      account,
      lang: languageOfPeople(role === 'mentee' ? [candidate, mentor] : [mentor, candidate]),
      pageUrl:
        role === 'mentor' || role === 'mentee'
          ? myMentoringUrl(req.payload.config.serverURL)
          : `${req.payload.config.serverURL.replace(/\/+$/, '')}/admin`,
    }),
  )
  return { email: user.email }
}

/** The email language of the first of these records that says one (Catalan when none does). */
const languageOfPeople = (people: (PersonDoc | undefined)[]): EmailLang =>
  emailLang(
    people.find((person) => person && emailLang(person.language) === person.language)?.language,
  )

/**
 * The language a person chose on their mentor record or application (the one linked to this
 * account; `prefer` first when they are both), or undefined when no linked record says one.
 */
export async function languageOfUser(
  req: PayloadRequest,
  userId: ID | undefined,
  prefer: 'mentor' | 'mentee' = 'mentor',
): Promise<EmailLang | undefined> {
  if (userId === undefined || userId === null) return undefined
  const order =
    prefer === 'mentee'
      ? (['candidates', 'mentors'] as const)
      : (['mentors', 'candidates'] as const)
  for (const collection of order) {
    const found = (
      await req.payload.find({
        collection,
        where: { user: { equals: userId } },
        depth: 0,
        limit: 1,
        overrideAccess: true,
        req,
      })
    ).docs[0] as PersonDoc | undefined
    if (found && emailLang(found.language) === found.language) return emailLang(found.language)
  }
  return undefined
}
