import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appCommand } from '../../src/cli/commands/app';

function fakeElectron(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'podium-fake-electron-'));
  const binary = join(dir, 'electron');
  writeFileSync(binary, `#!${process.execPath}\n${script}\n`);
  chmodSync(binary, 0o755);
  return binary;
}

describe('appCommand', () => {
  afterEach(() => vi.restoreAllMocks());

  describe('when Electron is killed by a signal', () => {
    it('fails with one line naming the signal', async () => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      const openInBrowser = vi.fn(async () => {});
      const binary = fakeElectron("process.kill(process.pid, 'SIGTERM');");
      expect(await appCommand('.', { electronBinary: binary, openInBrowser })).toBe(1);
      expect(log.mock.calls.flat().join('\n')).toContain('SIGTERM');
      expect(openInBrowser).not.toHaveBeenCalled();
    });
  });

  describe.runIf(process.platform === 'linux')('when the sandbox cannot start (AppArmor)', () => {
    it('says what to do and opens the browser instead', async () => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const openInBrowser = vi.fn(async () => {});
      const binary = fakeElectron(
        "process.stderr.write('FATAL:setuid_sandbox_host.cc The SUID sandbox helper binary was found, but is not configured correctly.\\n', () => process.kill(process.pid, 'SIGTRAP'));",
      );
      expect(await appCommand('deck', { electronBinary: binary, openInBrowser })).toBe(1);
      const lines = log.mock.calls.flat().join('\n');
      expect(lines).toContain('AppArmor restricts unprivileged user namespaces');
      expect(lines).toContain('sudo sysctl kernel.apparmor_restrict_unprivileged_userns=0');
      expect(openInBrowser).toHaveBeenCalledWith('deck');
    });
  });

  describe.runIf(process.getuid?.() === 0)('as root', () => {
    it('passes --no-sandbox to Electron and says so', async () => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      const binary = fakeElectron("process.exit(process.argv.includes('--no-sandbox') ? 0 : 7);");
      expect(await appCommand('.', { electronBinary: binary, openInBrowser: async () => {} })).toBe(0);
      expect(log.mock.calls.flat().join('\n')).toContain('--no-sandbox');
    });
  });

  describe('which deck it asks the app to open', () => {
    /** The `--deck` switches the app was started with, as the fake binary wrote them down. */
    const deckSwitchOf = async (deck: string): Promise<string> => {
      const record = join(mkdtempSync(join(tmpdir(), 'podium-argv-')), 'argv.json');
      const binary = fakeElectron(
        `require('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.filter((a) => a.startsWith('--deck'))));`,
      );
      vi.spyOn(console, 'log').mockImplementation(() => {});
      await appCommand(deck, { electronBinary: binary, openInBrowser: async () => {} });
      return readFileSync(record, 'utf8');
    };

    it('names the deck it was given', async () => {
      expect(await deckSwitchOf('talk')).toBe(JSON.stringify([`--deck=${join(process.cwd(), 'talk')}`]));
    });

    it('names none for the default folder when it holds no deck, so the app finds slides/ or welcomes', async () => {
      const empty = mkdtempSync(join(tmpdir(), 'podium-no-deck-'));
      vi.spyOn(process, 'cwd').mockReturnValue(empty);
      expect(await deckSwitchOf('.')).toBe('[]');
      writeFileSync(join(empty, '01-intro.md'), '# Hello\n');
      expect(await deckSwitchOf('.')).toBe(JSON.stringify([`--deck=${empty}`]));
    });
  });

  describe('when Electron exits normally', () => {
    it('returns its exit code', async () => {
      const binary = fakeElectron('process.exit(0);');
      expect(await appCommand('.', { electronBinary: binary, openInBrowser: async () => {} })).toBe(0);
    });
  });
});
