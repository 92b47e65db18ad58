import { describe, expect, it } from 'vitest';
import { DEFAULT_PRINT_LAYOUT } from '../../src/shared/export/export-options';
import { printQuery } from '../../src/shared/export/print-query';
import { EDIT_VIEW_QUERY, FOLLOW_VIEW_QUERY, SPEAKER_VIEW_QUERY, WELCOME_VIEW_QUERY } from '../../src/shared/api';
import { parseView } from '../../src/shared/view-route';

describe('parseView', () => {
  it('reads each view the hosts ask for, beside their other parameters', () => {
    expect(parseView(`?token=abc&${EDIT_VIEW_QUERY}`)).toEqual({ kind: 'edit' });
    expect(parseView(`?${SPEAKER_VIEW_QUERY}`)).toEqual({ kind: 'speaker' });
    expect(parseView(`?token=abc&${FOLLOW_VIEW_QUERY}`)).toEqual({ kind: 'follow' });
    expect(parseView(`?${WELCOME_VIEW_QUERY}`)).toEqual({ kind: 'welcome' });
  });

  it('reads the print page with its layout and target', () => {
    expect(parseView(`?${printQuery(DEFAULT_PRINT_LAYOUT, 'pdf')}`)).toEqual({
      kind: 'print',
      layout: DEFAULT_PRINT_LAYOUT,
      target: 'pdf',
    });
    expect(parseView('?view=handout&perPage=6')).toMatchObject({ kind: 'print', layout: { notes: 'handout', perPage: 6 }, target: 'screen' });
  });

  it('presents when no view, or an unknown one, is asked for', () => {
    expect(parseView('')).toEqual({ kind: 'presentation' });
    expect(parseView('?token=abc')).toEqual({ kind: 'presentation' });
    expect(parseView('?view=editor')).toEqual({ kind: 'presentation' });
  });

  it('takes the view parameter, not a value that merely contains it', () => {
    // `includes('view=edit')` took this for the edit view.
    expect(parseView('?title=view=edit')).toEqual({ kind: 'presentation' });
  });
});
