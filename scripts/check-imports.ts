/**
 * The direction of imports (docs/architecture.md, «Capes»): prints the graph between folders and
 * fails on an import that goes up a layer, a cycle between folders or between files, or a Payload
 * import in pure code. `npm run check:imports` (in CI); `-- --files` also lists each upward import;
 * `-- --root DIR` checks another checkout (e.g. a `git worktree` of an older commit).
 */
import fs from 'node:fs'
import path from 'node:path'

import ts from 'typescript'

const repoRoot = path.resolve(import.meta.dirname, '..')

/** Bottom first. A folder may import its own layer or lower ones; never a higher one. */
export const LAYERS: { name: string; units: string[] }[] = [
  { name: 'regles i motor (purs)', units: ['src/rules', 'src/matching', 'src/payload-types'] },
  { name: 'biblioteques petites', units: ['src/lib', 'src/notifications', 'src/site'] },
  { name: 'accés', units: ['access'] },
  { name: 'serveis', units: ['src/services'] },
  {
    name: 'ganxos, endpoints, tasques, vistes',
    units: ['hooks', 'src/endpoints', 'src/jobs', 'src/admin'],
  },
  { name: 'col·leccions', units: ['collections'] },
  { name: 'entrada del plugin', units: ['src/plugin', 'src/email'] },
  { name: 'amfitrió: configuració', units: ['src/host/config', 'migrations'] },
  {
    name: 'amfitrió: servidor, pàgines, dades',
    units: [
      'src/host/server',
      'src/host/worker',
      'src/host/boot',
      'src/app',
      'payload.config',
      'seed',
    ],
  },
  {
    name: 'eines i proves',
    units: [
      'scripts',
      'bench',
      'tests',
      'eslint.config',
      'next.config',
      'vitest.config',
      'vitest.e2e.config',
    ],
  },
]

/** Pure code: no Payload, no database (the rules are unit-tested on their own). */
const PURE = new Set(['src/rules', 'src/matching', 'src/notifications', 'src/site'])

const SOURCE = /\.(ts|tsx|js|mjs)$/
const SKIP_DIRS = new Set(['node_modules', '.next', 'dist', 'data', '.git', 'public', 'docs'])

function listFiles(dir: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) found.push(...listFiles(full))
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full)
  }
  return found
}

/** The folder a file belongs to, as named in LAYERS. */
export function unitOf(root: string, file: string): string {
  const rel = path.relative(root, file).split(path.sep).join('/')
  const parts = rel.split('/')
  if (parts[0] === 'src') {
    // The host's folders sit in src/host/ (src/host/server, src/host/config…), apart from the plugin's.
    const depth = parts[1] === 'host' && parts.length > 2 ? 3 : 2
    const prefix = parts.slice(0, depth - 1).join('/')
    if (parts.length === depth) return `${prefix}/${parts[depth - 1].replace(/\.[^.]+$/, '')}`
    return `${prefix}/${parts[depth - 1]}`
  }
  if (parts.length === 1) return parts[0].replace(/\.[^.]+$/, '')
  return parts[0]
}

const rankOf = new Map(
  LAYERS.flatMap((layer, rank) => layer.units.map((unit) => [unit, rank] as const)),
)

function resolve(root: string, from: string, specifier: string): string | undefined {
  const base =
    specifier === '@payload-config'
      ? path.join(root, 'payload.config')
      : specifier.startsWith('.')
        ? path.resolve(path.dirname(from), specifier)
        : undefined
  if (!base) return undefined
  const stem = base.replace(/\.(js|mjs)$/, '')
  for (const candidate of [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.js`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate
  }
  return undefined
}

type Edge = { from: string; to: string; specifier: string }

function collect(root: string) {
  const files = listFiles(root)
  const edges: Edge[] = []
  const packageImports: { file: string; specifier: string }[] = []
  const unresolved: { file: string; specifier: string }[] = []
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
    for (const { fileName } of info.importedFiles) {
      const target = resolve(root, file, fileName)
      if (target) edges.push({ from: file, to: target, specifier: fileName })
      else if (fileName.startsWith('.')) unresolved.push({ file, specifier: fileName })
      else packageImports.push({ file, specifier: fileName })
    }
  }
  return { files, edges, packageImports, unresolved }
}

/** Strongly connected components with more than one member (Tarjan). */
function cycles(nodes: string[], next: (node: string) => string[]): string[][] {
  let index = 0
  const indexOf = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (node: string) => {
    indexOf.set(node, index)
    low.set(node, index++)
    stack.push(node)
    onStack.add(node)
    for (const target of next(node)) {
      if (!indexOf.has(target)) {
        visit(target)
        low.set(node, Math.min(low.get(node)!, low.get(target)!))
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, indexOf.get(target)!))
    }
    if (low.get(node) === indexOf.get(node)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const node of nodes) if (!indexOf.has(node)) visit(node)
  return found
}

/** The graph between folders (printable lines) and every problem found, for the tree under `root`. */
export function analyseImports(root: string): {
  graph: string[]
  problems: string[]
  files: number
  imports: number
} {
  const unitOf_ = (file: string) => unitOf(root, file)
  const rel = (file: string) => path.relative(root, file)
  const { files, edges, packageImports, unresolved } = collect(root)
  const problems: string[] = []
  const graph: string[] = []

  const unitEdges = new Map<string, Map<string, number>>()
  for (const edge of edges) {
    const from = unitOf_(edge.from)
    const to = unitOf_(edge.to)
    if (from === to) continue
    const targets = unitEdges.get(from) ?? new Map<string, number>()
    targets.set(to, (targets.get(to) ?? 0) + 1)
    unitEdges.set(from, targets)
  }

  const units = [...new Set(files.map(unitOf_))].sort(
    (a, b) => (rankOf.get(a) ?? 99) - (rankOf.get(b) ?? 99) || a.localeCompare(b),
  )
  for (const unit of units) {
    const rank = rankOf.get(unit)
    if (rank === undefined)
      problems.push(`${unit}: carpeta sense capa a scripts/check-imports.ts (LAYERS)`)
    const targets = [...(unitEdges.get(unit) ?? new Map<string, number>())]
      .sort(([a], [b]) => (rankOf.get(a) ?? 99) - (rankOf.get(b) ?? 99) || a.localeCompare(b))
      .map(([to, count]) => `${(rankOf.get(to) ?? 99) > (rank ?? -1) ? '↑' : ''}${to} (${count})`)
    graph.push(`  ${rank ?? '?'} ${unit.padEnd(18)} → ${targets.join(', ') || '—'}`)
  }

  for (const edge of edges) {
    const from = unitOf_(edge.from)
    const to = unitOf_(edge.to)
    const fromRank = rankOf.get(from)
    const toRank = rankOf.get(to)
    if (fromRank !== undefined && toRank !== undefined && toRank > fromRank) {
      problems.push(`cap amunt: ${rel(edge.from)} (${from}) importa ${rel(edge.to)} (${to})`)
    }
  }
  for (const component of cycles(units, (unit) => [...(unitEdges.get(unit)?.keys() ?? [])])) {
    problems.push(`cicle entre carpetes: ${component.join(' ↔ ')}`)
  }
  const fileEdges = new Map<string, string[]>()
  for (const edge of edges) fileEdges.set(edge.from, [...(fileEdges.get(edge.from) ?? []), edge.to])
  for (const component of cycles(files, (file) => fileEdges.get(file) ?? [])) {
    problems.push(`cicle entre fitxers: ${component.map(rel).join(' ↔ ')}`)
  }
  for (const { file, specifier } of packageImports) {
    if (PURE.has(unitOf_(file)) && /^(payload|@payloadcms\/)/.test(specifier)) {
      problems.push(`codi pur amb Payload: ${rel(file)} importa ${specifier}`)
    }
  }
  for (const { file, specifier } of unresolved)
    problems.push(`no trobat: ${rel(file)} importa ${specifier}`)

  return { graph, problems, files: files.length, imports: edges.length }
}

function main() {
  const listEach = process.argv.includes('--files')
  const rootAt = process.argv.indexOf('--root')
  const { graph, problems, files, imports } = analyseImports(
    rootAt > 0 ? path.resolve(process.argv[rootAt + 1]) : repoRoot,
  )
  console.log(
    "Imports entre carpetes (capa: carpeta → carpetes que importa, amb el nombre d'imports; ↑ cap amunt):",
  )
  for (const line of graph) console.log(line)
  const upward = problems.filter((problem) => problem.startsWith('cap amunt')).length
  const shown = listEach ? problems : problems.filter((problem) => !problem.startsWith('cap amunt'))
  console.log('')
  if (problems.length === 0) {
    console.log(`Cap import cap amunt, cap cicle (${files} fitxers, ${imports} imports locals).`)
    return
  }
  if (upward)
    console.log(
      `${upward} imports cap amunt${listEach ? ':' : ' (marcats amb ↑; -- --files els llista)'}`,
    )
  for (const problem of shown) console.log(`  ${problem}`)
  process.exitCode = 1
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main()
