/**
 * The XMESS's face in the admin (Payload's `admin.components.graphics`): our own SVG wordmark
 * (public/xmess-logo.svg) on the sign-in pages, and its two circles as the icon beside the nav.
 * Plain images from this site: the CSP allows no others.
 */
export function Logo() {
  return (
    <img
      src="/xmess-logo.svg"
      alt="Mentoria XMESS"
      width={320}
      height={96}
      style={{ maxWidth: '100%', height: 'auto' }}
    />
  )
}

export function Icon() {
  return <img src="/xmess-icon.svg" alt="Mentoria XMESS" width={32} height={32} />
}
