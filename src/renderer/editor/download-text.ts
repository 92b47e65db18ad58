/**
 * Hands `text` to the browser as a download named after the segment: the last way to keep an edit
 * the deck folder can no longer take (gone, read-only, full). In the app, Electron asks where to save it.
 */
export function downloadText(file: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.split('/').pop() ?? file;
  link.click();
  // The download has its own copy once the click was handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
