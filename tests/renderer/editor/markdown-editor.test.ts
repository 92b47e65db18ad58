// @vitest-environment happy-dom
import { ensureSyntaxTree } from '@codemirror/language';
import { forEachDiagnostic } from '@codemirror/lint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkdownEditor } from '../../../src/renderer/editor/markdown-editor';
import { createProblem } from '../../../src/shared/deck/problems';

const SEGMENT = '---\ntitle: Paris\nlayout: title\n---\n# The handover\n\nLos Angeles is next.\n';

function openEditor(text: string): MarkdownEditor {
  document.body.replaceChildren();
  const host = document.createElement('div');
  document.body.append(host);
  const editor = new MarkdownEditor(host, { onChange: vi.fn(), onCursorLine: vi.fn(), onSave: vi.fn() });
  editor.open('1-intro.md', text);
  return editor;
}

/** The syntax node names covering each 1-based line of the editor's text. */
function nodeNamesByLine(editor: MarkdownEditor): Map<number, Set<string>> {
  const state = editor.view.state;
  const names = new Map<number, Set<string>>();
  ensureSyntaxTree(state, state.doc.length, 5000)!.iterate({
    enter: (node) => {
      const first = state.doc.lineAt(node.from).number;
      const last = state.doc.lineAt(node.to).number;
      for (let line = first; line <= last; line++) {
        if (!names.has(line)) names.set(line, new Set());
        names.get(line)!.add(node.name);
      }
    },
  });
  return names;
}

function diagnostics(editor: MarkdownEditor): { line: number; severity: string; message: string }[] {
  const found: { line: number; severity: string; message: string }[] = [];
  forEachDiagnostic(editor.view.state, (diagnostic, from) =>
    found.push({ line: editor.view.state.doc.lineAt(from).number, severity: diagnostic.severity, message: diagnostic.message }),
  );
  return found;
}

describe('MarkdownEditor', () => {
  let editor: MarkdownEditor | null = null;
  afterEach(() => editor?.view.destroy());

  it('reads the leading --- block as YAML, not as a Markdown setext heading', () => {
    editor = openEditor(SEGMENT);
    const names = nodeNamesByLine(editor);
    // Markdown alone reads `layout: title` above `---` as a level-2 setext heading.
    expect(names.get(3)).not.toContain('SetextHeading2');
    expect([...names.get(2)!].some((name) => /Pair|Mapping/.test(name))).toBe(true);
    expect(names.get(5)).toContain('ATXHeading1');
  });

  it("marks the open file's problems on their lines, and only that file's", async () => {
    editor = openEditor(SEGMENT);
    editor.showProblems([
      createProblem('bad-front-matter', '1-intro.md', 2, 'invalid front matter: the " opened on this line is never closed'),
      createProblem('no-notes', '1-intro.md', 5, 'slide has no speaker notes'),
      createProblem('missing-file', '2-other.md', 1, 'image "x.png" not found (x.png)'),
    ]);
    await Promise.resolve();
    expect(diagnostics(editor)).toEqual([
      { line: 2, severity: 'error', message: 'invalid front matter: the " opened on this line is never closed' },
      { line: 5, severity: 'warning', message: 'slide has no speaker notes' },
    ]);
    editor.showProblems([]);
    await Promise.resolve();
    expect(diagnostics(editor)).toEqual([]);
  });
});
