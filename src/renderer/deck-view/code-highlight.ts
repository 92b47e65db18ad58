import type { RevealApi, RevealPluginFactory } from 'reveal.js';
import type { HighlightPlugin } from 'reveal.js/plugin/highlight';

/**
 * reveal.js's highlight plugin bundles highlight.js with every language: 1 MB of a 1.4 MB
 * renderer, which each window and every export's print page would parse and run (~40 ms of
 * registering languages alone) whether the deck shows code or not. It loads only for a deck
 * with code blocks, from its own chunk.
 */
export async function highlightPluginsFor(root: ParentNode): Promise<RevealPluginFactory[]> {
  if (!root.querySelector('pre code')) return [];
  return [await loadHighlightPlugin()];
}

/** Highlights the code blocks below `container`, loading the plugin when a deck gained its first one. */
export async function highlightCodeIn(reveal: RevealApi, container: ParentNode): Promise<void> {
  const blocks = [...container.querySelectorAll<HTMLElement>('pre code')];
  if (blocks.length === 0) return;
  if (!reveal.hasPlugin('highlight')) {
    // Registered after initialize(), the plugin highlights every block of the deck itself.
    reveal.registerPlugin((await loadHighlightPlugin())());
    return;
  }
  const highlight = reveal.getPlugin('highlight') as HighlightPlugin | undefined;
  for (const block of blocks) highlight?.highlightBlock(block);
}

async function loadHighlightPlugin(): Promise<() => HighlightPlugin> {
  return (await import('reveal.js/plugin/highlight')).default;
}
