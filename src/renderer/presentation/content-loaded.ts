/** Waits for fonts and for every image below `root` to load or fail, so that a PDF never shows a half-loaded slide. */
export async function whenContentLoaded(root: ParentNode): Promise<void> {
  await document.fonts.ready;
  const pending = [...root.querySelectorAll('img')].filter((image) => !image.complete);
  await Promise.all(
    pending.map(
      (image) =>
        new Promise<void>((resolve) => {
          image.addEventListener('load', () => resolve(), { once: true });
          image.addEventListener('error', () => resolve(), { once: true });
        }),
    ),
  );
}
