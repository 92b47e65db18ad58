import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstDeckPath, resolveAppPaths, type AppPaths } from '../../src/main/app-paths';

// The layout electron-builder makes (see electron-builder.yml): out/** inside app.asar,
// slides/ as extraResources beside it. Built here as plain folders so each path can be checked on disk.
const PACKAGED_FILES = [
  'resources/app.asar/package.json',
  'resources/app.asar/out/main/index.js',
  'resources/app.asar/out/preload/index.cjs',
  'resources/app.asar/out/renderer/index.html',
  'resources/slides/deck.yml',
];

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'podium-app-paths-'));
  for (const file of PACKAGED_FILES) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '');
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function packagedPaths(): AppPaths {
  return resolveAppPaths({
    appRoot: join(root, 'resources', 'app.asar'),
    resourcesPath: join(root, 'resources'),
    packaged: true,
  });
}

describe('resolveAppPaths', () => {
  describe('in a packaged app', () => {
    it('finds the renderer, the preload and the bundled deck', () => {
      const paths = packagedPaths();
      expect(statSync(join(paths.rendererDir, 'index.html')).isFile()).toBe(true);
      expect(statSync(paths.preloadPath).isFile()).toBe(true);
      expect(statSync(join(paths.bundledDeckDir, 'deck.yml')).isFile()).toBe(true);
      expect(paths.bundledDeckDir).toBe(join(root, 'resources', 'slides'));
    });
  });

  describe('in a checkout', () => {
    it('finds the deck in the repository', () => {
      const paths = resolveAppPaths({ appRoot: '/repo', resourcesPath: '/electron/resources', packaged: false });
      expect(paths.bundledDeckDir).toBe(join('/repo', 'slides'));
      expect(paths.preloadPath).toBe(join('/repo', 'out', 'preload', 'index.cjs'));
    });
  });
});

describe('firstDeckPath', () => {
  it('opens the bundled deck when no deck is given and the working folder has no slides/', () => {
    const empty = join(root, 'home');
    mkdirSync(empty);
    expect(firstDeckPath(['/opt/Podium/podium'], empty, packagedPaths())).toBe(join(root, 'resources', 'slides'));
  });

  it('prefers slides/ in the working folder', () => {
    mkdirSync(join(root, 'talk', 'slides'), { recursive: true });
    expect(firstDeckPath(['podium'], join(root, 'talk'), packagedPaths())).toBe(join(root, 'talk', 'slides'));
  });

  it('opens the deck the command line names, even one that does not exist, so the error names it', () => {
    expect(firstDeckPath(['podium', '--deck=missing'], root, packagedPaths())).toBe(join(root, 'missing'));
  });
});
