import type { ReactNode } from 'react'

import './fitxes.css'

/** The fitxes pages share the site's root layout and add their own styles. */
export default function FitxesLayout({ children }: { children: ReactNode }) {
  return children
}
