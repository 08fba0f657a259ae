'use client'

import { useAuth } from '@payloadcms/ui'

type Props = { collection: string; label: string }

const isSecretariat = (user: unknown) => Array.isArray((user as { roles?: unknown })?.roles) && (user as { roles: string[] }).roles.includes('secretariat')

/** Above a list in the admin: the whole collection as a CSV file for a spreadsheet (secretariat only). */
export function ExportButton({ collection, label }: Props) {
  const { user } = useAuth()
  if (!isSecretariat(user)) return null
  return (
    <p style={{ margin: '0 0 1rem' }}>
      <a className="btn btn--style-secondary btn--size-small" href={`/api/mentoria/export/${collection}.csv`} download>
        Exporta {label} (CSV)
      </a>
    </p>
  )
}
