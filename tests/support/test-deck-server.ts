import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDeckServer, type DeckServer, type DeckServerOptions } from '../../src/node/serve/deck-server';
import { FIXTURE_DECKS } from './podium-cli';

export interface TestDeckServer {
  server: DeckServer;
  /** A copy of the fixture deck, free to change. */
  work: string;
  /** The cookies a presenter's and a follower's pages carry after their first load. */
  cookie: string;
  followCookie: string;
  close(): Promise<void>;
}

/**
 * Serve mode on a fresh copy of a fixture deck, in process, with the cookies its pages would hold;
 * `extra` adds server options that need the copy's folder (the exporter).
 */
export async function startTestDeckServer(
  fixture: string,
  extra: (work: string) => Partial<DeckServerOptions> = () => ({}),
): Promise<TestDeckServer> {
  const work = await mkdtemp(join(tmpdir(), `podium-${fixture}-`));
  await cp(join(FIXTURE_DECKS, fixture), work, { recursive: true });
  const server = await startDeckServer({ deckPath: work, rendererDir: work, port: 0, ...extra(work) });
  const port = new URL(server.origin).port;
  return {
    server,
    work,
    cookie: `podium_token_${port}=${server.token}`,
    followCookie: `podium_follow_${port}=${new URL(server.followUrl).searchParams.get('token')}`,
    close: async () => {
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
