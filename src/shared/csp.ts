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
