// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { h } from '../../src/renderer/dom';

describe('h', () => {
  it('builds an element with its properties, attributes, data, style and children, as text never as HTML', () => {
    const button = h(
      'button',
      { type: 'button', title: 'Save', className: 'primary', attrs: { 'aria-pressed': 'true', hidden: false }, dataset: { file: 'a.md' }, style: { width: '3px' } },
      h('span', {}, '<b>1</b>'),
      null,
      false,
      ' two',
    );
    expect(button.outerHTML).toBe(
      '<button type="button" title="Save" class="primary" aria-pressed="true" data-file="a.md" style="width: 3px;"><span>&lt;b&gt;1&lt;/b&gt;</span> two</button>',
    );
  });

  it('adds listeners that the signal removes', () => {
    const lifetime = new AbortController();
    let clicks = 0;
    const button = h('button', { on: { click: () => clicks++ }, signal: lifetime.signal });
    button.click();
    lifetime.abort();
    button.click();
    expect(clicks).toBe(1);
  });
});
