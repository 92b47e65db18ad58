import { spawn } from 'node:child_process';
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

/** `podium app`: the desktop window; without the Electron binary, the browser instead. */
export async function appCommand(deckPath: string): Promise<number> {
  const electron = findElectronBinary();
  if (!electron) {
    console.log('podium: the Electron binary is not installed, so the deck opens in your browser instead (podium serve).');
    await serveCommand(deckPath, { port: 0, host: '127.0.0.1', open: true });
    return 0;
  }
  const child = spawn(electron, [ELECTRON_MAIN_ENTRY, `--deck=${resolve(deckPath)}`], { stdio: 'inherit' });
  return new Promise((resolveExit) => child.on('exit', (code) => resolveExit(code ?? 0)));
}
