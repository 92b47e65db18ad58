/** The last task queued for each path; a path leaves the map once its queue is empty. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` once every earlier task for the same path in this process has finished: a check of
 * what is on disk and the write that depends on it become one step, so two saves from the same
 * version cannot both succeed. `path` must be resolved (the real path), so that two spellings of
 * one file share a queue.
 */
export async function withPathLock<T>(path: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(path, settled);
  try {
    return await run;
  } finally {
    if (queues.get(path) === settled) queues.delete(path);
  }
}
