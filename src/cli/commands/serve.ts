import { EDIT_VIEW_QUERY } from '../../shared/api';
import { fileProblems } from '../../node/check/file-problems';
import type { LoadedDeck } from '../../node/deck/load-deck';
import { startDeckServer } from '../../node/serve/deck-server';
import { lanAddresses } from '../../node/serve/lan-addresses';
import { ProblemLog } from '../../node/serve/problem-log';
import { RENDERER_DIR } from '../paths';
import { openInSystemBrowser } from '../open-browser';
import { messageOf } from '../../shared/errors';

export interface ServeOptions {
  port: number;
  host: string;
  open?: boolean;
  remote?: boolean;
}

/** `podium serve`: presents the deck in the browser, live-reloading on every change, until Ctrl+C. */
export async function serveCommand(deckPath: string, options: ServeOptions): Promise<void> {
  // The problems `check` finds without a browser, printed as they appear while the deck is edited.
  const problemLog = new ProblemLog();
  let reported = Promise.resolve();
  const reportProblems = ({ root, deck }: LoadedDeck): void => {
    reported = reported
      .then(() => fileProblems(root, deck))
      .then((problems) => {
        for (const line of problemLog.report(problems)) console.log(line);
      })
      .catch((error: unknown) => console.error(`podium: cannot check the deck: ${messageOf(error)}`));
  };
  const server = await startDeckServer({
    deckPath,
    rendererDir: RENDERER_DIR,
    host: options.host,
    port: options.port,
    watch: true,
    remote: options.remote,
    onDeckLoaded: reportProblems,
    onReloadError: (error) =>
      console.error(`podium: cannot reload the deck, still showing its last version: ${messageOf(error)}`),
  });
  if (!isLoopback(options.host)) {
    console.warn(
      `podium: warning: listening on ${options.host}, not only this machine: anyone who can reach it ` +
        'and has the URL can view the deck (the token still guards it)',
    );
  }
  console.log(`podium: presenting ${server.deck.title} at ${server.url}`);
  console.log(`podium: edit the slides with a live preview at ${server.url}&${EDIT_VIEW_QUERY}`);
  console.log(`podium: the audience can follow (read-only) at ${server.followUrl}`);
  // On every interface, 0.0.0.0 is no address another machine can open: name the LAN's.
  if (options.host === '0.0.0.0' || options.host === '::') {
    for (const address of lanAddresses()) {
      const url = new URL(server.followUrl);
      url.hostname = address;
      console.log(`podium: from another machine on this network: ${url.href}`);
    }
  }
  const remote = server.remote.status();
  if (remote.url) {
    console.log(`podium: phone remote (Next/Previous, notes, laser) at ${remote.url}`);
    console.warn(
      `podium: warning: the remote listens on ${remote.address}: anyone on this network can reach that port ` +
        '(only its token moves the slides; turn it off in the speaker view)',
    );
  }
  if (options.open) openInSystemBrowser(server.url);
  await waitForInterrupt();
  // Ctrl+C must end the command even if a browser holds a connection open.
  await Promise.race([server.close(), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS))]);
  process.exit(0);
}

const SHUTDOWN_GRACE_MS = 2000;

function waitForInterrupt(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
