import { NotFound, type PayloadHandler, UnauthorizedError } from 'payload'

/**
 * DELETE /api/payload-preferences/:key, the requester's own preference of that key. Payload 3.90's own
 * handler answers 500 on SQLite (its delete query names a join it never makes); this one finds the
 * preference first and deletes it by id.
 */
export const deleteOwnPreference: PayloadHandler = async (req) => {
  if (!req.user) throw new UnauthorizedError(req.t)
  const key = (req.routeParams as { key?: unknown } | undefined)?.key
  if (typeof key !== 'string' || !key) throw new NotFound(req.t)
  const { docs } = await req.payload.find({
    collection: 'payload-preferences',
    where: {
      and: [
        { key: { equals: key } },
        { 'user.value': { equals: req.user.id } },
        { 'user.relationTo': { equals: req.user.collection } },
      ],
    },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
  })
  if (!docs.length) throw new NotFound(req.t)
  await req.payload.delete({
    collection: 'payload-preferences',
    id: docs[0].id,
    overrideAccess: true,
    req,
  })
  return Response.json({ message: req.t('general:deletedSuccessfully') })
}
