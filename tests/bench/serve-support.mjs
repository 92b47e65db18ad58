import { spawn } from 'node:child_process';
import { join } from 'node:path';

const podium = join(import.meta.dirname, '../../out/cli/podium.js');

/** Starts `podium serve deck` on a free port; resolves with its presenter and follower URLs once it prints them. */
export function startServe(deck) {
  const child = spawn(process.execPath, [podium, 'serve', deck, '--port', '0']);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const url = /presenting .* at (http:\/\/\S+)/.exec(output)?.[1];
      const followUrl = /follow \(read-only\) at (http:\/\/\S+)/.exec(output)?.[1];
      if (url && followUrl) resolve({ url, followUrl, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`podium serve exited with ${code}`)));
  });
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** "median x ms, p95 y ms" of a list of latencies. */
export const summary = (values) =>
  values.length === 0 ? 'none shown' : `median ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`;
