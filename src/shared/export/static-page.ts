import type { Deck } from '../deck/model';
import type { Rehearsal } from '../present/rehearsal';

/**
 * The layout of a static HTML copy (`podium export --html DIR`), shared by the build that makes
 * its script and stylesheet and by the export that writes the folder around them.
 */
export const STATIC_PAGE = {
  /** The classic (non-module) script: module scripts do not load from file://. */
  script: 'podium.js',
  stylesheet: 'podium.css',
  /** Each reveal.js theme at `themes/<name>.css`; an export copies only the deck's. */
  themesFolder: 'themes',
  /** The `<script type="application/json">` holding the deck and its last rehearsal. */
  dataElementId: 'podium-deck',
  /** Marks a folder as a Podium HTML export, which the next export may replace. */
  marker: '.podium-html-export',
} as const;

/** What the page's data element holds. */
export interface StaticPageData {
  deck: Deck;
  rehearsal: Rehearsal | null;
}
