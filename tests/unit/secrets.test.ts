import { describe, expect, it } from 'vitest'

import { HIDDEN_LINK, hideSecretLinks } from '../../src/notifications/secrets'

describe('hideSecretLinks', () => {
  const email =
    'Trieu la contrasenya: https://m.example/admin/reset/0a1b2c3d\nResposta: https://m.example/proposta?token=abc.def&x=1'

  it('hides the secret part of reset links and signed tokens', () => {
    const hidden = hideSecretLinks(email)
    expect(hidden).toBe(
      `Trieu la contrasenya: https://m.example/admin/reset/${HIDDEN_LINK}\nResposta: https://m.example/proposta?token=${HIDDEN_LINK}&x=1`,
    )
  })

  it('is idempotent: a stored copy hidden again on read reads the same', () => {
    const once = hideSecretLinks(email)
    expect(hideSecretLinks(once)).toBe(once)
    expect(hideSecretLinks(hideSecretLinks(once))).toBe(once)
  })
})
