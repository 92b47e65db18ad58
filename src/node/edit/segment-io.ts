import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SaveResult, SegmentText } from '../../shared/edit/edit-api';
import { withPathLock } from '../fs/path-lock';
import { writeFileAtomically } from '../fs/write-atomic';
import { segmentPath } from './segment-path';

const BOM = '\uFEFF';

function versionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

interface DiskText {
  text: string;
  version: string;
  crlf: boolean;
  bom: boolean;
}

async function readDisk(path: string): Promise<DiskText | null> {
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (bytes === null) return null;
  const raw = bytes.toString('utf8');
  return {
    text: raw.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'),
    version: versionOf(bytes),
    crlf: /\r\n/.test(raw),
    bom: raw.startsWith(BOM),
  };
}

export async function readSegmentText(root: string, file: string): Promise<SegmentText> {
  const disk = await readDisk(await segmentPath(root, file));
  if (disk === null) return { file, text: '', version: 'missing' };
  return { file, text: disk.text, version: disk.version };
}

/**
 * Saves the editor's text (LF, no BOM) in the file's own line endings and BOM, atomically, unless
 * the bytes on disk are no longer the ones the edit started from: then nothing is written and the
 * caller gets what is there now, to offer keep mine / take theirs / compare. The check and the
 * write hold the file's lock: of saves racing from one version, exactly one is saved.
 */
export async function saveSegmentText(
  root: string,
  file: string,
  text: string,
  baseVersion: string,
  force: boolean,
): Promise<SaveResult> {
  const path = await segmentPath(root, file);
  return withPathLock(path, async () => {
    const disk = await readDisk(path);
    const currentVersion = disk?.version ?? 'missing';
    if (!force && currentVersion !== baseVersion) {
      return { saved: false, conflict: { file, text: disk?.text ?? '', version: currentVersion } };
    }
    const withEndings = disk?.crlf ? text.replace(/\r?\n/g, '\r\n') : text;
    const bytes = Buffer.from((disk?.bom ? BOM : '') + withEndings, 'utf8');
    await writeFileAtomically(path, bytes);
    return { saved: true, version: versionOf(bytes) };
  });
}
