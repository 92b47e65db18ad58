import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

function electronBinaryInstalled(): boolean {
  try {
    // electron's index.js throws when its install did not download the binary.
    return typeof require('electron') === 'string';
  } catch {
    return false;
  }
}

describe('npm run dist (scripts/dist.mjs)', () => {
  // Where the binary exists the script would build real installers; CI does that in desktop.yml.
  it.skipIf(electronBinaryInstalled())('without the Electron binary, says so in one line and exits 3, before any download', () => {
    const result = spawnSync(process.execPath, ['scripts/dist.mjs'], { encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^podium: no Electron binary .* no installer can be built/);
  });
});
