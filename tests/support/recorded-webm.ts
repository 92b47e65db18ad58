import type { Page } from '@playwright/test';

/**
 * A short WebM (VP8) whose first frame is all `firstColour` and the rest `thenColour`, recorded
 * by Chromium's own MediaRecorder from a canvas: no encoder is installed here, and a few KB made
 * at test time beat a binary fixture. MediaRecorder writes no duration or cues, so such a file
 * shows its frames but is no good for seeking (the WAV of tone-wav.ts is).
 */
export async function recordWebm(page: Page, firstColour: string, thenColour: string): Promise<Buffer> {
  const base64 = (await page.evaluate(`(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 180;
    document.body.append(canvas);
    const context = canvas.getContext('2d');
    let frames = 0;
    const draw = () => {
      context.fillStyle = frames++ < 10 ? ${JSON.stringify(firstColour)} : ${JSON.stringify(thenColour)};
      context.fillRect(0, 0, canvas.width, canvas.height);
    };
    draw();
    const recorder = new MediaRecorder(canvas.captureStream(30), { mimeType: 'video/webm;codecs=vp8' });
    const chunks = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    // Recording ends after 30 frames drawn, however slowly a loaded machine draws them.
    await new Promise((resolve) => {
      const next = () => (frames >= 30 ? resolve() : (draw(), requestAnimationFrame(next)));
      requestAnimationFrame(next);
    });
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  })()`)) as string;
  return Buffer.from(base64, 'base64');
}
