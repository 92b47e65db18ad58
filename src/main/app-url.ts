export const APP_SCHEME = 'podium';
/** The one host of the app's origin: anything else under `podium://` is refused. */
export const APP_HOST = 'app';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_PATH = '/index.html';
export const APP_PAGE_URL = `${APP_ORIGIN}${APP_PAGE_PATH}`;

/** True for any URL of the app's own origin, `podium://app/…`. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && hasAppOrigin(parsed);
}

/** True for the app's page itself, whatever its query (the print view) or hash (reveal's slide). */
export function isAppPageUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && hasAppOrigin(parsed) && parsed.pathname === APP_PAGE_PATH;
}

/** True for the URLs worth handing to the system browser; every other scheme stays refused. */
export function isWebUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}

function hasAppOrigin(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
