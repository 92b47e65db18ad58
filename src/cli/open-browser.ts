import { spawn } from 'node:child_process';

const OPENERS: Partial<Record<NodeJS.Platform, [string, string[]]>> = {
  darwin: ['open', []],
  win32: ['cmd', ['/c', 'start', '""']],
  linux: ['xdg-open', []],
};

/** Opens a URL in the system browser if the machine has one; otherwise the printed URL is enough. */
export function openInSystemBrowser(url: string): void {
  const opener = OPENERS[process.platform] ?? OPENERS.linux;
  if (!opener) return;
  const [command, args] = opener;
  const child = spawn(command, [...args, url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('podium: no system browser to open; open the URL above yourself'));
  child.unref();
}
