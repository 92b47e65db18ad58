import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDeckServer, type DeckServer, type DeckServerOptions } from '../../src/node/serve/deck-server';
import { FIXTURE_DECKS } from './podium-cli';

export interface TestDeckServer {
  server: DeckServer;
  /** A copy of the fixture deck, free to change. */
  work: string;
  /**
   * The paths a presenter's and a follower's pages live under (`/<token>`), which their requests
   * carry: add a route (`${presenter}/api/deck`).
   */
  presenter: string;
  follower: string;
  close(): Promise<void>;
}

/**
 * Serve mode on a fresh copy of a fixture deck, in process, with the token paths its pages use;
 * `extra` adds server options that need the copy's folder (the exporter).
 */
export async function startTestDeckServer(
  fixture: string,
  extra: (work: string) => Partial<DeckServerOptions> = () => ({}),
): Promise<TestDeckServer> {
  const work = await mkdtemp(join(tmpdir(), `podium-${fixture}-`));
  await cp(join(FIXTURE_DECKS, fixture), work, { recursive: true });
  const server = await startDeckServer({ deckPath: work, rendererDir: work, port: 0, ...extra(work) });
  return {
    server,
    work,
    presenter: `/${server.token}`,
    follower: `/${followTokenOf(server)}`,
    close: async () => {
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** The audience's token, from the follower URL the server prints. */
function followTokenOf(server: DeckServer): string {
  return new URL(server.followUrl).searchParams.get('token') ?? '';
}
