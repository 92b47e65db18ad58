import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import { messageOf } from '../shared/errors';

const APP_NAME = 'Podium';

/**
 * Names the app Podium, with a profile of its own (`userData`: ~/.config/Podium on Linux,
 * ~/Library/Application Support/Podium on macOS, %APPDATA%\Podium on Windows). Unpackaged, Electron
 * would call itself "Electron" and share ~/.config/Electron with every other unpackaged app.
 *
 * Must run before 'ready' (the menu and the session read the name and profile then) and before
 * `requestSingleInstanceLock`, whose lock lives in userData: two Podiums must look for it in the
 * same place, and not in Electron's.
 */
export function nameTheApp(): void {
  app.setName(APP_NAME);
  const userData = join(app.getPath('appData'), APP_NAME);
  try {
    // app.setPath throws for a folder that does not exist yet, as on a first run.
    mkdirSync(userData, { recursive: true });
    app.setPath('userData', userData);
  } catch (error) {
    // A profile folder that cannot be made (a read-only home) should not stop a talk: Electron's
    // default profile still works.
    console.error(`podium: cannot keep the app's settings in ${userData}: ${messageOf(error)}`);
  }
}
