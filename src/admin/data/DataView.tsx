import type { AdminViewServerProps } from 'payload'

import { AdminPage } from '../AdminPage'

import { isSecretariatUser } from '../../../access/roles'
import { EXPORT_LABELS } from './labels'
import { ImportPanel } from './ImportPanel'
import { PersonalDataPanel } from './PersonalDataPanel'

/** /admin/dades: CSV exports, CSV imports with a preview, and one person's data (export, erase). */
export async function DataView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = isSecretariatUser(req.user)
  const editions = allowed
    ? (await req.payload.find({ collection: 'editions', sort: '-year', depth: 0, limit: 50, req, overrideAccess: false, user: req.user })).docs
    : []
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
        <h1>Dades</h1>
        {!allowed ? (
          <p>Només la secretaria tècnica pot exportar, importar o esborrar dades.</p>
        ) : (
          <>
            <section aria-labelledby="exportar">
              <h2 id="exportar">Exportar a CSV</h2>
              <p>Fitxers per obrir amb un full de càlcul (UTF-8, separats per comes). Inclouen dades personals: guardeu-los en un lloc segur i esborreu-los quan ja no calguin.</p>
              <ul className="mentoria-exports">
                {Object.entries(EXPORT_LABELS).map(([slug, label]) => (
                  <li key={slug}>
                    <a href={`/api/mentoria/export/${slug}.csv`} download>
                      {label}
                    </a>
                    {['candidates', 'pairings', 'meetings', 'incidents'].includes(slug) && editions.length > 0 && (
                      <>
                        {' · per convocatòria: '}
                        {editions.map((edition, index) => (
                          <span key={edition.id}>
                            {index > 0 && ', '}
                            <a href={`/api/mentoria/export/${slug}.csv?edition=${edition.id}`} download>
                              {edition.year}
                            </a>
                          </span>
                        ))}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="importar">
              <h2 id="importar">Importar des de CSV</h2>
              <ImportPanel />
            </section>
            <section aria-labelledby="persona">
              <h2 id="persona">Dades d&apos;una persona (RGPD)</h2>
              <PersonalDataPanel />
            </section>
          </>
        )}
    </AdminPage>
  )
}
