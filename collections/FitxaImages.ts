import path from 'node:path'

import type {
  Access,
  CollectionBeforeOperationHook,
  CollectionConfig,
  PayloadRequest,
  Where,
} from 'payload'

import { myPairingIds, myProfiles } from '../access/ownership'
import { isSecretariatUser } from '../access/roles'
import { RequestRefused } from '../src/lib/errors'
import type { ID } from '../src/lib/ids'
import { checkFitxaImage, FITXA_IMAGE_MIME_TYPES } from '../src/rules/fitxa-images'

/** Where the image files live by default: beside the SQLite database, in the README's backup section. */
export const DEFAULT_FITXA_IMAGES_DIR = 'data/imatges-fitxes'

/** The images used by fitxes the person may read: published ones, and those of their own pairings. */
async function visibleImageIds(req: PayloadRequest): Promise<ID[]> {
  const pairings = req.user ? await myPairingIds(req) : []
  const where: Where = pairings.length
    ? {
        and: [
          { image: { exists: true } },
          { or: [{ _status: { equals: 'published' } }, { pairing: { in: pairings } }] },
        ],
      }
    : { and: [{ image: { exists: true } }, { _status: { equals: 'published' } }] }
  const fitxes = await req.payload.find({
    collection: 'fitxes',
    where,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { image: true } as never,
    req,
  })
  return fitxes.docs
    .map((doc) => (doc as { image?: ID | { id: ID } | null }).image)
    .flatMap((image) =>
      image === null || image === undefined ? [] : [typeof image === 'object' ? image.id : image],
    )
}

/** R12: the public sees the images of published fitxes; a person also those of their pairings and their own uploads. */
const readImages: Access = async ({ req }) => {
  if (isSecretariatUser(req.user)) return true
  const ids = await visibleImageIds(req)
  const or: Where[] = [{ id: { in: ids } }]
  if (req.user) or.push({ uploadedBy: { equals: req.user.id } })
  return ids.length || req.user ? { or } : false
}

/** The mentee (who writes the fitxa) and the secretariat upload images. */
const createImages: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  return (await myProfiles(req)).candidateIds.length > 0
}

/** Each person changes or removes only the images they uploaded; the secretariat any. */
const ownImages: Access = ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  return { uploadedBy: { equals: req.user.id } }
}

/**
 * What an uploaded file is, from its first bytes (never from its name or the type the browser
 * claims), its size and its alt text, before Payload stores or resizes anything.
 */
const checkUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  // Whoever may not upload at all hears that from access control (403), not about their file.
  if (
    !req.user ||
    (operation === 'create' && !(await createImages({ req } as Parameters<Access>[0])))
  )
    return args
  const file = req.file as { data?: Buffer; size?: number; name?: string } | undefined
  const data = (args.data ?? {}) as { alt?: unknown }
  const problem = checkFitxaImage({
    file: file
      ? {
          bytes: file.data ?? Buffer.alloc(0),
          size: file.size ?? file.data?.length ?? 0,
          name: file.name ?? '',
        }
      : undefined,
    fileRequired: operation === 'create',
    alt: operation === 'create' || 'alt' in data ? data.alt : 'unchanged',
  })
  if (problem) throw new RequestRefused(problem, 400)
  return args
}

export const createFitxaImagesCollection = (options: {
  fitxaImagesDir?: string
}): CollectionConfig => ({
  slug: 'fitxa-images',
  labels: {
    singular: { ca: 'Imatge de fitxa', es: 'Imagen de ficha', en: 'Fitxa image' },
    plural: { ca: 'Imatges de fitxes', es: 'Imágenes de fichas', en: 'Fitxa images' },
  },
  admin: {
    useAsTitle: 'alt',
    group: { ca: 'Acompanyaments', es: 'Acompañamientos', en: 'Accompaniments' },
    description: {
      ca: 'La imatge destacada de cada fitxa: JPEG, PNG o WebP, com a molt 2 MB, amb text alternatiu. Es redimensiona en pujar-la; el fitxer original no es publica.',
      es: 'La imagen destacada de cada ficha: JPEG, PNG o WebP, 2 MB como máximo, con texto alternativo.',
      en: 'Each fitxa’s featured image: JPEG, PNG or WebP, at most 2 MB, with alt text.',
    },
  },
  access: { read: readImages, create: createImages, update: ownImages, delete: ownImages },
  hooks: {
    beforeOperation: [checkUpload],
    beforeChange: [
      ({ data, operation, req }) => {
        if (operation === 'create') data.uploadedBy = req.user?.id ?? null
        return data
      },
    ],
  },
  upload: {
    staticDir: path.resolve(options.fitxaImagesDir ?? DEFAULT_FITXA_IMAGES_DIR),
    mimeTypes: [...FITXA_IMAGE_MIME_TYPES],
    // No camera, place or author data in what is published.
    withMetadata: false,
    // Nobody needs a photograph larger than the page: the stored original is at most 1600 px wide.
    resizeOptions: { width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true },
    imageSizes: [
      {
        name: 'card',
        width: 640,
        height: 400,
        fit: 'cover',
        position: 'centre',
        withoutEnlargement: false,
      },
      { name: 'page', width: 1200, fit: 'inside', withoutEnlargement: true },
    ],
    adminThumbnail: 'card',
    focalPoint: false,
    crop: false,
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 300,
      label: { ca: 'Text alternatiu', es: 'Texto alternativo', en: 'Alt text' },
      admin: {
        description:
          "Què s'hi veu, en una frase, per a qui no pot veure la imatge (p. ex. «Assemblea de la cooperativa al mercat municipal»).",
      },
    },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: { ca: 'Pujada per', es: 'Subida por', en: 'Uploaded by' },
      admin: { readOnly: true, position: 'sidebar' },
      access: {
        read: ({ req }) => isSecretariatUser(req.user),
        create: () => false,
        update: () => false,
      },
    },
  ],
})
