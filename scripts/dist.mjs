// `npm run dist`: installers for this OS with electron-builder, from the Electron that `npm ci`
// installed. electron-builder would otherwise download Electron's zip from GitHub and, where that
// host is unreachable, retry for minutes; so the binary is checked first and its absence is one
// line and exit 3, as `podium export` says when it finds no browser.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const EXIT_ENVIRONMENT = 3;
const require = createRequire(import.meta.url);

/** node_modules/electron/dist, if electron's install downloaded the binary (it writes path.txt last). */
function installedElectronDist() {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const dist = join(electronDir, 'dist');
  return existsSync(join(dist, readFileSync(pathFile, 'utf8').trim())) ? dist : null;
}

const electronDist = installedElectronDist();
if (electronDist === null) {
  console.error(
    'podium: no Electron binary in node_modules/electron/dist (it could not be downloaded), so no installer can be built; ' +
      'run `npm ci` where github.com is reachable, without ELECTRON_SKIP_BINARY_DOWNLOAD',
  );
  process.exit(EXIT_ENVIRONMENT);
}

const builder = spawnSync(
  process.execPath,
  [require.resolve('electron-builder/cli.js'), '--publish', 'never', `--config.electronDist=${electronDist}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(builder.status ?? 1);
