import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/podium-cli';

function electronBinaryInstalled(): boolean {
  try {
    return typeof createRequire(import.meta.url)('electron') === 'string';
  } catch {
    return false;
  }
}

describe('the install step for the Electron binary', () => {
  it('succeeds where the download host is unreachable, saying once what works without the binary', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'podium-electron-cache-'));
    try {
      // An unreachable mirror and an empty cache stand for a machine without Electron's download host.
      const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache };
      delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
      const result = spawnSync(process.execPath, ['resources/install/electron-binary.mjs'], {
        cwd: REPO_ROOT,
        env,
        encoding: 'utf8',
        timeout: 200_000,
      });
      expect(result.status).toBe(0);
      if (electronBinaryInstalled()) {
        expect(result.stdout).toBe('');
      } else {
        expect(result.stdout.trim().split('\n')).toHaveLength(1);
        expect(result.stdout).toMatch(/desktop window is unavailable; `podium serve` and `podium export` work without it/);
      }
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });
});
