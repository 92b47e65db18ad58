/** Marks when each phase of an export began, for `PODIUM_EXPORT_TIMING=1` (tests/bench/export.bench.mjs). */
export interface ExportTiming {
  mark(label: string): void;
}

/**
 * With `enabled`, prints one line on stderr as the process exits: each mark in ms since the
 * process started (node's own start-up included), then `exit`. Otherwise does nothing.
 */
export function exportTiming(enabled: boolean): ExportTiming {
  if (!enabled) return { mark: () => undefined };
  const marks: string[] = [];
  const mark = (label: string): void => {
    marks.push(`${label} ${Math.round(performance.now())}`);
  };
  process.once('exit', () => {
    mark('exit');
    process.stderr.write(`podium timing: ${marks.join(', ')}\n`);
  });
  return { mark };
}
