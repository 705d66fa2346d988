/**
 * Chinese sentences use full-width punctuation (，。：；？！（）). Every string literal in src/ that
 * holds a Han character is read with the TypeScript parser and checked for a half-width , . : ; ? ! ( )
 * touching a Han character (or one space away from it), which a zh-TW reader sees as a typo.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const HAN = /\p{Script=Han}/u;
const MIXED = /\p{Script=Han} ?[,.:;?!()]|[,.:;?!()] ?\p{Script=Han}/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function chineseLiterals(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (HAN.test(node.text)) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('zh-TW strings', () => {
  it('use full-width punctuation next to Chinese characters', () => {
    const offenders = sourceFiles(join(root, 'src')).flatMap((path) =>
      chineseLiterals(path)
        .filter((text) => MIXED.test(text))
        .map((text) => `${relative(root, path)}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the scan finds the Chinese strings it is meant to check', () => {
    const all = sourceFiles(join(root, 'src')).flatMap(chineseLiterals);
    expect(all.length).toBeGreaterThan(100);
    expect(MIXED.test('請稍候,再試一次')).toBe(true);
    expect(MIXED.test('請稍候，再試一次')).toBe(false);
  });
});
