import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deck } from '../../src/shared/deck/model';
import { DeckOpener } from '../../src/main/deck-opener';
import { DeckSession } from '../../src/main/deck-session';
import { BrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let base: string;
let talk: string;
let session: DeckSession;
let opener: DeckOpener;
let decksShown: Deck[];

beforeEach(async () => {
  resetFakeElectron();
  base = await mkdtemp(join(tmpdir(), 'podium-opener-'));
  talk = join(base, 'talk');
  await mkdir(talk);
  await writeFile(join(talk, '01-intro.md'), '# Talk\n');
  decksShown = [];
  session = new DeckSession((deck) => decksShown.push(deck));
  opener = new DeckOpener({ session, createDeckWindow: () => new BrowserWindow({}) as never });
});

afterEach(async () => {
  await session.close();
  await rm(base, { recursive: true, force: true });
});

describe('DeckOpener', () => {
  it('makes one deck window, and brings it forward on every later open', async () => {
    await opener.open(talk);
    await opener.open(talk);
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(BrowserWindow.instances[0]?.focus).toHaveBeenCalledTimes(1);
  });

  it('makes a new deck window once the last one was closed', async () => {
    await opener.open(talk);
    BrowserWindow.instances[0]?.destroy();
    await opener.open(talk);
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(BrowserWindow.instances).toHaveLength(2);
  });

  it('reads the open deck anew from File > Open Deck…, so a folder that came back shows again', async () => {
    await opener.open(talk);
    await opener.open(talk);
    expect(decksShown).toHaveLength(2);
  });

  it('only brings the window forward when asked from outside for the deck already open', async () => {
    await opener.open(talk);
    await opener.openOrFocus(`${talk}/`);
    expect(decksShown).toHaveLength(1);
    expect(BrowserWindow.instances[0]?.focus).toHaveBeenCalledTimes(1);
  });
});
