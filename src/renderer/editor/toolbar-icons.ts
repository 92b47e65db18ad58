const SVG = 'http://www.w3.org/2000/svg';

/**
 * The edit toolbar's pictures: strokes on a 24-unit grid in the text's colour, drawn here rather
 * than taken from an icon font, which the CSP (`font-src 'self' data:`) and the offline app rule out.
 */
const PATHS = {
  save: ['M5 3h11l5 5v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z', 'M7 3v5h8V3', 'M7 21v-7h10v7'],
  new: ['M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z', 'M14 3v6h6', 'M12 12v6', 'M9 15h6'],
  duplicate: ['M10 8h9a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z', 'M5 16H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1'],
  rename: ['M15.5 4.5l4 4L8 20H4v-4z', 'M13 7l4 4'],
  delete: ['M3 6h18', 'M8 6V4h8v2', 'M6 6l1 15h10l1-15', 'M10 11v6', 'M14 11v6'],
  moveUp: ['M12 19V5', 'M5 12l7-7 7 7'],
  moveDown: ['M12 5v14', 'M19 12l-7 7-7-7'],
  undo: ['M9 14L4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11'],
  redo: ['M15 14l5-5-5-5', 'M20 9H9.5a5.5 5.5 0 0 0 0 11H13'],
  find: ['M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14z', 'M21 21l-5-5'],
  previous: ['M15 18l-6-6 6-6'],
  next: ['M9 18l6-6-6-6'],
  problems: ['M12 3.5l9.5 16.5h-19z', 'M12 10v4.5', 'M12 17.5v.5'],
  export: ['M12 3v12', 'M7 10l5 5 5-5', 'M5 21h14'],
} as const;

export type ToolbarIcon = keyof typeof PATHS;

/** An icon for a button whose text names it: hidden from readers, never a tab stop of its own. */
export function toolbarIcon(name: ToolbarIcon): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [attribute, value] of Object.entries({
    viewBox: '0 0 24 24',
    width: '16',
    height: '16',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
    class: 'podium-tool-icon',
  })) {
    svg.setAttribute(attribute, value);
  }
  for (const d of PATHS[name]) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
