import { spawn } from 'node:child_process';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { PODIUM_BIN } from '../support/podium-cli';

export interface PresentingServer {
  /** The presenter's URL, as `podium serve` prints it first. */
  url: string;
  /** The audience's read-only URL, the second line `podium serve` prints. */
  followUrl: string;
  stop(): Promise<void>;
}

/** Starts `podium serve` as a presenter does and waits for both URLs it prints. */
export function servePresenting(deck: string): Promise<PresentingServer> {
  const child = spawn(process.execPath, [PODIUM_BIN, 'serve', deck, '--port', '0']);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /presenting .* at (http:\/\/\S+)/.exec(output)?.[1];
      const followUrl = /follow \(read-only\) at (http:\/\/\S+)/.exec(output)?.[1];
      if (url && followUrl) {
        resolve({
          url,
          followUrl,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`podium serve exited with ${code}: ${output}`)));
  });
}

export interface Indices {
  h: number;
  v: number;
  f: number;
}

/** Where a presentation or follower page is, with reveal.js's "no fragment" read as -1. */
export async function revealIndices(page: Page): Promise<Indices> {
  // A string, not a function: this file is type-checked without the DOM's types.
  return page.evaluate(`(() => {
    const { h, v, f } = window.Reveal.getIndices();
    return { h, v: v ?? 0, f: f ?? -1 };
  })()`) as Promise<Indices>;
}

/** Where the speaker view is. */
export async function speakerIndices(page: Page): Promise<Indices> {
  const data = await page.locator('.podium-speaker').evaluate((element) => ({ ...(element as unknown as { dataset: Record<string, string> }).dataset }));
  return { h: Number(data.h), v: Number(data.v), f: Number(data.f) };
}

/** Waits until every page shows `expected`. */
export async function expectAllAt(expected: Indices, presenters: Page[], speakers: Page[]): Promise<void> {
  for (const page of presenters) await expect.poll(() => revealIndices(page)).toEqual(expected);
  for (const page of speakers) await expect.poll(() => speakerIndices(page)).toEqual(expected);
}

/** Opens a presentation or follower page and waits until it is ready. */
export async function openPresenter(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('html[data-podium-ready]')).toBeAttached();
  return page;
}

/** Opens the speaker view as a presenter does: S in the presentation. */
export async function openSpeakerView(presenter: Page): Promise<Page> {
  const [speaker] = await Promise.all([presenter.waitForEvent('popup'), presenter.keyboard.press('s')]);
  await expect(speaker.locator('.podium-speaker[data-h]')).toBeAttached();
  return speaker;
}
