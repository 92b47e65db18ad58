import 'reveal.js/reveal.css';
import 'reveal.js/plugin/highlight/monokai.css';
import 'katex/dist/katex.min.css';
import './styles/podium.css';
import { EDIT_VIEW_QUERY, FOLLOW_VIEW_QUERY, PRINT_VIEW_QUERY, SPEAKER_VIEW_QUERY, WELCOME_VIEW_QUERY } from '../shared/api';
import { createHttpDeckApi } from './api/http-deck-api';
import { createHttpEditApi } from './api/http-edit-api';
import { createHttpExportApi } from './api/http-export-api';
import { acceptDeckDrops } from './deck-drop';
import { exportDialogLauncher } from './export/export-dialog-launcher';
import { Presentation } from './presentation/presentation';
import { parsePrintQuery, printTargetOf } from '../shared/export/print-query';
import { startPrintPage } from './print/print-page';
import { startFollowMode, startPresentMode } from './present/present-mode';
import { SpeakerView } from './speaker/speaker-view';
import { loadMath } from '../shared/render/slide-html';

const followView = location.search.includes(FOLLOW_VIEW_QUERY);
const speakerView = location.search.includes(SPEAKER_VIEW_QUERY);
const editView = location.search.includes(EDIT_VIEW_QUERY);
const printView = location.search.includes(PRINT_VIEW_QUERY);
const welcomeView = location.search.includes(WELCOME_VIEW_QUERY);
const exportApi = window.podiumExport ?? createHttpExportApi();
const root = document.querySelector<HTMLElement>('.reveal');
const printLayout = parsePrintQuery(location.search);
const api = window.podium ?? createHttpDeckApi({ follower: followView, slideHtml: printLayout !== null });

// Every view but the print page (whose slides the server renders) can be shown math, or have it
// typed in: KaTeX loads at once, beside the deck and the view's own chunks.
const mathLoaded = printLayout === null && !welcomeView ? loadMath() : null;

// Every view: a file dropped by mistake must not replace the talk with itself.
acceptDeckDrops(window, window.podiumDrop);

async function start(): Promise<void> {
  if (welcomeView && window.podiumWelcome) {
    const { WelcomeView } = await import('./welcome/welcome-view');
    return new WelcomeView(window.podiumWelcome, document.body).start();
  }
  if (!root) throw new Error('the page has no .reveal element');
  if (printLayout) return startPrintPage(api, root, printLayout, printTargetOf(location.search));
  // File > Export PDF… opens the Export dialog over the presentation and the speaker view.
  if (!followView && !printView && !editView) {
    exportDialogLauncher({ api: exportApi, slideCount: async () => (await api.loadDeck()).slides.length });
  }
  if (editView) {
    // The editor (CodeMirror) loads only in the edit view: presenting and printing never pay for it.
    const [{ EditView }] = await Promise.all([import('./editor/edit-view'), mathLoaded]);
    return new EditView(api, window.podiumEdit ?? createHttpEditApi(), root, exportApi).start();
  }
  await mathLoaded;
  if (speakerView) return new SpeakerView(api).start(root);
  const presentation = new Presentation(root, { printView });
  await presentation.show(await api.loadDeck());
  if (!printView) api.onDeckChanged((deck) => void presentation.update(deck));
  if (!printView && window.Reveal) (followView ? startFollowMode : startPresentMode)(window.Reveal, api);
}

start().catch((error: unknown) => {
  const message = document.createElement('pre');
  message.className = 'podium-fatal';
  message.textContent = `Podium could not show this deck:\n${error instanceof Error ? error.message : String(error)}`;
  document.body.replaceChildren(message);
});
