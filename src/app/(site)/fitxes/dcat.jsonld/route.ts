import { dcatResponse } from '../../../../services/public-fitxes'
import { fitxesPageOptions, sitePayload } from '../page-options'

export const dynamic = 'force-dynamic'

/** /fitxes/dcat.jsonld: the dataset's DCAT-AP 2 / NTI-RISP metadata, for open-data portals to harvest. */
export async function GET() {
  const { baseUrl } = fitxesPageOptions({})
  return dcatResponse(await sitePayload(), baseUrl)
}
