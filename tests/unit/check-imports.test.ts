import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { analyseImports } from '../../scripts/check-imports'

const trees: string[] = []

/** A tiny tree of source files, `{ 'hooks/a.ts': "import …" }`. */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'imports-'))
  trees.push(root)
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), text)
  }
  return root
}

afterEach(() => {
  for (const root of trees.splice(0)) fs.rmSync(root, { recursive: true, force: true })
})

describe('npm run check:imports', () => {
  it('passes a tree whose imports only go down', () => {
    const root = tree({
      'src/rules/a.ts': 'export const a = 1\n',
      'src/lib/b.ts': "import { a } from '../rules/a'\nexport const b = a\n",
      'hooks/c.ts': "import { b } from '../src/lib/b'\nexport const c = b\n",
      'collections/d.ts': "import { c } from '../hooks/c'\nexport const d = c\n",
    })
    expect(analyseImports(root).problems).toEqual([])
  })

  it('fails on an import that goes up a layer', () => {
    const root = tree({
      'collections/d.ts': 'export const d = 1\n',
      'hooks/c.ts': "import { d } from '../collections/d'\nexport const c = d\n",
    })
    expect(analyseImports(root).problems).toEqual([
      'cap amunt: hooks/c.ts (hooks) importa collections/d.ts (collections)',
    ])
  })

  it('lets the host (src/host/…) import the plugin, and refuses the plugin importing the host', () => {
    const root = tree({
      'src/lib/options.ts': 'export const options = 1\n',
      'src/host/config/env.ts':
        "import { options } from '../../lib/options'\nexport const env = options\n",
      'src/host/server.ts': "import { env } from './config/env'\nexport const server = env\n",
      'src/services/x.ts': "import { env } from '../host/config/env'\nexport const x = env\n",
    })
    expect(analyseImports(root).problems).toEqual([
      'cap amunt: src/services/x.ts (src/services) importa src/host/config/env.ts (src/host/config)',
    ])
  })

  it('fails on a cycle between folders of the same layer, and between files', () => {
    const root = tree({
      'hooks/a.ts': "import { b } from '../src/jobs/b'\nexport const a = () => b\n",
      'src/jobs/b.ts': "import { a } from '../../hooks/a'\nexport const b = () => a\n",
    })
    const { problems } = analyseImports(root)
    expect(problems).toContain('cicle entre carpetes: hooks ↔ src/jobs')
    expect(problems).toContain('cicle entre fitxers: hooks/a.ts ↔ src/jobs/b.ts')
  })

  it('fails when pure code imports Payload, and names a folder with no layer', () => {
    const root = tree({
      'src/rules/a.ts': "import type { Payload } from 'payload'\nexport type A = Payload\n",
      'src/newthing/x.ts': 'export const x = 1\n',
    })
    const { problems } = analyseImports(root)
    expect(problems).toContain('codi pur amb Payload: src/rules/a.ts importa payload')
    expect(problems.some((problem) => problem.startsWith('src/newthing: carpeta sense capa'))).toBe(
      true,
    )
  })
})
