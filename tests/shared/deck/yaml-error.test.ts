import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { explainYamlError } from '../../../src/shared/deck/yaml-error';

function explain(text: string) {
  const error = parseDocument(text, { prettyErrors: false, uniqueKeys: true }).errors[0];
  if (!error) throw new Error(`no YAML error in ${JSON.stringify(text)}`);
  return explainYamlError(text, error);
}

describe('explainYamlError', () => {
  it('points an unclosed quote at the line that opened it, not the end of the block', () => {
    const report = explain('layout: title\ntitle: "Paris 2024\nnotes: the end\nduration: 3\n');
    expect(report.line).toBe(2);
    expect(report.message).toBe('the " opened on this line is never closed: end the value with " on the same line');
  });

  it('finds an unclosed single quote among closed ones', () => {
    const report = explain("a: 'fine'\nb: 'not closed\nc: 1\n");
    expect(report).toEqual({ line: 2, message: expect.stringContaining("the ' opened on this line") });
  });

  it('says to quote a value that holds ": " instead of naming compact mappings', () => {
    const report = explain('layout: title\ntitle: Paris: the end\n');
    expect(report.line).toBe(2);
    expect(report.message).toContain('put the whole value in quotes, as in title: "Paris: the end"');
    expect(report.message).not.toMatch(/compact mappings/);
  });

  it('says where text goes on after a closing quote, and how to write an apostrophe', () => {
    expect(explain('title: "Paris" 2024\n').message).toMatch(/^text goes on after the closing quote of `title`/);
    expect(explain("title: 'It's over\n").message).toContain("write an apostrophe as ''");
  });

  it('names a key set twice, a tab, an unclosed [ list and a stray line', () => {
    expect(explain('title: a\ntitle: b\n')).toEqual({ line: 2, message: '`title` is set twice: keep one of them' });
    expect(explain('tags:\n\t- a\n').message).toBe('this line is indented with a tab: YAML indents with spaces only');
    expect(explain('title: x\ntags: [a, b\nduration: 3\n')).toEqual({
      line: 2,
      message: 'a list opened with [ is never closed with ] on its line',
    });
    expect(explain('a: 1\n- b\n')).toEqual({ line: 2, message: 'this line is neither `key: value` nor part of the value above it' });
  });
});
