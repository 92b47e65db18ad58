/**
 * The renderer's Content-Security-Policy, the same in the app and in serve mode: scripts only from
 * the app itself, no network beyond the page's origin, fonts inline as reveal.js themes ship them.
 * Inline styles stay allowed: reveal.js lays slides out with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self'",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * As sent in HTTP headers: the page's policy, and no other page may frame it (clickjacking the
 * edit view's buttons). Browsers ignore `frame-ancestors` in a <meta> policy, and say so.
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/**
 * Sent with every file served from a deck folder. A subresource (an image, the deck's CSS) ignores
 * it; a deck file opened as a page (an SVG or HTML file a slide links to) gets an opaque origin and
 * no scripts, so it can neither run code nor use the presenter's session.
 */
export const DECK_FILE_CONTENT_SECURITY_POLICY = [
  'sandbox',
  "default-src 'none'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "media-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The static HTML copy's policy, opened from file://: everything comes from the copy's own folder
 * ('self' on a file: page), nothing from the network, not even a fetch. The deck rides in a JSON
 * data block, which no script-src governs: the page has no inline script to allow.
 */
export const STATIC_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self'",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
