import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, deckFileContentTypeOf, resolveDeckFile } from '../../../src/node/deck/deck-files';

describe('resolveDeckFile', () => {
  let base = '';
  let root = '';

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'podium-files-'));
    root = join(base, 'deck');
    await mkdir(join(root, 'img'), { recursive: true });
    await writeFile(join(root, 'img', 'a b.svg'), '<svg/>');
    await writeFile(join(base, 'secret.txt'), 'secret');
    await symlink(join(base, 'secret.txt'), join(root, 'link-out.txt'));
    await symlink(join(root, 'img', 'a b.svg'), join(root, 'link-in.svg'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('finds a file inside the deck from its encoded URL path', async () => {
    expect(await resolveDeckFile(root, 'img/a%20b.svg')).toBe(join(root, 'img', 'a b.svg'));
  });

  it('follows a symlink that stays inside the deck', async () => {
    expect(await resolveDeckFile(root, 'link-in.svg')).toBe(join(root, 'img', 'a b.svg'));
  });

  it.each([
    ['../secret.txt'],
    ['img/../../secret.txt'],
    ['%2e%2e/secret.txt'],
    ['%2E%2E%2Fsecret.txt'],
    ['%252e%252e/secret.txt'],
    ['..%5csecret.txt'],
    ['%2Fetc%2Fpasswd'],
    ['/etc/passwd'],
    ['C:%5CWindows%5Cwin.ini'],
    ['link-out.txt'],
    ['img%00.svg'],
    [''],
    // A folder is not a file to serve.
    ['img'],
  ])('refuses %s', async (path) => {
    expect(await resolveDeckFile(root, path)).toBeNull();
  });
});

describe('contentTypeOf', () => {
  // A media element in Chromium plays by sniffing, but a wrong type is what a download or a
  // browser with stricter checks would see: each format a slide may hold has its own.
  it.each([
    ['clip.webm', 'video/webm'],
    ['clip.MP4', 'video/mp4'],
    ['clip.mov', 'video/quicktime'],
    ['tone.wav', 'audio/wav'],
    ['tone.ogg', 'audio/ogg'],
    ['song.mp3', 'audio/mpeg'],
    ['song.m4a', 'audio/mp4'],
    ['captions.vtt', 'text/vtt; charset=utf-8'],
  ])('serves %s as %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
    expect(deckFileContentTypeOf(file)).toBe(type);
  });
});
