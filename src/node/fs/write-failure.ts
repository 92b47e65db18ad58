/** What a failed write's error code means to someone who was saving a slide. */
const WRITE_FAILURES: Record<string, string> = {
  EACCES: 'permission denied: the deck folder or file is read-only',
  EPERM: 'not permitted: the deck folder or file is read-only',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than the system lets Podium write',
  EIO: 'the disk reported an input/output error',
  ENOENT: 'the deck folder is gone (moved, renamed or deleted)',
};
import { messageOf } from '../../shared/errors';

/**
 * One line for a write that failed on the disk's side (read-only folder, disk full, I/O error),
 * naming the cause in words and keeping the system's code for anyone searching for it.
 */
export function explainWriteFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return `cannot write: ${messageOf(error)}`;
  return `cannot write: ${WRITE_FAILURES[code] ?? 'the system refused the write'} (${code})`;
}
