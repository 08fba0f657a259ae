/**
 * The few parts of `sax` (a strict, namespace-aware XML parser) the WXR test uses. It is installed
 * as a dependency of a dependency, without types: the lead may add `sax` as a dev dependency.
 */
declare module 'sax' {
  export type QualifiedAttribute = {
    name: string
    value: string
    prefix: string
    local: string
    uri: string
  }
  export type QualifiedTag = {
    name: string
    prefix: string
    local: string
    uri: string
    attributes: Record<string, QualifiedAttribute>
    ns: Record<string, string>
  }
  export type SAXParser = {
    onerror: (error: Error) => void
    onopentag: (tag: QualifiedTag) => void
    onclosetag: (name: string) => void
    ontext: (text: string) => void
    oncdata: (text: string) => void
    write: (chunk: string) => SAXParser
    close: () => SAXParser
  }
  export function parser(strict: boolean, options?: { xmlns?: boolean; trim?: boolean }): SAXParser
  const sax: { parser: typeof parser }
  export default sax
}
