import type { RevealApi, RevealPlugin as RevealPluginObject, RevealPluginFactory } from 'reveal.js';
import type { RevealPlugin } from '../../shared/deck/model';

/**
 * reveal.js's bundled plugins a deck asks for in deck.yaml (`plugins: [zoom, search]`), each
 * from its own chunk: a deck that asks for none never loads them.
 */
const LOADERS: Record<RevealPlugin, () => Promise<RevealPluginFactory>> = {
  zoom: async () => (await import('reveal.js/plugin/zoom')).default,
  search: async () => (await import('reveal.js/plugin/search')).default,
};

type AddedListener = [target: EventTarget, type: string, listener: EventListenerOrEventListenerObject, options: boolean | AddEventListenerOptions | undefined];

/** One plugin of the deck, with the listeners its `init` added: what turning it off takes away. */
interface SwitchablePlugin {
  plugin: RevealPluginObject & { close?: () => void };
  listeners: AddedListener[];
  on: boolean;
}

/**
 * The optional plugins of one reveal.js deck, switched on and off as deck.yaml changes. reveal.js
 * cannot unregister a plugin, and zoom and search add anonymous listeners in `init` (zoom's
 * Alt/Ctrl+click on the deck, search's Ctrl+Shift+F on the document) that nothing removes: so the
 * listeners a plugin's `init` adds are recorded, and a plugin dropped from deck.yaml has them
 * removed (and is zoomed out, its search box closed); asked for again, they come back.
 */
export class OptionalPlugins {
  private readonly plugins = new Map<RevealPlugin, SwitchablePlugin>();

  /** The plugins `plugins` names, for reveal.js's `plugins` option. */
  async factoriesFor(plugins: readonly RevealPlugin[] | undefined): Promise<RevealPluginFactory[]> {
    const loaded = await Promise.all((plugins ?? []).map(async (name) => this.switchable(name, (await LOADERS[name]())())));
    return loaded.map((plugin) => () => plugin);
  }

  /** Turns on the plugins a changed deck.yaml names, and off the ones it dropped. */
  async update(reveal: RevealApi, plugins: readonly RevealPlugin[] | undefined): Promise<void> {
    const wanted = new Set(plugins ?? []);
    for (const [name, entry] of this.plugins) {
      if (!wanted.has(name) && entry.on) turnOff(entry);
      else if (wanted.has(name) && !entry.on) turnOn(entry);
    }
    for (const name of wanted) {
      if (!reveal.hasPlugin(name)) reveal.registerPlugin(this.switchable(name, (await LOADERS[name]())()));
    }
  }

  private switchable(name: RevealPlugin, plugin: RevealPluginObject): RevealPluginObject {
    const entry: SwitchablePlugin = { plugin, listeners: [], on: true };
    this.plugins.set(name, entry);
    return {
      id: plugin.id,
      init: plugin.init && ((reveal) => recordingListeners(entry.listeners, () => plugin.init?.(reveal))),
      destroy: () => plugin.destroy?.(),
    };
  }
}

function turnOff(entry: SwitchablePlugin): void {
  for (const [target, type, listener, options] of entry.listeners) target.removeEventListener(type, listener, options);
  entry.plugin.close?.();
  // Zoom's destroy zooms out; it removes nothing, so the plugin may be turned on again after.
  entry.plugin.destroy?.();
  entry.on = false;
}

function turnOn(entry: SwitchablePlugin): void {
  for (const [target, type, listener, options] of entry.listeners) target.addEventListener(type, listener, options);
  entry.on = true;
}

/** Runs `init`, noting each listener it adds synchronously (all zoom and search add). */
function recordingListeners<T>(into: AddedListener[], init: () => T): T {
  const original = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    if (listener) into.push([this, type, listener, options]);
    original.call(this, type, listener, options);
  };
  try {
    return init();
  } finally {
    EventTarget.prototype.addEventListener = original;
  }
}
