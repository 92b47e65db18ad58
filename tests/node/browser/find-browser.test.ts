import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, NO_BROWSER_MESSAGE } from '../../../src/node/browser/find-browser';

describe('findBrowser', () => {
  let dir = '';
  let fakeChrome = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-browser-'));
    fakeChrome = join(dir, 'google-chrome');
    await writeFile(fakeChrome, '#!/bin/sh\n');
    await chmod(fakeChrome, 0o755);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prefers --browser over CHROME_PATH', () => {
    expect(findBrowser({ explicit: fakeChrome, env: { CHROME_PATH: '/nope' }, platform: 'linux' })).toBe(fakeChrome);
  });

  it('uses CHROME_PATH next', () => {
    expect(findBrowser({ env: { CHROME_PATH: fakeChrome }, platform: 'linux' })).toBe(fakeChrome);
  });

  it('names a --browser path that is not a browser', () => {
    expect(() => findBrowser({ explicit: join(dir, 'missing'), env: {} })).toThrow(/--browser .*missing/);
  });

  it('finds a browser on PATH', () => {
    expect(findBrowser({ env: { PATH: dir }, platform: 'aix' })).toBe(fakeChrome);
  });

  it('says how to get one when there is none', () => {
    expect(() => findBrowser({ env: { PATH: '' }, platform: 'aix' })).toThrow(NO_BROWSER_MESSAGE);
  });
});
