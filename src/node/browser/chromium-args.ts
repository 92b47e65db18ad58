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
