import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRehearsal, REHEARSAL_FILE, writeRehearsal } from '../../../src/node/present/rehearsal-file';

const rehearsal = { recordedAt: 1_700_000_000_000, slides: [{ h: 0, v: 0, ms: 12_000 }, { h: 1, v: 0, ms: 3_500 }] };

describe('the rehearsal file', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'podium-rehearsal-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is saved as .podium/rehearsal.json beside the deck and read back', async () => {
    await writeRehearsal(root, rehearsal);
    expect(JSON.parse(await readFile(join(root, REHEARSAL_FILE), 'utf8'))).toEqual(rehearsal);
    expect(await readRehearsal(root)).toEqual(rehearsal);
  });

  it('replaces the previous rehearsal, leaving no temporary file behind', async () => {
    await writeRehearsal(root, rehearsal);
    await writeRehearsal(root, { recordedAt: 2, slides: [] });
    expect(await readRehearsal(root)).toEqual({ recordedAt: 2, slides: [] });
    expect(await readdir(join(root, '.podium'))).toEqual(['rehearsal.json']);
  });

  it('reads as none when the deck has not been rehearsed', async () => {
    expect(await readRehearsal(root)).toBeNull();
  });

  it('reads as none when the file is not JSON or not a rehearsal', async () => {
    await mkdir(join(root, '.podium'));
    await writeFile(join(root, REHEARSAL_FILE), '{ not json');
    expect(await readRehearsal(root)).toBeNull();
    await writeFile(join(root, REHEARSAL_FILE), JSON.stringify({ recordedAt: 1, slides: [{ h: -1, v: 0, ms: 1 }] }));
    expect(await readRehearsal(root)).toBeNull();
  });

  it('refuses to write something that is not a rehearsal, and writes nothing', async () => {
    await expect(writeRehearsal(root, { recordedAt: 1, slides: [{ h: 0, v: 0 }] })).rejects.toThrow(/not a rehearsal/);
    expect(await readRehearsal(root)).toBeNull();
    await expect(readdir(join(root, '.podium'))).rejects.toThrow(/ENOENT/);
  });
});
