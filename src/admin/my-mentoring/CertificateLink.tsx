/** A completed pairing's certificate of participation: printable on one A4 page, checkable by anyone with its address. */
export function CertificateLink({ url }: { url: string }) {
  return (
    <section className="mm-section" id="certificat">
      <h3>Certificat de participació</h3>
      <p>
        El vostre certificat de la mentoria (període, trobades fetes i hores), en la vostra llengua.
        Obriu-lo per imprimir-lo o desar-lo en PDF; qui tingui l&apos;enllaç pot comprovar que és
        autèntic.
      </p>
      <a
        className="btn btn--style-secondary btn--size-medium"
        href={url}
        rel="noopener"
        target="_blank"
      >
        Obre el certificat
      </a>
    </section>
  )
}
