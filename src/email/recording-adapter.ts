import type { EmailAdapter, Payload, PayloadRequest, SendEmailOptions } from 'payload'

import { SENT_EMAILS_SLUG } from '../../collections/SentEmails'
import { emailLang, withLegalFooter, withLegalFooterHtml } from '../notifications/legal'
import { hideSecretLinks } from '../notifications/secrets'

/** Every email ends with the links to the privacy notice and the accessibility statement, in its language (Content-Language). */
function withFooter(message: SendEmailOptions, serverURL: string): SendEmailOptions {
  const headers = (message.headers ?? {}) as Record<string, unknown>
  const lang = emailLang(headers['Content-Language'])
  return {
    ...message,
    ...(typeof message.text === 'string'
      ? { text: withLegalFooter(message.text, serverURL, lang) }
      : {}),
    ...(typeof message.html === 'string'
      ? { html: withLegalFooterHtml(message.html, serverURL, lang) }
      : {}),
  }
}

const addresses = (value: SendEmailOptions['to']): string => {
  if (!value) return ''
  const list = Array.isArray(value) ? value : [value]
  return list.map((item) => (typeof item === 'string' ? item : item.address)).join(', ')
}

/** The names of the files an email carried, never their content: «[Adjunt: trobada.ics]». */
const attachedNames = (message: SendEmailOptions): string => {
  const names = (Array.isArray(message.attachments) ? message.attachments : []).map((attachment) =>
    attachment && typeof attachment === 'object' && typeof attachment.filename === 'string'
      ? attachment.filename
      : 'fitxer',
  )
  return names.length ? `\n\n${names.map((name) => `[Adjunt: ${name}]`).join('\n')}` : ''
}

/**
 * Wraps the configured email adapter so that every email is kept in `sent-emails`, with the secret
 * part of each link hidden (`[enllaç amagat]`): the person's email carries the link, no stored copy
 * does (issue 18: whoever read the record could choose the person's password). Without an adapter
 * (no SMTP) nothing leaves the machine: the record is the outbox, and with `outboxToConsole`
 * (development, the demo) the whole email, links included, is printed on the server's console.
 *
 * The record is written after sendEmail returns, not awaited by it: Payload sends some emails inside
 * the transaction of the operation (forgot-password), and a separate write then would wait for that
 * very transaction on SQLite's single writer.
 */
export function recordingEmailAdapter(
  inner: EmailAdapter | undefined,
  { outboxToConsole = false }: { outboxToConsole?: boolean } = {},
): EmailAdapter {
  return (args: { payload: Payload }) => {
    const { payload } = args
    const base = inner?.(args)
    // Records of the emails sent in one tick are written together: one turn of the single writer.
    let pending: Record<string, unknown>[] = []
    // A busy database (another writer holding SQLite past the wait) is retried a few times: the
    // email has gone out, so losing its record would leave the outbox short (issue 18, seen under load).
    const flush = async (batch = pending, attempt = 1): Promise<void> => {
      if (batch === pending) pending = []
      let transactionID: number | string | undefined
      try {
        transactionID = (await payload.db.beginTransaction()) ?? undefined
        const req = { transactionID } as Partial<PayloadRequest>
        for (const data of batch)
          await payload.create({
            collection: SENT_EMAILS_SLUG as never,
            data: data as never,
            overrideAccess: true,
            req,
          })
        if (transactionID !== undefined) await payload.db.commitTransaction(transactionID)
      } catch (error) {
        if (transactionID !== undefined)
          await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
        const busy = (error as { status?: number } | null)?.status === 503
        if (busy && attempt < 5) {
          setTimeout(() => void flush(batch, attempt + 1), 500 * attempt).unref()
          return
        }
        payload.logger.error({
          err: error,
          msg: `No s'ha pogut desar el registre de ${batch.length} correus`,
        })
      }
    }
    const record = (message: SendEmailOptions, delivery: 'smtp' | 'outbox') => {
      pending.push({
        to: addresses(message.to),
        subject: String(message.subject ?? ''),
        text:
          hideSecretLinks(
            typeof message.text === 'string'
              ? message.text
              : typeof message.html === 'string'
                ? message.html
                : '',
          ) + attachedNames(message),
        replyTo: message.replyTo ? addresses(message.replyTo as SendEmailOptions['to']) : undefined,
        delivery,
      })
      if (pending.length === 1) setImmediate(() => void flush())
    }
    return {
      name: base ? `${base.name}+registre` : 'safata-de-sortida',
      defaultFromAddress: base?.defaultFromAddress ?? 'mentoria@xmess.cat',
      defaultFromName: base?.defaultFromName ?? 'Mentoria XMESS',
      sendEmail: async (given: SendEmailOptions) => {
        const message = withFooter(given, payload.config.serverURL || 'http://localhost:3000')
        if (!base) {
          payload.logger.info(
            `Correu desat a la safata de sortida (sense SMTP): ${addresses(message.to)} — ${message.subject}`,
          )
          if (outboxToConsole) {
            const body =
              typeof message.text === 'string'
                ? message.text
                : typeof message.html === 'string'
                  ? message.html
                  : ''
            process.stdout.write(
              `\n── Correu (sense SMTP) per a ${addresses(message.to)}: ${String(message.subject ?? '')}\n${body}\n──\n`,
            )
          }
          record(message, 'outbox')
          return { outbox: true }
        }
        const result = await base.sendEmail(message)
        record(message, 'smtp')
        return result
      },
    }
  }
}
