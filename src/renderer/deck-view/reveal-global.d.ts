import type { RevealApi } from 'reveal.js';

declare global {
  interface Window {
    /** The presentation's reveal.js instance, exposed as reveal.js decks conventionally do. */
    Reveal?: RevealApi;
  }
}
