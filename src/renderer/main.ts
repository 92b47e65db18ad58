import 'reveal.js/reveal.css';
import 'reveal.js/plugin/highlight/monokai.css';
import 'katex/dist/katex.min.css';
import './styles/podium.css';
import { createHttpDeckApi } from './api/http-deck-api';
import { createHttpEditApi } from './api/http-edit-api';
import { createHttpExportApi } from './api/http-export-api';
import { createHttpRemoteApi } from './api/http-remote-api';
import { acceptDeckDrops } from './deck-drop';
import { exportDialogLauncher } from './export/export-dialog-launcher';
import { startPrintPage } from './print/print-page';
import { PresentView } from './present/present-view';
import { SpeakerView } from './speaker/speaker-view';
import { loadMath } from '../shared/render/slide-html';
import { parseView } from '../shared/view-route';
import { messageOf } from '../shared/errors';

const view = parseView(location.search);
const exportApi = window.podiumExport ?? createHttpExportApi();
const root = document.querySelector<HTMLElement>('.reveal');
const api = window.podium ?? createHttpDeckApi({ follower: view.kind === 'follow', slideHtml: view.kind === 'print' });
/** The phone remote, for the presenter's windows: the app's over IPC, serve mode's over HTTP. */
const remoteApi = view.kind !== 'presentation' && view.kind !== 'speaker' ? null : window.podium ? (window.podiumRemote ?? null) : createHttpRemoteApi();

// Every view but the print page (whose slides the server renders) can be shown math, or have it
// typed in: KaTeX loads at once, beside the deck and the view's own chunks.
const mathLoaded = view.kind !== 'print' && view.kind !== 'welcome' ? loadMath() : null;

// Every view: a file dropped by mistake must not replace the talk with itself.
acceptDeckDrops(window, window.podiumDrop);

async function start(): Promise<void> {
  if (view.kind === 'welcome' && window.podiumWelcome) {
    const { WelcomeView } = await import('./welcome/welcome-view');
    return new WelcomeView(window.podiumWelcome, document.body, { acceptsDrops: window.podiumDrop !== undefined }).start();
  }
  if (!root) throw new Error('the page has no .reveal element');
  if (view.kind === 'print') return startPrintPage(api, root, view.layout, view.target);
  // File > Export PDF… opens the Export dialog over the presentation and the speaker view.
  if (view.kind !== 'follow' && view.kind !== 'edit') {
    exportDialogLauncher({ api: exportApi, slideCount: async () => (await api.loadDeck()).slides.length });
  }
  if (view.kind === 'edit') {
    // The editor (CodeMirror) loads only in the edit view: presenting and printing never pay for it.
    const [{ EditView }] = await Promise.all([import('./editor/edit-view'), mathLoaded]);
    return new EditView(api, window.podiumEdit ?? createHttpEditApi(), root, exportApi).start();
  }
  await mathLoaded;
  if (view.kind === 'speaker') return new SpeakerView(api, undefined, remoteApi).start(root);
  return new PresentView(api, root, view.kind === 'follow' ? 'follow' : 'present', remoteApi).start();
}

start().catch((error: unknown) => {
  const message = document.createElement('pre');
  message.className = 'podium-fatal';
  message.textContent = `Podium could not show this deck:\n${messageOf(error)}`;
  document.body.replaceChildren(message);
});
