/** The pages an email links to, so every email says where the person does what it asks. */
export const MY_MENTORING_PATH = '/les-meves-mentories'

const base = (serverURL: string) => serverURL.replace(/\/+$/, '')

/** «Les meves mentories», the page a mentor or mentee sees first. */
export const myMentoringUrl = (serverURL: string): string =>
  `${base(serverURL)}/admin${MY_MENTORING_PATH}`

/** One pairing in «Les meves mentories», where its actions are. */
export const pairingPageUrl = (serverURL: string, id: string | number): string =>
  `${myMentoringUrl(serverURL)}/${encodeURIComponent(String(id))}`

/** The mentee's fitxa page of one pairing, where they write it and send it for review. */
export const myFitxaUrl = (serverURL: string, pairingId: string | number): string =>
  `${pairingPageUrl(serverURL, pairingId)}/fitxa`

/** A document in the secretariat's admin. */
export const adminDocUrl = (serverURL: string, collection: string, id: string | number): string =>
  `${base(serverURL)}/admin/collections/${collection}/${encodeURIComponent(String(id))}`

/** Payload's reset-password page, which also serves to choose a first password (R14). */
export const setPasswordUrl = (serverURL: string, token: string): string =>
  `${base(serverURL)}/admin/reset/${encodeURIComponent(token)}`

export const INVITATION_DAYS = 14
