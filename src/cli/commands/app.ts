import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ELECTRON_MAIN_ENTRY } from '../paths';
import { serveCommand } from './serve';

/** The Electron binary's path, or null where it is not installed (its download failed). */
export function findElectronBinary(): string | null {
  try {
    // The `electron` package exports the binary's path and throws when the binary is missing.
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' ? path : null;
  } catch {
    return null;
  }
}

export interface AppCommandSeams {
  electronBinary?: string | null;
  openInBrowser?: (deckPath: string) => Promise<void>;
}

// Chromium's zygote prints these when it cannot create a user namespace (AppArmor on Ubuntu 23.10+)
// and then aborts with SIGTRAP.
const SANDBOX_FAILURE = /SUID sandbox helper|namespace|No usable sandbox/i;
const STDERR_TAIL_CHARS = 16 * 1024;

async function openInDefaultBrowser(deckPath: string): Promise<void> {
  await serveCommand(deckPath, { port: 0, host: '127.0.0.1', open: true });
}

/**
 * `--deck=<path>` for the app, except for the default `.` in a folder that holds no deck: the app
 * then opens `slides/` there if it has one, or its welcome window, rather than an empty deck.
 */
async function deckSwitch(deckPath: string): Promise<string[]> {
  if (deckPath === '.') {
    const names = await readdir(process.cwd()).catch(() => [] as string[]);
    if (!names.some((name) => name.toLowerCase().endsWith('.md') || /^deck\.ya?ml$/.test(name))) return [];
  }
  return [`--deck=${resolve(deckPath)}`];
}

/** `podium app`: the desktop window; without the Electron binary, the browser instead. */
export async function appCommand(deckPath: string, seams: AppCommandSeams = {}): Promise<number> {
  const electron = seams.electronBinary === undefined ? findElectronBinary() : seams.electronBinary;
  const openInBrowser = seams.openInBrowser ?? openInDefaultBrowser;
  if (!electron) {
    console.log('podium: the Electron binary is not installed, so the deck opens in your browser instead (podium serve).');
    await openInBrowser(deckPath);
    return 0;
  }
  const args = [ELECTRON_MAIN_ENTRY, ...(await deckSwitch(deckPath))];
  if (process.getuid?.() === 0) {
    // Chromium refuses to start its sandbox as root.
    console.log('podium: running as root, so Electron starts with --no-sandbox.');
    args.push('--no-sandbox');
  }
  const child = spawn(electron, args, { stdio: ['inherit', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    // Only the end is read, to tell a sandbox abort: an app open for hours keeps no log of its own.
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS);
    process.stderr.write(chunk);
  });
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (exitCode, exitSignal) => done({ code: exitCode, signal: exitSignal })),
  );
  if (signal === null) return code ?? 1;
  if (process.platform === 'linux' && SANDBOX_FAILURE.test(stderr)) {
    console.log(
      'podium: Electron could not start its sandbox: AppArmor restricts unprivileged user namespaces on this system; ' +
        'run `sudo sysctl kernel.apparmor_restrict_unprivileged_userns=0` to allow them. ' +
        'The deck opens in your browser instead (podium serve).',
    );
    await openInBrowser(deckPath);
    return 1;
  }
  console.log(`podium: Electron was killed by ${signal}.`);
  return 1;
}
