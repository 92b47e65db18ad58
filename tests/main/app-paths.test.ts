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
  'resources/templates/basic/deck.yaml',
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
    it('finds the renderer, the preload, the bundled deck and the new-deck template', () => {
      const paths = packagedPaths();
      expect(statSync(join(paths.rendererDir, 'index.html')).isFile()).toBe(true);
      expect(statSync(paths.preloadPath).isFile()).toBe(true);
      expect(statSync(join(paths.bundledDeckDir, 'deck.yml')).isFile()).toBe(true);
      expect(paths.bundledDeckDir).toBe(join(root, 'resources', 'slides'));
      expect(statSync(join(paths.templateDir, 'deck.yaml')).isFile()).toBe(true);
    });
  });

  describe('in a checkout', () => {
    it('finds the deck in the repository', () => {
      const paths = resolveAppPaths({ appRoot: '/repo', resourcesPath: '/electron/resources', packaged: false });
      expect(paths.bundledDeckDir).toBe(join('/repo', 'slides'));
      expect(paths.preloadPath).toBe(join('/repo', 'out', 'preload', 'index.cjs'));
      expect(paths.templateDir).toBe(join('/repo', 'resources', 'templates', 'basic'));
    });

    it('has the template it names', () => {
      const paths = resolveAppPaths({ appRoot: join(__dirname, '..', '..'), resourcesPath: '/unused', packaged: false });
      expect(statSync(join(paths.templateDir, 'deck.yaml')).isFile()).toBe(true);
    });
  });
});

describe('firstDeckPath', () => {
  it('opens no deck (the welcome window) when none is given and the working folder has no slides/', () => {
    const empty = join(root, 'home');
    mkdirSync(empty);
    expect(firstDeckPath(['/opt/Podium/podium'], empty)).toBeNull();
  });

  it('prefers slides/ in the working folder', () => {
    mkdirSync(join(root, 'talk', 'slides'), { recursive: true });
    expect(firstDeckPath(['podium'], join(root, 'talk'))).toBe(join(root, 'talk', 'slides'));
  });

  it('opens the deck the command line names, even one that does not exist, so the error names it', () => {
    expect(firstDeckPath(['podium', '--deck=missing'], root)).toBe(join(root, 'missing'));
  });
});
