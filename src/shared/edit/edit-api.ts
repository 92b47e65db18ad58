/** A segment file's text as the editor sees it: LF line endings, no BOM; `version` names the bytes on disk. */
export interface SegmentText {
  file: string;
  text: string;
  version: string;
}

export type SaveResult =
  | { saved: true; version: string }
  /** The file changed on disk since `baseVersion`: nothing was written; here is what is there now. */
  | { saved: false; conflict: SegmentText };

export interface RecoveryEntry {
  file: string;
  text: string;
  /** The version the unsaved edits were made on. */
  baseVersion: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

/** What `deleteSegment` hands back so that the deletion can be undone. */
export interface DeletedSegment {
  file: string;
  trashId: string;
  /** Its 0-based place in the deck's order when it was deleted, where undo puts it back. */
  position: number;
}

/**
 * The editing half of the host contract. The app exposes it through the preload, serve mode over
 * HTTP (`POST /api/edit/<method>`); every path is a segment file relative to the deck folder.
 */
export interface DeckEditApi {
  readSegment(file: string): Promise<SegmentText>;
  /** Atomic; keeps the file's line endings and BOM; refuses to overwrite newer bytes unless `force`. */
  saveSegment(file: string, text: string, baseVersion: string, force: boolean): Promise<SaveResult>;
  /** A new segment after `afterFile` (or at the end), titled `title`; returns its file. */
  createSegment(afterFile: string | null, title: string): Promise<string>;
  duplicateSegment(file: string): Promise<string>;
  renameSegment(file: string, newName: string): Promise<string>;
  /** Moves the file to the deck's trash (`.podium/trash`), from which `restoreSegment` brings it back. */
  deleteSegment(file: string): Promise<DeletedSegment>;
  restoreSegment(deleted: DeletedSegment): Promise<string>;
  /**
   * The new order of all segments: renames their number prefixes, or rewrites deck.yaml's list.
   * Returns the segments' file names afterwards, in the new order.
   */
  reorderSegments(files: string[]): Promise<string[]>;
  recordRecovery(file: string, text: string, baseVersion: string): Promise<void>;
  listRecovery(): Promise<RecoveryEntry[]>;
  discardRecovery(file: string): Promise<void>;
}

export type EditMethod = keyof DeckEditApi;

const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isNullableString = (value: unknown): value is string | null => value === null || isString(value);
const isDeleted = (value: unknown): value is DeletedSegment =>
  typeof value === 'object' &&
  value !== null &&
  isString((value as DeletedSegment).file) &&
  isString((value as DeletedSegment).trashId) &&
  Number.isInteger((value as DeletedSegment).position) &&
  (value as DeletedSegment).position >= 0;
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

/** The argument shapes of each method: IPC and HTTP check every call against them. */
const ARGUMENT_CHECKS: Record<EditMethod, ((value: unknown) => boolean)[]> = {
  readSegment: [isString],
  saveSegment: [isString, isString, isString, isBoolean],
  createSegment: [isNullableString, isString],
  duplicateSegment: [isString],
  renameSegment: [isString, isString],
  deleteSegment: [isString],
  restoreSegment: [isDeleted],
  reorderSegments: [isStringList],
  recordRecovery: [isString, isString, isString],
  listRecovery: [],
  discardRecovery: [isString],
};

export const EDIT_METHODS = Object.keys(ARGUMENT_CHECKS) as EditMethod[];

/** True for the API's own methods only: `constructor`, `toString` and `__proto__` are not. */
export function isEditMethod(name: string): name is EditMethod {
  return Object.hasOwn(ARGUMENT_CHECKS, name);
}

/** True when `method` is an edit method and `args` have its shapes; anything else is refused. */
export function isValidEditCall(method: string, args: unknown): args is unknown[] {
  if (!isEditMethod(method)) return false;
  const checks = ARGUMENT_CHECKS[method];
  return (
    Array.isArray(args) &&
    args.length === checks.length &&
    checks.every((check, index) => check(args[index]))
  );
}
