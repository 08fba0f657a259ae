import { geoConicConformal, geoPath, type GeoProjection } from 'd3-geo'
import provincesTopology from 'es-atlas/es/provinces.json'
import { merge, mesh } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'

import type { FitxesMessages } from './i18n'
import type { PublicCouncil, PublicFitxa } from './public-fitxa'

/**
 * The map of Catalonia on /fitxes, drawn on the server as SVG from the IGN boundaries packaged in
 * es-atlas (CC BY 4.0, credited under the map): no tiles, no request to anybody else. Each published
 * mentoring is a line from the mentor's council to the council it accompanied.
 */

const WIDTH = 600
const PAD = 12
/** INE codes of the four provinces of Catalonia. */
const CATALONIA = new Set(['08', '17', '25', '43'])

type Base = {
  width: number
  height: number
  outline: string
  provinces: string
  projection: GeoProjection
}

let base: Base | undefined

/** Projected once per process: the outline of Catalonia and the borders between its provinces. */
function baseMap(): Base {
  if (base) return base
  const topology = provincesTopology as unknown as Topology<{ provinces: GeometryCollection }>
  const geometries = topology.objects.provinces.geometries.filter((geometry) =>
    CATALONIA.has(String(geometry.id)),
  )
  const collection: GeometryCollection = { type: 'GeometryCollection', geometries }
  const outline = merge(topology, geometries as never)
  const projection = geoConicConformal()
    .rotate([-1.75, 0])
    .parallels([41, 42.5])
    .fitWidth(WIDTH - 2 * PAD, outline)
  projection.translate([projection.translate()[0] + PAD, projection.translate()[1] + PAD])
  const path = geoPath(projection).digits(1)
  const [[, y0], [, y1]] = path.bounds(outline)
  base = {
    width: WIDTH,
    height: Math.ceil(y1 - y0 + 2 * PAD),
    outline: path(outline) ?? '',
    provinces: path(mesh(topology, collection, (a, b) => a !== b)) ?? '',
    projection,
  }
  return base
}

type Point = { x: number; y: number }

const place = (projection: GeoProjection, council?: PublicCouncil): Point | undefined => {
  if (council?.latitude === undefined || council.longitude === undefined) return undefined
  const xy = projection([council.longitude, council.latitude])
  return xy ? { x: Math.round(xy[0] * 10) / 10, y: Math.round(xy[1] * 10) / 10 } : undefined
}

export type MapNetwork = {
  width: number
  height: number
  outline: string
  provinces: string
  links: { key: string; d: string; title: string; weight: number }[]
  councils: { id: string; name: string; x: number; y: number; mentee: boolean; mentor: boolean }[]
  mentorings: number
}

/** The lines and dots of the published mentorings (computed once per cache stamp). */
export function mapNetwork(
  fitxes: readonly PublicFitxa[],
  t: Pick<FitxesMessages, 'between'>,
): MapNetwork {
  const { width, height, outline, provinces, projection } = baseMap()
  const links = new Map<string, { from: Point; to: Point; title: string; weight: number }>()
  const councils = new Map<string, MapNetwork['councils'][number]>()
  let mentorings = 0
  for (const fitxa of fitxes) {
    const from = place(projection, fitxa.mentorCouncil)
    const to = place(projection, fitxa.council)
    if (!from || !to || !fitxa.council || !fitxa.mentorCouncil) continue
    mentorings++
    const key = `${fitxa.mentorCouncil.id}>${fitxa.council.id}`
    const link = links.get(key)
    if (link) link.weight++
    else
      links.set(key, {
        from,
        to,
        title: t.between(fitxa.council.name, fitxa.mentorCouncil.name),
        weight: 1,
      })
    for (const [council, point, role] of [
      [fitxa.council, to, 'mentee'],
      [fitxa.mentorCouncil, from, 'mentor'],
    ] as const) {
      const entry = councils.get(council.id) ?? {
        id: council.id,
        name: council.name,
        x: point.x,
        y: point.y,
        mentee: false,
        mentor: false,
      }
      entry[role] = true
      councils.set(council.id, entry)
    }
  }
  return {
    width,
    height,
    outline,
    provinces,
    mentorings,
    councils: [...councils.values()],
    links: [...links].map(([key, { from, to, title, weight }]) => {
      // A gentle arc (a sixth of the distance to the side), so that lines between close councils stay apart.
      const mx = (from.x + to.x) / 2 - (to.y - from.y) / 6
      const my = (from.y + to.y) / 2 + (to.x - from.x) / 6
      return {
        key,
        title,
        weight,
        d: `M${from.x} ${from.y}Q${mx.toFixed(1)} ${my.toFixed(1)} ${to.x} ${to.y}`,
      }
    }),
  }
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  )

const councilClass = (council: MapNetwork['councils'][number]) =>
  council.mentee
    ? council.mentor
      ? 'council council--both'
      : 'council council--mentee'
    : 'council council--mentor'

/**
 * The inside of the map's SVG as markup, built once per network: a few hundred lines and dots drawn
 * as React elements made up most of /fitxes's render (and of the data Next embeds in the page).
 * Every text in it is escaped; the numbers and classes are ours.
 */
export function mapMarkup(
  network: MapNetwork,
  t: Pick<FitxesMessages, 'mapTitle'>,
  description: string,
  id: string,
): string {
  const links = network.links
    .map(
      (link) =>
        `<path d="${escapeXml(link.d)}" stroke-width="${Math.min(6, 1.5 + link.weight)}"><title>${escapeXml(link.title)}</title></path>`,
    )
    .join('')
  const councils = network.councils
    .map(
      (council) =>
        `<circle cx="${council.x}" cy="${council.y}" r="5" class="${councilClass(council)}"><title>${escapeXml(council.name)}</title></circle>`,
    )
    .join('')
  return (
    `<title id="${escapeXml(id)}-title">${escapeXml(t.mapTitle)}</title><desc id="${escapeXml(id)}-desc">${escapeXml(description)}</desc>` +
    `<path class="map-land" d="${escapeXml(network.outline)}"></path><path class="map-borders" d="${escapeXml(network.provinces)}"></path>` +
    `<g class="map-links">${links}</g><g class="map-councils">${councils}</g>`
  )
}

const markups = new WeakMap<MapNetwork, Map<string, string>>()

export function FitxesMap({
  network,
  t,
  id = 'mapa',
}: {
  network: MapNetwork
  t: FitxesMessages
  id?: string
}) {
  const description = t.mapDescription(network.mentorings, network.councils.length)
  let byKey = markups.get(network)
  if (!byKey) markups.set(network, (byKey = new Map()))
  const key = `${id}|${t.mapTitle}|${description}`
  let markup = byKey.get(key)
  if (markup === undefined) byKey.set(key, (markup = mapMarkup(network, t, description, id)))
  return (
    <figure className="fitxes-map" aria-labelledby={`${id}-caption`}>
      <svg
        viewBox={`0 0 ${network.width} ${network.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        focusable="false"
        dangerouslySetInnerHTML={{ __html: markup }}
      />
      <figcaption id={`${id}-caption`}>
        <span className="map-summary">{description}</span>
        <span className="map-legend">
          <span className="legend legend--mentor">{t.mapLegendMentor}</span>
          <span className="legend legend--mentee">{t.mapLegendMentee}</span>
        </span>
        <small className="map-credit">{t.mapCredit}</small>
      </figcaption>
    </figure>
  )
}
