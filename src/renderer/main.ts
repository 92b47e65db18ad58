import 'reveal.js/reveal.css';
import 'reveal.js/plugin/highlight/monokai.css';
import 'katex/dist/katex.min.css';
import './styles/podium.css';
import { PRINT_VIEW_QUERY } from '../shared/api';
import { createHttpDeckApi } from './api/http-deck-api';
import { Presentation } from './presentation/presentation';
import { parsePrintQuery } from '../shared/export/print-query';
import { startPrintPage } from './print/print-page';

const api = window.podium ?? createHttpDeckApi();
const printView = location.search.includes(PRINT_VIEW_QUERY);
const root = document.querySelector<HTMLElement>('.reveal');
const printLayout = parsePrintQuery(location.search);

async function start(): Promise<void> {
  if (!root) throw new Error('the page has no .reveal element');
  if (printLayout) return startPrintPage(api, root, printLayout);
  const presentation = new Presentation(root, { printView });
  await presentation.show(await api.loadDeck());
  if (!printView) api.onDeckChanged((deck) => void presentation.update(deck));
}

start().catch((error: unknown) => {
  const message = document.createElement('pre');
  message.className = 'podium-fatal';
  message.textContent = `Podium could not show this deck:\n${error instanceof Error ? error.message : String(error)}`;
  document.body.replaceChildren(message);
});
