import 'reveal.js/reveal.css';
import 'reveal.js/plugin/highlight/monokai.css';
import 'katex/dist/katex.min.css';
import '../styles/podium.css';
import './static-page.css';
import { loadMath } from '../../shared/render/slide-html';
import { parseView } from '../../shared/view-route';
import { DeckView } from '../deck-view/deck-view';
import { startPresentMode } from '../present/present-mode';
import { SpeakerView } from '../speaker/speaker-view';
import { createStaticDeckApi } from './static-deck-api';
import { messageOf } from '../../shared/errors';

// The static copy's entry (`podium export --html`), built as one classic script: it presents and
// opens the speaker view; the edit, follow and print views need a host and are not part of it.
document.documentElement.classList.add('podium-static');

async function start(): Promise<void> {
  const root = document.querySelector<HTMLElement>('.reveal');
  if (!root) throw new Error('the page has no .reveal element');
  const api = createStaticDeckApi(document, window);
  // Inlined into this one script, as every dynamic import is: it resolves at once.
  await loadMath();
  if (parseView(location.search).kind === 'speaker') return new SpeakerView(api).start(root);
  const presentation = new DeckView(root, { printView: false });
  await presentation.show(await api.loadDeck());
  const reveal = presentation.revealApi;
  if (reveal) startPresentMode(reveal, api);
}

start().catch((error: unknown) => {
  const message = document.createElement('pre');
  message.className = 'podium-fatal';
  message.textContent = `Podium could not show this deck:\n${messageOf(error)}`;
  document.body.replaceChildren(message);
});
