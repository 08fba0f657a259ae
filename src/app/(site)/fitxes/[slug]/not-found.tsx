import { fitxesMessages } from '../../../../site/fitxes/i18n'
import { FitxesFrame } from '../FitxesFrame'

/** A fitxa that is not published (or never was): the same answer, so nothing can be guessed from it. */
export default function FitxaNotFound() {
  const t = fitxesMessages('ca')
  return (
    <FitxesFrame lang="ca" languageHref={(target) => `/fitxes?lang=${target}`}>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFound}</p>
      <p>
        <a href="/fitxes">{t.backToList}</a>
      </p>
    </FitxesFrame>
  )
}
