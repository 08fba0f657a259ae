/**
 * The featured image of a fitxa (DOMAIN.md, «Fitxa»): JPEG, PNG or WebP only, at most 2 MB, with alt
 * text. What a file is comes from its first bytes, never from its name or the type the browser sends:
 * an SVG (which can carry script) or an HTML page renamed «foto.png» is refused. Pure: no Payload.
 */

export const FITXA_IMAGE_MAX_BYTES = 2 * 1024 * 1024

export const FITXA_IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type FitxaImageType = (typeof FITXA_IMAGE_MIME_TYPES)[number]

/** The type the bytes say, or undefined when they are none of the three. */
export function sniffImageType(bytes: Uint8Array): FitxaImageType | undefined {
  const starts = (...values: number[]) => values.every((value, index) => bytes[index] === value)
  if (bytes.length >= 3 && starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (bytes.length >= 8 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))
    return 'image/png'
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  return undefined
}

const megabytes = (bytes: number) =>
  (bytes / (1024 * 1024)).toLocaleString('ca', { maximumFractionDigits: 1 })

/**
 * Why an upload is refused, in one Catalan sentence naming the field, or undefined when it may go on.
 * `alt: 'unchanged'` when an update does not touch the alt text.
 */
export function checkFitxaImage(input: {
  file: { bytes: Uint8Array; size: number; name: string } | undefined
  fileRequired: boolean
  alt: unknown
}): string | undefined {
  const { file } = input
  if (!file && input.fileRequired) return 'Imatge: adjunteu un fitxer JPEG, PNG o WebP.'
  if (file) {
    const size = Math.max(file.size, file.bytes.length)
    if (size > FITXA_IMAGE_MAX_BYTES) {
      return `Imatge: el fitxer «${file.name}» fa ${megabytes(size)} MB i com a molt pot fer ${megabytes(FITXA_IMAGE_MAX_BYTES)} MB; reduïu-lo i torneu-lo a pujar.`
    }
    if (!sniffImageType(file.bytes)) {
      const svg =
        /\.svgz?$/i.test(file.name) ||
        /^\s*(<\?xml|<svg)/i.test(new TextDecoder().decode(file.bytes.subarray(0, 200)))
      return svg
        ? `Imatge: el fitxer «${file.name}» és un SVG, i les imatges SVG no s'accepten; pugeu-la en JPEG, PNG o WebP.`
        : `Imatge: el fitxer «${file.name}» no és una imatge JPEG, PNG ni WebP (ho diu el seu contingut, no el nom).`
    }
  }
  if (input.alt !== 'unchanged' && (typeof input.alt !== 'string' || input.alt.trim() === '')) {
    return "Text alternatiu: escriviu què s'hi veu, en una frase, per a qui no pot veure la imatge."
  }
  return undefined
}
