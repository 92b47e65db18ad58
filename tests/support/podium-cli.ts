import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '../..');
export const PODIUM_BIN = join(REPO_ROOT, 'out/cli/podium.js');
export const FIXTURE_DECKS = join(REPO_ROOT, 'tests/fixtures/decks');
export const CEREMONY_DECK = join(REPO_ROOT, 'slides');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `podium` command to completion. */
export function runPodium(args: string[], env: NodeJS.ProcessEnv = process.env): CliResult {
  const result = spawnSync(process.execPath, [PODIUM_BIN, ...args], { encoding: 'utf8', env, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface ServeProcess {
  url: string;
  /** The read-only audience URL it printed. */
  followUrl: string;
  process: ChildProcessWithoutNullStreams;
  stop(): Promise<void>;
}

export interface ServeFaults {
  /** Run the server as this user (needs root): a folder made read-only then is read-only to it. */
  user?: { uid: number; gid: number };
  /** Run the server in a user namespace of its own: root without its power to write anywhere. */
  userNamespace?: boolean;
  /** The server's largest file, in KiB (`ulimit -f`): a longer write fails (EFBIG) as on a full disk. */
  fileSizeLimitKiB?: number;
}

/** Starts `podium serve` as users do and waits for the URL it prints. */
export function servePodium(deck: string, extraArgs: string[] = [], faults: ServeFaults = {}): Promise<ServeProcess> {
  let command = [process.execPath, PODIUM_BIN, 'serve', deck, '--port', '0', ...extraArgs];
  if (faults.fileSizeLimitKiB !== undefined) {
    command = ['/bin/sh', '-c', `ulimit -f ${faults.fileSizeLimitKiB} && exec "$0" "$@"`, ...command];
  }
  if (faults.userNamespace) command = ['unshare', '--user', ...command];
  const [program, ...args] = command as [string, ...string[]];
  const child = spawn(program, args, { ...faults.user });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      const follow = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+&view=follow)/.exec(output);
      if (match?.[1] && follow?.[1]) {
        child.stdout.off('data', onData);
        resolve({
          url: match[1],
          followUrl: follow[1],
          process: child,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              // SIGTERM is what users send; SIGKILL only if the server failed to stop by itself,
              // which the test then sees as a hang it never has to wait a minute for.
              const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
              child.once('exit', () => {
                clearTimeout(kill);
                done();
              });
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`podium serve exited with ${code}: ${output}`)));
  });
}

/** The deck model as `podium inspect --json` prints it. */
export function inspectDeck(deck: string): {
  title: string;
  slides: { h: number; v: number; title: string | null; fragments: number }[];
  problems: { code: string; severity: string; file: string; line: number; message: string }[];
} {
  const result = runPodium(['inspect', deck, '--json']);
  return JSON.parse(result.stdout);
}

/**
 * How to run a server for which a folder without write permission really is read-only: as is for
 * a user; as root (CI), as `nobody` where it can read this checkout, else in a user namespace of
 * its own; null, with the reason, where neither works.
 */
export function readOnlyServing(): { faults: ServeFaults; asNobody: boolean } | { reason: string } {
  if (process.getuid?.() !== 0) return { faults: {}, asNobody: false };
  const nobody = { uid: 65534, gid: 65534 };
  if (spawnSync(process.execPath, [PODIUM_BIN, '--help'], { ...nobody, stdio: 'ignore' }).status === 0) {
    return { faults: { user: nobody }, asNobody: true };
  }
  if (spawnSync('unshare', ['--user', 'true'], { stdio: 'ignore' }).status === 0) return { faults: { userNamespace: true }, asNobody: false };
  return { reason: 'running as root, and neither nobody (cannot read this checkout) nor a user namespace (unshare refused) can make a folder read-only' };
}
