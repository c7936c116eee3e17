/** The notebook source format: Markdown and ts cells, +++ breaks, teacher-only blocks, Jupyter's JSON. */
import { describe, expect, it } from 'vitest';
import {
  buildNotebook,
  codeOfNotebook,
  kernelspec,
  NotebookSourceError,
  parseNotebookSource,
} from '../../src/node/notebookSource.ts';

const source = [
  '# Title',
  '',
  'Intro text.',
  '+++',
  'A second Markdown cell, with a shell example that stays Markdown:',
  '',
  '```sh',
  'npx civsim run x.yaml',
  '```',
  '',
  '```ts',
  'const a = 1;',
  '',
  'await print(a);',
  '```',
  '',
  '**Question.** Why?',
  '',
  ':::teacher',
  '**Answer.** Because.',
  '',
  '```ts',
  'await print(a + 1);',
  '```',
  ':::',
  '',
  '```ts',
  '```',
].join('\n');

describe('notebook sources', () => {
  it('split into Markdown and code cells, teacher blocks marked', () => {
    expect(parseNotebookSource(source)).toEqual([
      { kind: 'markdown', text: '# Title\n\nIntro text.', teacher: false },
      {
        kind: 'markdown',
        text: 'A second Markdown cell, with a shell example that stays Markdown:\n\n```sh\nnpx civsim run x.yaml\n```',
        teacher: false,
      },
      { kind: 'code', text: 'const a = 1;\n\nawait print(a);', teacher: false },
      { kind: 'markdown', text: '**Question.** Why?', teacher: false },
      { kind: 'markdown', text: '**Answer.** Because.', teacher: true },
      { kind: 'code', text: 'await print(a + 1);', teacher: true },
      { kind: 'code', text: '', teacher: false },
    ]);
  });

  it('say where a block is left open or closed twice', () => {
    expect(() => parseNotebookSource('text\n```ts\nx', 'a.md')).toThrow(
      new NotebookSourceError('a.md:2: code block never closed'),
    );
    expect(() => parseNotebookSource(':::teacher\nx', 'a.md')).toThrow('a.md:1: :::teacher never closed');
    expect(() => parseNotebookSource('x\n:::', 'a.md')).toThrow('a.md:2: ::: closes no teacher block');
    expect(() => parseNotebookSource(':::teacher\n:::teacher\n:::', 'a.md')).toThrow(
      'a.md:2: :::teacher inside a teacher block',
    );
  });

  it("build a student's notebook without the answers and a teacher's with them and a note", () => {
    const cells = parseNotebookSource(source);
    const student = JSON.parse(buildNotebook(cells, 'student', '01-x.ipynb'));
    const teacher = JSON.parse(buildNotebook(cells, 'teacher', '01-x.ipynb'));
    expect(student.nbformat).toBe(4);
    expect(student.nbformat_minor).toBe(5);
    expect(student.metadata.kernelspec).toEqual(kernelspec);
    expect(student.cells).toHaveLength(5);
    expect(JSON.stringify(student)).not.toContain('Answer');
    expect(teacher.cells).toHaveLength(8);
    expect(teacher.cells[1].source.join('')).toContain("Teacher's version");
    expect(teacher.cells[1].source.join('')).toContain('(../01-x.ipynb)');
    // Jupyter's own layout: source as lines with their newlines, code cells without outputs, unique ids
    expect(student.cells[2]).toEqual({
      cell_type: 'code',
      execution_count: null,
      id: 'cell-03',
      metadata: {},
      outputs: [],
      source: ['const a = 1;\n', '\n', 'await print(a);'],
    });
    expect(new Set(teacher.cells.map((c: { id: string }) => c.id)).size).toBe(teacher.cells.length);
  });

  it('are written as Jupyter writes: keys sorted, one-space indent, a final newline', () => {
    const text = buildNotebook(parseNotebookSource('# T'), 'student', 'x.ipynb');
    expect(text.startsWith('{\n "cells": [\n  {\n   "cell_type": "markdown",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it("give a notebook's code cells as one module, in order", () => {
    const text = buildNotebook(parseNotebookSource(source), 'teacher', 'x.ipynb');
    expect(codeOfNotebook(text)).toBe(
      '// cell 1\nconst a = 1;\n\nawait print(a);\n\n// cell 2\nawait print(a + 1);\n\n// cell 3\n\n',
    );
  });
});
