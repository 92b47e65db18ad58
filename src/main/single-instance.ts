import { isAbsolute } from 'node:path';
import { app } from 'electron';
import { deckArgument } from './deck-argument';

/** What a second `podium app DECK` hands the running app, besides its command line. */
interface SecondInstanceData {
  /** The deck it was asked to open, absolute; null when it was started without one. */
  deck: string | null;
}

/**
 * Takes the single-instance lock, sending `deck` to the Podium already running if there is one.
 * False means that one has it: this process must quit at once. Call after `nameTheApp`, since
 * the lock lives in userData.
 */
export function claimSingleInstance(deck: string | null): boolean {
  const data: SecondInstanceData = { deck };
  return app.requestSingleInstanceLock(data);
}

/** Calls `openDeck` with the deck each later `podium app DECK` names, or null when it names none. */
export function onSecondInstance(openDeck: (deck: string | null) => void): void {
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    openDeck(deckOfSecondInstance(argv, workingDirectory, additionalData));
  });
}

/**
 * The deck a second instance asks for. Its additionalData first: Electron warns that the argv it
 * passes on may be reordered or extended (docs/api/app.md, event 'second-instance'); then its
 * `--deck`, resolved against its own working folder, not ours.
 */
function deckOfSecondInstance(argv: readonly string[], workingDirectory: string, additionalData: unknown): string | null {
  if (typeof additionalData === 'object' && additionalData !== null && 'deck' in additionalData) {
    const { deck } = additionalData;
    if (typeof deck === 'string' && isAbsolute(deck)) return deck;
  }
  return deckArgument(argv, workingDirectory);
}
