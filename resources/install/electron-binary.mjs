// Runs after `npm install` / `npm ci`. package.json's `allowScripts` stops electron's own
// postinstall, which fails the whole install where its download host is unreachable and honours
// only ELECTRON_SKIP_BINARY_DOWNLOAD. Here we run that same script and tolerate its failure:
// where the host is reachable the binary is installed as usual; elsewhere we say so once and go on.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Electron's download retries for minutes when the network hangs rather than refuses.
const DOWNLOAD_TIMEOUT_MS = 180_000;

function electronInstalled() {
  try {
    // The `electron` module exports the binary's path, and throws when the binary is missing.
    return typeof require('electron') === 'string';
  } catch {
    return false;
  }
}

if (!electronInstalled() && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  spawnSync(process.execPath, [require.resolve('electron/install.js')], {
    stdio: 'ignore',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
}

if (!electronInstalled()) {
  console.log(
    'podium: no Electron binary (it could not be downloaded), so the desktop window is unavailable; ' +
      '`podium serve` and `podium export` work without it, and `npm start` opens the deck in your browser instead.',
  );
}
