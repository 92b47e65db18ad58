import { spawn } from 'node:child_process';
import { PODIUM_BIN } from '../support/podium-cli';

export interface RemoteServer {
  /** The presenter's URL and origin, on this machine. */
  url: string;
  origin: string;
  followUrl: string;
  /** The phone's URL, on the network, as `podium serve --remote` prints it. */
  remoteUrl: string;
  stop(): Promise<void>;
}

/** Starts `podium serve --remote` and waits for the presenter's, the audience's and the phone's URLs. */
export function serveWithRemote(deck: string): Promise<RemoteServer> {
  const child = spawn(process.execPath, [PODIUM_BIN, 'serve', deck, '--port', '0', '--remote']);
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /presenting .* at (http:\/\/\S+)/.exec(output)?.[1];
      const followUrl = /follow \(read-only\) at (http:\/\/\S+)/.exec(output)?.[1];
      const remoteUrl = /phone remote .* at (http:\/\/\S+)/.exec(output)?.[1];
      if (url && followUrl && remoteUrl && /anyone on this network can reach that port/.test(output)) {
        resolve({
          url,
          origin: new URL(url).origin,
          followUrl,
          remoteUrl,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`podium serve exited with ${code}: ${output}`)));
  });
}

/** The presenter's token, from the URL `podium serve` printed. */
export function presenterTokenOf(url: string): string {
  return new URL(url).searchParams.get('token') ?? '';
}

/** The remote's token, the first segment of its path. */
export function remoteTokenOf(remoteUrl: string): string {
  return new URL(remoteUrl).pathname.split('/')[1] ?? '';
}
