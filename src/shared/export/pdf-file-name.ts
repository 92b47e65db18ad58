/** The deck title as a file name every OS accepts: the save dialog's suggestion and serve mode's download. */
export function fileNameFor(title: string): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[\s.-]+|[\s.]+$/g, '');
  return safe === '' ? 'deck' : safe.slice(0, 120);
}
