import { fileURLToPath } from 'node:url';

// The CLI entry is built to out/cli/podium.js, beside out/renderer and out/main.
export const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));
/** The static copy's classic script and stylesheet (`export --html`), built by vite.static.config.ts. */
export const STATIC_DIR = fileURLToPath(new URL('../static/', import.meta.url));
export const ELECTRON_MAIN_ENTRY = fileURLToPath(new URL('../main/index.js', import.meta.url));
/** The package's own package.json, two folders up in a checkout and in an installed package alike. */
export const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));
