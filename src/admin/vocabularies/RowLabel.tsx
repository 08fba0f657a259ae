'use client'

import { useRowLabel } from '@payloadcms/ui'

/** A row of «Vocabularis» named by its label and value, so a collapsed list still reads. */
export function VocabularyRowLabel() {
  const { data, rowNumber } = useRowLabel<{ value?: string; label?: string }>()
  const label = data?.label || data?.value
  return (
    <span>
      {label
        ? `${label}${data?.value ? ` (${data.value})` : ''}`
        : `Valor ${String((rowNumber ?? 0) + 1)}`}
    </span>
  )
}
