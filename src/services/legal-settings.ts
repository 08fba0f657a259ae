import type { Payload } from 'payload'

import {
  LEGAL_SETTINGS_SLUG,
  type LegalSettingsData,
  missingLegalSettings,
  missingLegalSettingsMessage,
} from '../rules/legal'

/** «Avís legal i accessibilitat» as stored (read as the application: the pages show it to anyone). */
export async function readLegalSettings(payload: Payload): Promise<LegalSettingsData> {
  const data = await payload.findGlobal({
    slug: LEGAL_SETTINGS_SLUG as never,
    depth: 0,
    overrideAccess: true,
  })
  return (data ?? {}) as LegalSettingsData
}

export class LegalSettingsMissing extends Error {
  constructor(readonly missing: string[]) {
    super(missingLegalSettingsMessage(missing))
    this.name = 'LegalSettingsMissing'
  }
}

/**
 * The production start: the privacy notice and the accessibility statement must name the controller,
 * the DPO and a contact for barriers before the service is public. Throws a one-line Catalan refusal
 * naming what is missing. A database with no user yet is a first start: the first person to register
 * (the secretariat) fills them in, and nobody can apply before an edition exists. LEGAL_SETTINGS_PENDING
 * lets an existing installation (an upgrade) start once to fill them in.
 */
export async function checkLegalSettingsForProduction(
  payload: Payload,
  { pending = false }: { pending?: boolean } = {},
): Promise<void> {
  const missing = missingLegalSettings(await readLegalSettings(payload))
  if (missing.length === 0) return
  const users = await payload.count({ collection: 'users', overrideAccess: true })
  if (users.totalDocs === 0 || pending) {
    const why = pending ? 'LEGAL_SETTINGS_PENDING=true' : 'primera arrencada, sense cap usuària'
    payload.logger.warn(
      `${missingLegalSettingsMessage(missing)} S'arrenca igualment (${why}) perquè les pugueu omplir.`,
    )
    return
  }
  throw new LegalSettingsMissing(missing)
}
