import { beforeEach } from 'vitest'

import { ferretdbSkipFor } from './ferretdb-skips'

/**
 * Setup file of the int-mongodb project: over FerretDB, the tests of tests/helpers/ferretdb-skips.ts
 * are skipped, each with its reason printed. Over MongoDB itself (MONGODB_COMPATIBILITY unset) nothing is.
 */
if (process.env.MONGODB_COMPATIBILITY === 'ferretdb') {
  beforeEach((context) => {
    const names: string[] = []
    for (
      let task: { name: string; suite?: unknown } | undefined = context.task;
      task;
      task = task.suite as typeof task
    ) {
      if (task.name) names.unshift(task.name)
    }
    const file = (context.task as { file?: { name?: string } }).file?.name ?? ''
    // The file's own suite carries the file's path as its name.
    const fullName = names.filter((name) => name !== file).join(' > ')
    const skip = ferretdbSkipFor(file, fullName)
    if (skip) {
      console.log(`SKIP on FerretDB: ${file} > ${fullName} — ${skip.reason}`)
      context.skip(skip.reason)
    }
  })
}
