import type { PrintLayout } from './export/export-options';
import { parsePrintQuery, printTargetOf, type PrintPurpose } from './export/print-query';

/** Which view a page of the app shows, read once from its query string. */
export type ViewRoute =
  | { kind: 'presentation' }
  | { kind: 'speaker' }
  | { kind: 'edit' }
  | { kind: 'follow' }
  | { kind: 'welcome' }
  | { kind: 'print'; layout: PrintLayout; target: PrintPurpose };

/** `location.search` (with or without its `?`) to the view it asks for; anything else presents. */
export function parseView(search: string): ViewRoute {
  const layout = parsePrintQuery(search);
  if (layout) return { kind: 'print', layout, target: printTargetOf(search) };
  switch (new URLSearchParams(search).get('view')) {
    case 'speaker':
      return { kind: 'speaker' };
    case 'edit':
      return { kind: 'edit' };
    case 'follow':
      return { kind: 'follow' };
    case 'welcome':
      return { kind: 'welcome' };
    default:
      return { kind: 'presentation' };
  }
}
