import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/shared/export/export-options';
import { DEFAULT_EXPORT_CHOICES, exportOptionsFromChoices, parseExportChoices, parsePptxExportChoices } from '../../../src/shared/export/export-api';

describe('parseExportChoices', () => {
  it('takes the dialog’s choices as they are, a blank range meaning every slide', () => {
    const choices = { range: '1-5,8', fragments: true, notes: 'handout', perPage: 6, paper: 'letter', outline: false, tags: false, maxImageDpi: 150 };
    expect(parseExportChoices(choices)).toEqual(choices);
    expect(parseExportChoices({ ...DEFAULT_EXPORT_CHOICES, range: '  ' })).toEqual(DEFAULT_EXPORT_CHOICES);
  });

  describe('when a field is missing, extra or of the wrong type', () => {
    it.each([
      [null, 'expected the export options as an object'],
      [[], 'expected the export options as an object'],
      [{ ...DEFAULT_EXPORT_CHOICES, output: '/etc/passwd' }, /^expected exactly these export options/],
      [Object.fromEntries(Object.entries(DEFAULT_EXPORT_CHOICES).filter(([key]) => key !== 'outline')), /^expected exactly these/],
      [{ ...DEFAULT_EXPORT_CHOICES, outline: undefined }, 'outline: expected true or false'],
      [{ ...DEFAULT_EXPORT_CHOICES, range: 5 }, 'range: expected null or text like 1-5,8'],
      [{ ...DEFAULT_EXPORT_CHOICES, fragments: 'yes' }, 'fragments: expected true or false'],
      [{ ...DEFAULT_EXPORT_CHOICES, notes: 'all' }, 'notes: expected none, pages or handout'],
      [{ ...DEFAULT_EXPORT_CHOICES, perPage: '3' }, 'perPage: expected 1, 2, 3 or 6'],
      [{ ...DEFAULT_EXPORT_CHOICES, paper: 'A4' }, 'paper: expected a4 or letter'],
      [{ ...DEFAULT_EXPORT_CHOICES, maxImageDpi: 0 }, /^maxImageDpi: expected null or a whole number from 1/],
      [{ ...DEFAULT_EXPORT_CHOICES, maxImageDpi: 150.5 }, /^maxImageDpi/],
    ])('refuses %j with a sentence', (value, message) => {
      const parsed = parseExportChoices(value);
      expect(typeof parsed).toBe('string');
      expect(parsed).toMatch(message);
    });
  });
});

describe('exportOptionsFromChoices', () => {
  it('lays the choices over the options every host shares', () => {
    expect(exportOptionsFromChoices({ ...DEFAULT_EXPORT_CHOICES, notes: 'pages' })).toEqual({ ...DEFAULT_EXPORT_OPTIONS, notes: 'pages' });
  });
});

describe('parsePptxExportChoices', () => {
  it('takes the PDF dialog\'s choices and whether each slide is one picture', () => {
    expect(parsePptxExportChoices({ choices: { ...DEFAULT_EXPORT_CHOICES, range: '2-3' }, pictures: true })).toEqual({
      choices: { ...DEFAULT_EXPORT_CHOICES, range: '2-3' },
      pictures: true,
    });
  });

  it('says what is wrong with anything else', () => {
    expect(parsePptxExportChoices(DEFAULT_EXPORT_CHOICES)).toBe('expected exactly these fields: choices, pictures');
    expect(parsePptxExportChoices({ choices: DEFAULT_EXPORT_CHOICES, pictures: 1 })).toBe('pictures: expected true or false');
    expect(parsePptxExportChoices({ choices: { ...DEFAULT_EXPORT_CHOICES, notes: 'all' }, pictures: false })).toBe('notes: expected none, pages or handout');
    expect(parsePptxExportChoices({ choices: DEFAULT_EXPORT_CHOICES, pictures: false, output: '/etc/passwd' })).toBe('expected exactly these fields: choices, pictures');
    expect(parsePptxExportChoices(null)).toBe('expected {choices, pictures}');
  });
});
