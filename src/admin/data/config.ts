import type { CollectionConfig } from 'payload'

import { EXPORT_LABELS } from './labels'

/** An «Exporta … (CSV)» button above the admin list of each exportable collection. */
export const withExportButton = (collection: CollectionConfig): CollectionConfig => {
  const label = EXPORT_LABELS[collection.slug]
  if (!label) return collection
  return {
    ...collection,
    admin: {
      ...collection.admin,
      components: {
        ...collection.admin?.components,
        beforeListTable: [
          ...(collection.admin?.components?.beforeListTable ?? []),
          { path: '/src/admin/data/ExportButton#ExportButton', clientProps: { collection: collection.slug, label: label.toLowerCase() } },
        ],
      },
    },
  }
}
