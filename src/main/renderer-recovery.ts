import { dialog, type BrowserWindow } from 'electron';

/** More crashes than this within CRASH_WINDOW_MS mean the page itself kills its renderer. */
const MAX_RELOADS = 3;
const CRASH_WINDOW_MS = 60_000;

export const CRASH_LOOP_BUTTONS = ['Reload', 'Close Window'] as const;
export const UNRESPONSIVE_BUTTONS = ['Wait', 'Reload'] as const;

type RecoverableWindow = Pick<BrowserWindow, 'isDestroyed' | 'close' | 'on'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on' | 'reload'>;
};

/**
 * A deck or speaker window whose renderer dies comes back by itself, on the same slide (the
 * slide is in the page's URL hash, which a reload keeps) and with the edit view's unsaved edits
 * offered back from the recovery journal: on stage, a crash costs a second, not the talk. Only
 * when it keeps crashing is the person asked; a page that hangs gets Chrome's choice, wait or reload.
 */
export function recoverFromRendererCrashes(window: RecoverableWindow, now: () => number = Date.now): void {
  let crashes: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    console.error(`podium: a window's renderer ${details.reason} (exit code ${details.exitCode}); reloading it`);
    crashes = [...crashes.filter((at) => now() - at < CRASH_WINDOW_MS), now()];
    if (crashes.length <= MAX_RELOADS) {
      window.webContents.reload();
      return;
    }
    void askAfterCrashLoop(window).then(() => (crashes = []));
  });
  let asking: AbortController | null = null;
  window.on('unresponsive', () => {
    if (asking) return;
    const controller = new AbortController();
    asking = controller;
    void askWhileUnresponsive(window, controller.signal).finally(() => (asking = null));
  });
  // A page that comes back by itself takes its question away.
  window.on('responsive', () => asking?.abort());
}

async function askAfterCrashLoop(window: RecoverableWindow): Promise<void> {
  const { response } = await dialog.showMessageBox({
    type: 'error',
    buttons: [...CRASH_LOOP_BUTTONS],
    defaultId: 0,
    cancelId: 1,
    message: 'This window keeps crashing.',
    detail: `Its page crashed more than ${MAX_RELOADS} times in a minute. Unsaved edits are kept in the recovery journal.`,
  });
  if (window.isDestroyed()) return;
  if (response === 0) window.webContents.reload();
  else window.close();
}

async function askWhileUnresponsive(window: RecoverableWindow, signal: AbortSignal): Promise<void> {
  const { response } = await dialog.showMessageBox({
    signal,
    type: 'warning',
    buttons: [...UNRESPONSIVE_BUTTONS],
    defaultId: 0,
    cancelId: 0,
    message: 'This window is not responding.',
    detail: 'Wait for it, or reload it: the slide you are on is kept, and unsaved edits are offered back.',
  });
  if (response === 1 && !signal.aborted && !window.isDestroyed()) window.webContents.reload();
}
