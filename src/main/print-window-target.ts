import type { BrowserWindow } from 'electron';
import { waitUntilPrintReady } from '../node/export/print-ready';
import { JPEG_QUALITY, type PrintTarget, type Viewport } from '../node/export/print-target';

/**
 * The app's hidden print window as a PrintTarget (src/node/export/print-target.ts): the same
 * steps as headless Chromium, on Electron's webContents. The caller made the window, `madeAt` CSS
 * px, and guards its renderer (print-renderer-watch.ts).
 */
export function printWindowTarget(window: BrowserWindow, madeAt: Viewport, readyTimeoutMs: number): PrintTarget {
  const { webContents } = window;
  let size = madeAt;
  return {
    open: async (url: string, viewport: Viewport) => {
      if (size.width !== viewport.width || size.height !== viewport.height) window.setContentSize(viewport.width, viewport.height);
      size = viewport;
      await window.loadURL(url);
    },
    waitUntilReady: () => waitUntilPrintReady((script) => webContents.executeJavaScript(script), readyTimeoutMs),
    evaluate: <T>(script: string) => webContents.executeJavaScript(script) as Promise<T>,
    pdf: ({ tagged }) => webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: tagged }),
    screenshot: async ({ x, y, width, height, scale, format }) => {
      // capturePage sees the window's viewport only, one slide big: the region is scrolled into it
      // first (the PPTX's pictures lie on every page of the print page, one below the other).
      const [left, top] = (await webContents.executeJavaScript(`scrollTo(${x}, ${y}); [scrollX, scrollY]`)) as [number, number];
      const captured = await webContents.capturePage({ x: Math.round(x - left), y: Math.round(y - top), width, height });
      const image = scale === 1 ? captured : captured.resize({ width: Math.round(width * scale) });
      return format === 'jpeg' ? image.toJPEG(JPEG_QUALITY) : image.toPNG();
    },
  };
}
