'use client'

/** The browser's own print dialog: "Desa com a PDF" there gives the report as a PDF. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()}>
      Imprimeix o desa en PDF
    </button>
  )
}
