/**
 * Flags for every headless Chromium Podium starts: no background traffic to Google's hosts (refused
 * or hanging on closed networks), no first-run work, software rendering.
 */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/**
 * Features switched off in every browser Podium starts (cdp-browser.ts). Headless
 * Chromium is the whole browser: it preloads the address bar's suggestion popup, a web page of its
 * own in a renderer of its own, for a window no one sees. That took 0.6 s of CPU in an export's
 * first second and a half, and made a 300-slide export 0.19 s slower on two cores. Chromium keeps
 * only the last `--disable-features`: this list is the only one passed.
 */
export const DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];
