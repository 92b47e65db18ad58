/**
 * Chromium prints a blurred `box-shadow` as a bitmap: a 300 dpi greyscale image the size of the
 * element. Every theme of reveal.js gives blockquotes (`0 0 2px`) and code blocks (`0 5px 15px`)
 * such a shadow, so each quote cost the PDF a 4250×418 JPEG, about 15 KB and 18 ms of
 * printToPDF: on a 300-slide deck with 60 quotes, 1.1 s of a 3.3 s export and 1 MB of its
 * 1.5 MB. Here each blurred shadow of the page's stylesheets becomes a few unblurred rings
 * whose spread steps across the blur's width, each with a share of the colour: a linear ramp in
 * place of the Gaussian one, drawn as vector paths, which the eye cannot tell apart at a slide's
 * scale. Shadows given through `var()` or inline styles keep their blur (and their bitmap).
 */
export function redrawBlurredShadowsAsVectors(document: Document): void {
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      // A stylesheet of another origin cannot be read, nor rewritten.
      continue;
    }
    rewriteRules(rules);
  }
}

function rewriteRules(rules: CSSRuleList): void {
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule) {
      const value = rule.style.getPropertyValue('box-shadow');
      const vector = value ? vectorShadows(value) : null;
      if (vector !== null) rule.style.setProperty('box-shadow', vector, rule.style.getPropertyPriority('box-shadow'));
    }
    // @media, @supports, @layer and nested rules.
    if ('cssRules' in rule) rewriteRules((rule as CSSGroupingRule).cssRules);
  }
}

/** At most this many rings per shadow, and rings this far apart (px) at most when there are fewer. */
const MAX_RINGS = 8;
const RING_STEP_PX = 2;

/**
 * The rings that draw `value` (a `box-shadow` list) without blur, or null when it has no blur or
 * cannot be read.
 */
function vectorShadows(value: string): string | null {
  if (/var\(|^\s*(none|inherit|initial|unset|revert)/i.test(value)) return null;
  let changed = false;
  const shadows: string[] = [];
  for (const shadow of splitTopLevel(value, ',')) {
    const parts = splitTopLevel(shadow.trim(), ' ').filter(Boolean);
    const inset = parts.some((part) => part.toLowerCase() === 'inset');
    const lengths = parts.filter((part) => isLength(part));
    const color = parts.find((part) => part.toLowerCase() !== 'inset' && !isLength(part)) ?? 'currentcolor';
    const [x, y, blur = '0', spread = '0'] = lengths;
    const blurPx = pixels(blur);
    if (x === undefined || y === undefined || lengths.length > 4 || blurPx === 0) {
      shadows.push(shadow.trim());
      continue;
    }
    changed = true;
    const rings = blurPx === null ? 4 : Math.min(MAX_RINGS, Math.max(2, Math.ceil(blurPx / RING_STEP_PX)));
    // Shares that add up to the shadow's own colour where all rings overlap (exact for faint shadows).
    const share = `color-mix(in srgb, ${color} ${(100 / rings).toFixed(3)}%, transparent)`;
    for (let ring = 0; ring < rings; ring++) {
      // From the blur's inner edge (-blur) to its outer edge (+blur), where a Gaussian of σ = blur/2 fades.
      const fraction = (2 * ring + 1) / rings - 1;
      shadows.push([inset ? 'inset' : '', x, y, '0px', offsetLength(spread, blur, fraction), share].filter(Boolean).join(' '));
    }
  }
  return changed ? shadows.join(', ') : null;
}

function offsetLength(spread: string, blur: string, fraction: number): string {
  const spreadPx = pixels(spread);
  const blurPx = pixels(blur);
  if (spreadPx !== null && blurPx !== null) return `${round(spreadPx + blurPx * fraction)}px`;
  return `calc(${zeroAsPx(spread)} + ${zeroAsPx(blur)} * ${round(fraction)})`;
}

function isLength(part: string): boolean {
  return /^[-+]?(\d|\.\d)/.test(part) || /^calc\(/i.test(part);
}

/** The length in px, 0 for a bare 0, null for other units. */
function pixels(length: string): number | null {
  const match = /^([-+]?(?:\d+\.?\d*|\.\d+))(px)?$/i.exec(length);
  if (!match || (match[2] === undefined && Number(match[1]) !== 0)) return null;
  return Number(match[1]);
}

function zeroAsPx(length: string): string {
  return pixels(length) === 0 ? '0px' : length;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Splits on `separator` outside parentheses (colours such as `rgb(0 0 0 / 20%)`). */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '(') depth++;
    else if (character === ')') depth--;
    else if (depth === 0 && (character === separator || (separator === ' ' && /\s/.test(character ?? '')))) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
