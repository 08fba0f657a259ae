import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  checkImportRows,
  type ImportContext,
  neutraliseCell,
  readCsv,
  toCsv,
} from '../../src/rules/csv'

const context: ImportContext = {
  topics: [
    { value: 'cooperativisme', label: 'Cooperativisme i emprenedoria col·lectiva' },
    { value: 'finances-etiques', label: 'Finances ètiques' },
  ],
  languages: [
    { value: 'ca', label: 'Català' },
    { value: 'es', label: 'Castellà' },
  ],
  municipalities: [
    { id: 1, name: 'Ajuntament de Sabadell' },
    { id: 2, name: "Ajuntament d'Olot" },
  ],
}

describe('CSV export', () => {
  it('round-trips through a CSV parser: quotes, commas, line breaks and accents survive', () => {
    const rows = [
      { name: 'Núria "la Nuri" Puig', note: 'una, dues\ni tres', n: 3 },
      { name: 'Jordi Ràfols', note: '', n: -2 },
    ]
    const csv = toCsv(
      [
        { header: 'Nom', value: (r) => r.name },
        { header: 'Nota', value: (r) => r.note },
        { header: 'Nombre', value: (r) => r.n },
      ],
      rows,
    )
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const parsed = parse(csv, { bom: true, columns: true }) as Record<string, string>[]
    expect(parsed).toEqual([
      { Nom: 'Núria "la Nuri" Puig', Nota: 'una, dues\ni tres', Nombre: '3' },
      { Nom: 'Jordi Ràfols', Nota: '', Nombre: '-2' },
    ])
  })

  it.each([
    '=HYPERLINK("http://x.example","clic")',
    '+34 600 000 000',
    '-2+3',
    '@SUM(A1)',
    '\tx',
    '\rx',
  ])('a text cell starting with a formula character (%j) is written as text', (value) => {
    const csv = toCsv([{ header: 'Camp', value: (r: { v: string }) => r.v }], [{ v: value }])
    const [row] = parse(csv, { bom: true, columns: true, trim: false }) as Record<string, string>[]
    expect(row.Camp).toBe(`'${value}`)
    expect(row.Camp).not.toMatch(/^[=+\-@\t\r]/)
  })

  it.each([
    ["Anna Puig;=cmd|' /C calc'!A0", "Anna Puig;'=cmd|' /C calc'!A0"],
    ['a,+1', "a,'+1"],
    ['a\t@SUM(A1)', "a\t'@SUM(A1)"],
    ['línia\n-2+3', "línia\n'-2+3"],
    ['a; "=1"', `a; "'=1"`],
    ['\t=1', "'\t'=1"],
  ])(
    'a formula after a separator or line break inside a cell (%j) is neutralised too (issue 18)',
    (value, expected) => {
      expect(neutraliseCell(value)).toBe(expected)
    },
  )

  /**
   * Property: whatever the text and whichever separator the spreadsheet uses (comma, semicolon, tab),
   * however it splits the line (honouring quotes or not), no piece of a cell starts a formula.
   */
  it('no piece of any cell starts a formula, whatever the separator (property)', () => {
    const formulaish = fc.constantFrom(
      '=',
      '+',
      '-',
      '@',
      ',',
      ';',
      '\t',
      '\r',
      '\n',
      '"',
      ' ',
      "'",
      'a',
      '1',
      'cmd|',
      '!A0',
    )
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.array(formulaish, { maxLength: 12 }).map((parts) => parts.join('')),
    )
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (values) => {
        const csv = toCsv(
          values.map((_, index) => ({ header: `c${index}`, value: (row: string[]) => row[index] })),
          [values],
        )
        const body = csv.slice(csv.indexOf('\r\n') + 2)
        for (const separator of [',', ';', '\t']) {
          // A reader that honours quotes, with this separator (when it can read the line at all).
          let cells: string[] = []
          try {
            cells = (
              parse(body, {
                delimiter: separator,
                relax_quotes: true,
                relax_column_count: true,
                trim: false,
              }) as string[][]
            ).flat()
          } catch {
            // Quotes that do not pair up under this separator: the naive split below still applies.
          }
          // A naive one that splits on the separator and on line breaks, quotes or not.
          const pieces = body.split(new RegExp(`[${separator === '\t' ? '\\t' : separator}\\r\\n]`))
          for (const piece of [...cells, ...pieces])
            expect(
              piece.replace(/^[\s"]+/, ''),
              JSON.stringify({ values, separator, piece }),
            ).not.toMatch(/^[=+\-@]/)
        }
        // And the comma reader gets each value back, with an apostrophe where one was needed.
        const back = (
          parse(csv, { bom: true, columns: true, trim: false }) as Record<string, string>[]
        )[0]
        values.forEach((value, index) =>
          expect(back[`c${index}`].replace(/'/g, '')).toBe(value.replace(/'/g, '')),
        )
      }),
      { numRuns: 500 },
    )
  })

  it('leaves ordinary text alone', () => {
    expect(neutraliseCell('Ajuntament de Sabadell')).toBe('Ajuntament de Sabadell')
    expect(neutraliseCell("'ja citat")).toBe("'ja citat")
  })
})

describe('CSV import rows', () => {
  const read = (text: string) => {
    const result = readCsv(text)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    return result.table
  }

  it('reads mentors with Catalan headers, semicolons, labels or values, and defaults', () => {
    const table = read(
      'Nom i cognoms;Correu electrònic;Ens;Àmbits;Capacitat;Disponible;Llengües\n' +
        'Anna Serra;ANNA@Olot.example;ajuntament d’olot;"Finances ètiques, cooperativisme";2;no;ca|es\n' +
        'Berta Pla;berta@sabadell.example;Ajuntament de Sabadell;cooperativisme;;;\n',
    )
    const result = checkImportRows('mentors', table, context)
    expect(result).toMatchObject({
      ok: true,
      rows: [
        {
          row: 2,
          data: {
            name: 'Anna Serra',
            email: 'anna@olot.example',
            municipality: 2,
            topics: ['finances-etiques', 'cooperativisme'],
            capacity: 2,
            available: false,
            languages: ['ca', 'es'],
          },
        },
        {
          row: 3,
          data: {
            name: 'Berta Pla',
            municipality: 1,
            topics: ['cooperativisme'],
            capacity: 1,
            available: true,
            languages: ['ca'],
            phone: null,
          },
        },
      ],
    })
  })

  it('names every bad row and column in Catalan, and keeps no row when one is bad', () => {
    const table = read(
      'Nom i cognoms,Correu electrònic,Ens,Àmbits\n' +
        'Anna Serra,anna@olot.example,Ajuntament de Sabadell,cooperativisme\n' +
        'Carles,no-es-correu,Ajuntament de Girona,astrologia\n' +
        'Anna Serra,anna@olot.example,Ajuntament de Sabadell,cooperativisme\n',
    )
    const result = checkImportRows('mentors', table, context)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      { row: 3, field: 'Correu electrònic', message: 'No és una adreça de correu vàlida.' },
      {
        row: 3,
        field: 'Ens',
        message: expect.stringContaining("L'ens «Ajuntament de Girona» no és a la llista"),
      },
      {
        row: 3,
        field: 'Àmbits',
        message: expect.stringContaining('«astrologia» no és un àmbit de la llista'),
      },
      { row: 4, field: 'Correu electrònic', message: expect.stringContaining('ja és a la fila 2') },
    ])
  })

  it('refuses unknown and missing columns before looking at rows', () => {
    const result = checkImportRows(
      'municipalities',
      read('Comarca,Alcaldessa\nGarrotxa,X\n'),
      context,
    )
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 1, field: 'Alcaldessa', message: expect.stringContaining('Columna desconeguda') },
        { row: 1, field: 'Nom', message: 'Falta aquesta columna, que és obligatòria.' },
      ],
    })
  })

  it('reads councils with decimal commas and yes/no, and counts rows as the spreadsheet does', () => {
    const table = read(
      'Nom;Comarca;Província;Latitud;Longitud;Membre de la XMESS\n\nAjuntament de Ripoll;Ripollès;girona;42,2;2.19;sí\nAjuntament de Reus;;Tarragona;41.15;1.1;potser\n',
    )
    const result = checkImportRows('municipalities', table, context)
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 4, field: 'Membre de la XMESS', message: '«potser» no és ni «sí» ni «no».' }],
    })
  })

  it('a row with more cells than columns is an error on its row, not a silently shifted record', () => {
    expect(readCsv('Nom;Comarca\nAjuntament de Reus;Baix Camp;sobra\n')).toEqual({
      ok: false,
      errors: [
        {
          row: 2,
          field: '(fila)',
          message: expect.stringContaining('té 3 cel·les i la capçalera, 2 columnes'),
        },
      ],
    })
  })

  it('a file that is not CSV is an error on its row, not an exception', () => {
    const result = readCsv('Nom,Comarca\n"sense tancar,Garrotxa\n')
    expect(result.ok).toBe(false)
  })
})
