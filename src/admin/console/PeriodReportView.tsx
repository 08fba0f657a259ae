import type { AdminViewServerProps } from 'payload'
import { createLocalReq } from 'payload'

import { AdminPage } from '../AdminPage'

import { isSecretariatUser } from '../../../access/roles'
import { parsePeriod } from '../../rules/period-report'
import { periodReport } from '../../services/period-report'
import { optionsOf } from './data'
import { PeriodReportContent } from './PeriodReport'

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)

/** /admin/informe-periode?des=AAAA-MM-DD&fins=AAAA-MM-DD: the report of any period; prints clean to PDF, downloads as CSV. */
export async function PeriodReportView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const template = (children: React.ReactNode) => (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      {children}
    </AdminPage>
  )
  if (!isSecretariatUser(req.user))
    return template(<p>Només la secretaria tècnica pot veure l&apos;informe d&apos;un període.</p>)
  const now = new Date()
  const [from, to] = [first(searchParams?.des), first(searchParams?.fins)]
  // Until a period is asked for: this calendar year so far.
  if (from === undefined && to === undefined)
    return template(
      <PeriodReportContent
        asked={{ from: `${now.getUTCFullYear()}-01-01`, to: now.toISOString().slice(0, 10) }}
        now={now}
      />,
    )
  const asked = { from: typeof from === 'string' ? from : '', to: typeof to === 'string' ? to : '' }
  const period = parsePeriod(from, to)
  if (!period.ok)
    return template(<PeriodReportContent asked={asked} error={period.message} now={now} />)
  const local = await createLocalReq({ user: req.user as never }, req.payload)
  const report = await periodReport(local, period.period, optionsOf(req.payload).topics)
  return template(<PeriodReportContent asked={asked} report={report} now={now} />)
}
