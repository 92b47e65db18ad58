import { DECK_ASSET_PREFIX } from '../../shared/api';
import type { DeckSettings } from '../../shared/deck/model';
import { themeUrl } from './themes';

/** The id of the link to the deck's own stylesheet (`css:` in deck.yaml), when it has one. */
export const DECK_STYLESHEET_ID = 'podium-deck-css';

/**
 * Points the page's theme and deck stylesheet links at the deck's settings, and resolves once
 * both have loaded (or failed), so that reveal.js measures slides with their final fonts.
 */
export async function applyDeckStylesheets(settings: DeckSettings, document: Document): Promise<void> {
  const wanted = [
    ['podium-theme', settings.themeFile ? deckAssetUrl(settings.themeFile) : themeUrl(settings.theme)],
    [DECK_STYLESHEET_ID, settings.css ? deckAssetUrl(settings.css) : null],
  ] as const;
  const loads: Promise<void>[] = [];
  for (const [id, href] of wanted) {
    let link = document.getElementById(id) as HTMLLinkElement | null;
    if (href === null) {
      link?.remove();
      continue;
    }
    if (link?.getAttribute('href') === href) continue;
    if (!link) {
      link = document.createElement('link');
      link.id = id;
      link.rel = 'stylesheet';
      document.head.append(link);
    }
    const loaded = new Promise<void>((resolve) => {
      link.addEventListener('load', () => resolve(), { once: true });
      link.addEventListener('error', () => resolve(), { once: true });
    });
    link.href = href;
    loads.push(loaded);
  }
  await Promise.all(loads);
}

function deckAssetUrl(path: string): string {
  return DECK_ASSET_PREFIX + path.split('/').map(encodeURIComponent).join('/');
}
