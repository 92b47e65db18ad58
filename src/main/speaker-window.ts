import { BrowserWindow } from 'electron';
import { SPEAKER_VIEW_QUERY } from '../shared/api';
import { presenterStateHash, type PresenterState } from '../shared/present/presenter-state';
import { APP_PAGE_URL } from './app-url';
import { recoverFromRendererCrashes } from './renderer-recovery';
import { lockDownWebContents, secureWebPreferences } from './window';

/** The speaker view's window: the app's page in its speaker layout, as locked down as the deck's. */
export function createSpeakerWindow(current: PresenterState | null): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Podium speaker view',
    show: false,
    backgroundColor: '#111111',
    webPreferences: secureWebPreferences(),
  });
  lockDownWebContents(window.webContents);
  recoverFromRendererCrashes(window);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_PAGE_URL}?${SPEAKER_VIEW_QUERY}${current ? presenterStateHash(current) : ''}`);
  return window;
}
