import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import type React from 'react'

/** A custom admin view inside Payload's own frame (navigation, header), as every list and form has it. */
export function AdminPage({
  initPageResult,
  params,
  searchParams,
  className,
  children,
}: Pick<AdminViewServerProps, 'initPageResult' | 'params' | 'searchParams'> & {
  className?: string
  children: React.ReactNode
}) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      {/* `mentoria-view`: what is ours on the page (tests/e2e/accessibility.test.ts checks it with axe). */}
      <Gutter className={className ? `mentoria-view ${className}` : 'mentoria-view'}>
        {children}
      </Gutter>
    </DefaultTemplate>
  )
}
