import type { DeckEditApi, DeletedSegment } from '../../shared/edit/edit-api';
import { discardRecovery, listRecovery, recordRecovery } from './recovery-journal';
import { readSegmentText, saveSegmentText } from './segment-io';
import * as segmentFiles from './segment-files';
import { segmentPath } from './segment-path';

/** The host side of DeckEditApi for one deck folder, shared by the app's IPC and serve mode's HTTP. */
export function createDeckEditor(root: string): DeckEditApi {
  return {
    readSegment: (file) => readSegmentText(root, file),
    saveSegment: async (file, text, baseVersion, force) => {
      const result = await saveSegmentText(root, file, text, baseVersion, force);
      if (result.saved) await discardRecovery(root, file);
      return result;
    },
    createSegment: (afterFile, title) => segmentFiles.createSegment(root, afterFile, title),
    duplicateSegment: (file) => segmentFiles.duplicateSegment(root, file),
    renameSegment: (file, newName) => segmentFiles.renameSegment(root, file, newName),
    deleteSegment: (file) => segmentFiles.deleteSegment(root, file),
    restoreSegment: (deleted: DeletedSegment) => segmentFiles.restoreSegment(root, deleted),
    reorderSegments: (files) => segmentFiles.reorderSegments(root, files),
    recordRecovery: async (file, text, baseVersion) => {
      await segmentPath(root, file);
      await recordRecovery(root, { file, text, baseVersion, savedAt: Date.now() });
    },
    listRecovery: () => listRecovery(root),
    discardRecovery: (file) => discardRecovery(root, file),
  };
}
