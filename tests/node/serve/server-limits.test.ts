import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestDeckServer, type TestDeckServer } from '../../support/test-deck-server';

let served: TestDeckServer | null = null;
afterEach(async () => {
  await served?.close();
  served = null;
});

/** The status of a GET to 127.0.0.1 with the Host header given, as a rebinding page's would carry. */
function statusWithHost(port: string, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

/** A client that sends its request's headers one byte at a time, and never finishes them. */
function tricklingSocket(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      const request = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: ${'a'.repeat(10_000)}`;
      let sent = 0;
      const timer = setInterval(() => {
        if (socket.destroyed || sent >= request.length) return clearInterval(timer);
        socket.write(request[sent++] ?? '');
      }, 50);
      const closed = new Promise<void>((done) => socket.once('close', () => {
        clearInterval(timer);
        done();
      }));
      resolve({ socket, closed });
    });
    socket.on('error', () => undefined);
  });
}

describe('serve mode under a flood of slow connections', () => {
  it('keeps answering the presenter, and cuts off clients whose headers never end', async () => {
    served = await startTestDeckServer('basic', () => ({ limits: { headersTimeoutMs: 800, requestTimeoutMs: 1_500 } }));
    const port = Number(new URL(served.server.origin).port);
    const slow = await Promise.all(Array.from({ length: 200 }, () => tricklingSocket(port)));

    const response = await fetch(`${served.server.origin}${served.presenter}/api/deck`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { slides: unknown[] }).slides.length).toBeGreaterThan(0);

    // Every trickling socket is closed by the server, not left open for ever.
    await Promise.all(slow.map(({ closed }) => closed));
    expect(slow.every(({ socket }) => socket.destroyed)).toBe(true);
  }, 20_000);
});

describe("the app's phone remote under the same flood", () => {
  it('keeps answering the phone, and cuts off clients whose headers never end, with serve mode\'s bounds', async () => {
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createAppRemote } = await import('../../../src/node/serve/remote-server');
    const rendererDir = await mkdtemp(join(tmpdir(), 'podium-remote-limits-'));
    await writeFile(join(rendererDir, 'remote.html'), '<!doctype html><title>Podium remote</title>');
    const remote = createAppRemote({
      rendererDir,
      deck: () => null,
      presenterState: () => null,
      presenterOpen: () => false,
      sendCommand: () => undefined,
      host: '127.0.0.1',
      limits: { headersTimeoutMs: 800, requestTimeoutMs: 1_500 },
    });
    try {
      const { url } = await remote.setOn(true);
      const slow = await Promise.all(Array.from({ length: 200 }, () => tricklingSocket(Number(new URL(url!).port))));

      const page = await fetch(url!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Podium remote');

      await Promise.all(slow.map(({ closed }) => closed));
      expect(slow.every(({ socket }) => socket.destroyed)).toBe(true);
    } finally {
      await remote.close();
      await rm(rendererDir, { recursive: true, force: true });
    }
  }, 20_000);
});

describe('serve mode on every interface (--host 0.0.0.0)', () => {
  const lanAddress = Object.values(networkInterfaces())
    .flat()
    .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

  it.runIf(lanAddress !== undefined)('answers a request to the machine’s LAN address, and still refuses a foreign name', async () => {
    served = await startTestDeckServer('basic', () => ({ host: '0.0.0.0' }));
    const port = new URL(served.server.origin).port;
    const lan = await fetch(`http://${lanAddress}:${port}${served.follower}/api/deck`);
    expect(lan.status).toBe(200);
    expect(await statusWithHost(port, `${served.follower}/api/deck`, `evil.example:${port}`)).toBe(403);
  });

  it('refuses the LAN address when serving on loopback only', async () => {
    served = await startTestDeckServer('basic');
    const port = new URL(served.server.origin).port;
    expect(await statusWithHost(port, `${served.presenter}/api/deck`, `192.168.1.20:${port}`)).toBe(403);
  });
});
