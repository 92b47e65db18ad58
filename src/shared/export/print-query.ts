import { DEFAULT_PRINT_LAYOUT, HANDOUT_SLIDES_PER_PAGE, PAPER_SIZES_PX, type HandoutSlidesPerPage, type PrintLayout } from './export-options';

/**
 * The print page's query string: how the host (headless Chromium or the app's hidden window)
 * tells the renderer which layout to print. `view=print` is reveal.js's own print view;
 * `view=handout` is Podium's handout layout (src/renderer/print).
 */
export function printQuery(layout: PrintLayout, target: PrintPurpose = 'screen'): string {
  const params = new URLSearchParams();
  if (target === 'pdf') params.set('for', 'pdf');
  params.set('view', layout.notes === 'handout' ? 'handout' : 'print');
  if (layout.size !== null) params.set('size', `${layout.size.width}x${layout.size.height}`);
  if (layout.slides !== null) params.set('slides', layout.slides.map((index) => index + 1).join(','));
  if (layout.fragments && layout.notes !== 'handout') params.set('fragments', '1');
  if (layout.notes === 'pages') params.set('notes', 'pages');
  if (layout.notes === 'handout') {
    params.set('perPage', String(layout.perPage));
    params.set('paper', layout.paper);
  }
  if (layout.maxImageDpi !== null) params.set('maxImageDpi', String(layout.maxImageDpi));
  if (layout.drawings && layout.notes !== 'handout') params.set('drawings', '1');
  return params.toString();
}

/**
 * The window a host lays the print page out in, in whole CSS px, the same in headless Chromium and
 * the app's hidden window: a handout's paper, else the layout's slide size, else the deck's.
 */
export function printViewport(layout: PrintLayout, deckSize: { width: number; height: number }): { width: number; height: number } {
  const size = layout.notes === 'handout' ? PAPER_SIZES_PX[layout.paper] : (layout.size ?? deckSize);
  return { width: Math.round(size.width), height: Math.round(size.height) };
}

/**
 * What the print page is for. A PDF's page hides its slides on screen once they are laid out
 * (src/renderer/print/print-page.ts); PNGs and `podium check` capture and measure them there.
 */
export type PrintPurpose = 'pdf' | 'screen';

export function printTargetOf(search: string): PrintPurpose {
  return new URLSearchParams(search).get('for') === 'pdf' ? 'pdf' : 'screen';
}

/** The layout a print page's query asks for; null when the page is not a print page. */
export function parsePrintQuery(search: string): PrintLayout | null {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  if (view !== 'print' && view !== 'handout') return null;
  const slides = params.get('slides');
  const perPage = Number(params.get('perPage'));
  const size = /^(\d{2,5})x(\d{2,5})$/.exec(params.get('size') ?? '');
  const maxImageDpi = /^\d{1,5}$/.test(params.get('maxImageDpi') ?? '') ? Number(params.get('maxImageDpi')) : 0;
  return {
    size: size ? { width: Number(size[1]), height: Number(size[2]) } : null,
    slides: slides ? slides.split(',').map((number) => Number(number) - 1).filter((index) => Number.isInteger(index) && index >= 0) : null,
    fragments: params.get('fragments') === '1',
    notes: view === 'handout' ? 'handout' : params.get('notes') === 'pages' ? 'pages' : 'none',
    perPage: (HANDOUT_SLIDES_PER_PAGE as readonly number[]).includes(perPage)
      ? (perPage as HandoutSlidesPerPage)
      : DEFAULT_PRINT_LAYOUT.perPage,
    paper: params.get('paper') === 'letter' ? 'letter' : 'a4',
    maxImageDpi: maxImageDpi > 0 ? maxImageDpi : null,
    drawings: params.get('drawings') === '1' && view !== 'handout',
  };
}
