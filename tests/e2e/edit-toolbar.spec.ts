import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openEditor, typeAtEnd } from './edit-support';
import { FIXTURE_DECKS, servePodium, type ServeProcess } from '../support/podium-cli';

let served: ServeProcess | null = null;
let deck = '';

test.beforeEach(async () => {
  deck = await mkdtemp(join(tmpdir(), 'podium-edit-toolbar-'));
  await cp(join(FIXTURE_DECKS, 'basic'), deck, { recursive: true });
  served = await servePodium(deck);
});
test.afterEach(async () => {
  await served?.stop();
  await rm(deck, { recursive: true, force: true });
});

const toolbarOf = (page: Page) => page.getByRole('toolbar', { name: 'Edit' });
// Problems is named with its count, when there is one ("Problems 3").
const tool = (page: Page, name: string) =>
  toolbarOf(page).getByRole('button', name === 'Problems' ? { name: /^Problems ?\d*$/ } : { name, exact: true });

/** The focused element: its name, whether it is in the toolbar, and its focus ring as drawn. */
const focused = (page: Page) =>
  page.locator(':focus').evaluate((element) => {
    const style = element.ownerDocument.defaultView.getComputedStyle(element);
    return {
      name: String(element.textContent).trim().replace(/\s+/g, ' '),
      inToolbar: element.closest('[role="toolbar"]') !== null,
      focusVisible: Boolean(element.matches(':focus-visible')),
      ring: { style: String(style.outlineStyle), width: parseFloat(style.outlineWidth), color: String(style.outlineColor) },
    };
  });

test.describe('the edit toolbar', () => {
  // 1180 is the narrowest width with the labels shown; the deck's title is long enough to be cut.
  for (const width of [1024, 1180, 1280]) {
    test(`fits one row at ${width}×720, labels whole, every enabled button a tab stop with a visible ring`, async ({ page }) => {
      await writeFile(join(deck, 'deck.yaml'), 'title: The closing ceremony of the Paris 2024 Olympic Games, told again\n');
      await page.setViewportSize({ width, height: 720 });
      await openEditor(page, served?.url ?? '', '2-intro.md');
      await expect(page.locator('.podium-edit-title')).toHaveText(/^The closing ceremony/);
      const toolbar = toolbarOf(page);
      const boxes = await toolbar.getByRole('button').evaluateAll((buttons) =>
        buttons.map((button) => {
          const box = button.getBoundingClientRect();
          const label = button.querySelector('.podium-tool-label')?.getBoundingClientRect();
          return { top: box.top, bottom: box.bottom, left: box.left, right: box.right, labelInside: !label || label.right <= box.right };
        }),
      );
      expect(boxes).toHaveLength(14);
      expect(new Set(boxes.map((box) => Math.round(box.top))).size, 'rows of buttons').toBe(1);
      expect(Math.max(...boxes.map((box) => box.right))).toBeLessThanOrEqual(width);
      expect(boxes.every((box) => box.labelInside)).toBe(true);
      // No button under another: each starts right of the one before.
      for (let index = 1; index < boxes.length; index += 1) expect(boxes[index]!.left).toBeGreaterThanOrEqual(boxes[index - 1]!.right);
      expect(await toolbar.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      const title = (await page.locator('.podium-edit-title').boundingBox())!;
      expect(title.x + title.width, 'the title ends before the first button').toBeLessThanOrEqual(boxes[0]!.left);
      expect((await page.locator('.podium-edit-bar').boundingBox())!.height).toBeLessThanOrEqual(48);

      // From the top of the page, Tab visits the enabled buttons in order, each with its ring; the
      // disabled ones are skipped.
      const enabled = await toolbar.getByRole('button').evaluateAll((buttons) =>
        buttons.filter((button) => !button.disabled).map((button) => String(button.textContent).trim().replace(/\s+/g, ' ')),
      );
      expect(enabled).not.toContain('Save');
      expect(enabled).not.toContain('Move up');
      // A click on the deck's title (no control) starts the keyboard's path at the top of the page.
      await page.locator('.podium-edit-title').click();
      const visited: string[] = [];
      for (;;) {
        await page.keyboard.press('Tab');
        const stop = await focused(page);
        if (!stop.inToolbar) break;
        visited.push(stop.name);
        expect(stop.focusVisible, stop.name).toBe(true);
        expect(stop.ring.style, stop.name).toBe('solid');
        expect(stop.ring.width, stop.name).toBeGreaterThanOrEqual(2);
        expect(stop.ring.color, stop.name).not.toBe('rgba(0, 0, 0, 0)');
      }
      expect(visited).toEqual(enabled);

      // ← and → go along the working buttons too, round from the last to the first.
      await tool(page, 'New').focus();
      await page.keyboard.press('ArrowRight');
      await expect(tool(page, 'Duplicate')).toBeFocused();
      await page.keyboard.press('End');
      await expect(tool(page, 'Export PDF…')).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(tool(page, 'New')).toBeFocused();
      await page.keyboard.press('ArrowLeft');
      await expect(tool(page, 'Export PDF…')).toBeFocused();
    });
  }

  test('disables what cannot be done, and each button does what it says once it can', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openEditor(page, served?.url ?? '', '2-intro.md');
    // Each says what it does and its key, as this system (Linux) writes it.
    await expect(tool(page, 'Save')).toHaveAttribute('title', 'Save this segment (Ctrl+S)');
    await expect(tool(page, 'Redo')).toHaveAttribute('title', 'Redo (Ctrl+Y)');
    // Saved, first segment, first slide, no history yet.
    for (const name of ['Save', 'Move up', 'Undo', 'Redo', 'Previous slide']) await expect(tool(page, name), name).toBeDisabled();
    for (const name of ['New', 'Duplicate', 'Rename', 'Delete', 'Move down', 'Find', 'Next slide', 'Problems', 'Export PDF…']) {
      await expect(tool(page, name), name).toBeEnabled();
    }

    // Next slide moves the preview and the editor to the second slide; focus stays on the button.
    await tool(page, 'Next slide').focus();
    await page.keyboard.press('Enter');
    const current = page.locator('.podium-slide-strip button.current');
    await expect(current).toHaveAttribute('data-h', '1');
    await expect(current).toHaveAttribute('data-v', '0');
    await expect(page.locator('.cm-activeLine')).toHaveText('## Code keeps its separators');
    await expect(tool(page, 'Next slide')).toBeFocused();
    await expect(tool(page, 'Previous slide')).toBeEnabled();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(current).toHaveAttribute('data-h', '0');
    // Greyed under the keyboard, Previous hands focus to Next rather than to the top of the page.
    await expect(tool(page, 'Previous slide')).toBeDisabled();
    await expect(tool(page, 'Next slide')).toBeFocused();

    await typeAtEnd(page, '\nTyped here.\n');
    await expect(tool(page, 'Undo')).toBeEnabled();
    await tool(page, 'Save').click();
    await expect(page.locator('.podium-edit-status')).toContainText('2-intro.md — saved');
    expect(await readFile(join(deck, '2-intro.md'), 'utf8')).toContain('Typed here.');
    await expect(tool(page, 'Save')).toBeDisabled();

    await tool(page, 'Undo').click();
    await expect(page.locator('.cm-content')).not.toContainText('Typed here.');
    await expect(tool(page, 'Redo')).toBeEnabled();
    await expect(tool(page, 'Save')).toBeEnabled();
    await tool(page, 'Redo').click();
    await expect(page.locator('.cm-content')).toContainText('Typed here.');

    // Move down puts the first segment second: the deck's order changes on disk, Move down greys.
    await tool(page, 'Move down').click();
    await expect(page.locator('.podium-segments li').first()).toContainText('The end');
    await expect(page.locator('.podium-segments li').nth(1)).toContainText('Introduction');
    await expect(tool(page, 'Move down')).toBeDisabled();
    await expect(tool(page, 'Move up')).toBeEnabled();
  });

  test('Problems shows and hides the list, its count on the button; Find opens the search panel', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openEditor(page, served?.url ?? '', '10-end.md');
    const problems = page.getByRole('region', { name: 'Problems' });
    const button = tool(page, 'Problems');
    // An empty slide at the end: a problem, as `check` reports it.
    await typeAtEnd(page, '\n\n---\n\n');
    await expect(problems.getByRole('listitem').first()).toBeVisible();
    const listed = await problems.getByRole('listitem').count();
    await expect(button.locator('.podium-tool-badge')).toHaveText(String(listed));
    await expect(button).toHaveAttribute('aria-pressed', 'true');

    await button.click();
    await expect(problems).toBeHidden();
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await expect(button.locator('.podium-tool-badge')).toHaveText(String(listed));
    await button.click();
    await expect(problems).toBeVisible();

    await tool(page, 'Find').click();
    await expect(page.locator('.cm-search input[name="search"]')).toBeFocused();
    // In the toolbar's words, capitalised, and of its height.
    await expect(page.locator('.cm-search button.cm-button')).toHaveText(['Next', 'Previous', 'All', 'Replace', 'Replace all']);
    expect((await page.locator('.cm-search button[name="next"]').boundingBox())!.height).toBe(28);
  });
});

/**
 * The colours of a screenshot at `points`, as drawn: decoded by Chromium in a page of its own (the
 * edit view's CSP takes no data: images), so that no PNG library is needed.
 */
async function pixels(browser: Browser, png: Buffer, points: { x: number; y: number }[]): Promise<number[][]> {
  const page = await browser.newPage();
  const colours = (await page.evaluate(
    `new Promise((resolve) => {
      const image = new Image();
      image.onload = () => {
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        resolve(${JSON.stringify(points)}.map(({ x, y }) => [...context.getImageData(x, y, 1, 1).data].slice(0, 3)));
      };
      image.src = 'data:image/png;base64,${png.toString('base64')}';
    })`,
  )) as number[][];
  await page.close();
  return colours;
}

const isRingBlue = ([red, green, blue]: number[]): boolean => red! < 90 && green! < 130 && blue! > 170;

test('the editor shows its focus: a ring all round its frame, not hidden by the gutter or the scroller', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page, served?.url ?? '', '2-intro.md');
  await page.locator('.podium-segments li').last().locator('button').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.cm-content')).toBeFocused();
  const frame = (await page.locator('.cm-editor').boundingBox())!;
  const middle = { x: Math.round(frame.x + frame.width / 2), y: Math.round(frame.y + frame.height / 2) };
  // Just outside each edge: left (beside the gutter), right, top and bottom.
  const edges = [
    { x: Math.round(frame.x) - 1, y: middle.y },
    { x: Math.round(frame.x + frame.width), y: middle.y },
    { x: middle.x, y: Math.round(frame.y) - 1 },
    { x: middle.x, y: Math.round(frame.y + frame.height) },
  ];
  const colours = await pixels(browser, await page.screenshot(), edges);
  expect(colours.map(isRingBlue), JSON.stringify(colours)).toEqual([true, true, true, true]);
});

test('Tab goes round the edit view without stopping on the preview, whose slide number is no control', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page, served?.url ?? '', '2-intro.md');
  await expect(page.locator('.reveal .slide-number')).toBeVisible();
  await page.locator('.podium-edit-title').click();
  const stops: { name: string; inPreview: boolean }[] = [];
  // Round the page and back to its first stop: the toolbar's first working button.
  for (let press = 0; press < 200; press += 1) {
    await page.keyboard.press('Tab');
    const focusedNow = page.locator(':focus');
    if ((await focusedNow.count()) === 0) continue;
    const stop = await focusedNow.evaluate((element) => ({
      name: `${element.tagName} ${String(element.textContent).trim().slice(0, 30)}`,
      inPreview: element.closest('.reveal') !== null,
    }));
    if (stops.length > 0 && stop.name === stops[0]!.name) break;
    stops.push(stop);
  }
  expect(stops.length, 'Tab came back round').toBeLessThan(200);
  expect(stops.filter((stop) => stop.inPreview)).toEqual([]);
});
