import { commitTransaction, type Endpoint, initTransaction, killTransaction } from 'payload'

import { isSecretariatUser } from '../../access/roles'
import { RequestRefused } from '../lib/errors'
import { resendInvitation } from '../services/accounts'

/** POST /api/users/:id/invite — the secretariat sends a person their set-password link again (R14). */
export const inviteEndpoint: Endpoint = {
  path: '/:id/invite',
  method: 'post',
  handler: async (req) => {
    if (!isSecretariatUser(req.user))
      throw new RequestRefused('Només la secretaria tècnica pot enviar invitacions.', 403)
    const id = String(req.routeParams?.id ?? '')
    const shouldCommit = await initTransaction(req)
    try {
      const sent = await resendInvitation(req, id)
      if (!sent) throw new RequestRefused('Aquesta usuària no existeix.', 404)
      if (shouldCommit) await commitTransaction(req)
      return Response.json({
        message: `S'ha enviat un enllaç nou per triar la contrasenya a ${sent.email}. Caduca d'aquí a 14 dies.`,
      })
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  },
}
