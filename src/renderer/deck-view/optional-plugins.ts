import type { RevealApi, RevealPluginFactory } from 'reveal.js';
import type { RevealPlugin } from '../../shared/deck/model';

/**
 * reveal.js's bundled plugins a deck asks for in deck.yaml (`plugins: [zoom, search]`), each
 * from its own chunk: a deck that asks for none never loads them.
 */
const LOADERS: Record<RevealPlugin, () => Promise<RevealPluginFactory>> = {
  zoom: async () => (await import('reveal.js/plugin/zoom')).default,
  search: async () => (await import('reveal.js/plugin/search')).default,
};

export function optionalPluginsFor(plugins: readonly RevealPlugin[] | undefined): Promise<RevealPluginFactory[]> {
  return Promise.all((plugins ?? []).map((name) => LOADERS[name]()));
}

/** Registers the plugins a changed deck.yaml added; one it dropped stays until the page is reloaded. */
export async function registerOptionalPlugins(reveal: RevealApi, plugins: readonly RevealPlugin[] | undefined): Promise<void> {
  for (const name of plugins ?? []) {
    if (!reveal.hasPlugin(name)) reveal.registerPlugin((await LOADERS[name]())());
  }
}
