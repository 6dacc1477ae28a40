/**
 * A small source scanner for the architecture tests: every .ts file under src/ (and the other roots),
 * its imports resolved to repository paths with their lines, and helpers to place a file in a module.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Import {
  /** the specifier as written */
  spec: string;
  /** repository-relative target ('src/modules/x/index.ts'), or null for a package / node: import */
  target: string | null;
  line: number;
  typeOnly: boolean;
}
export interface SourceFile {
  /** repository-relative path with forward slashes */
  path: string;
  text: string;
  imports: Import[];
  ast: ts.SourceFile;
}

function walk(dir: string, out: string[]): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(e) && !e.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const cache = new Map<string, SourceFile[]>();

/** Every TypeScript file under the given repository folders (default: src). */
export function sources(...roots: string[]): SourceFile[] {
  const key = (roots.length ? roots : ['src']).join(',');
  const hit = cache.get(key);
  if (hit) return hit;
  const files = (roots.length ? roots : ['src']).flatMap((r) => walk(join(ROOT, r), [])).map(parse);
  cache.set(key, files);
  return files;
}

export function parse(abs: string): SourceFile {
  return parseText(relative(ROOT, abs).split('\\').join('/'), readFileSync(abs, 'utf8'));
}

/** Scans `text` as if it were the file at the repository path `path` (the tests plant violations this way). */
export function parseText(path: string, text: string): SourceFile {
  const abs = join(ROOT, path);
  const ast = ts.createSourceFile(abs, text, ts.ScriptTarget.ES2022, true);
  const imports: Import[] = [];
  const add = (spec: string, node: ts.Node, typeOnly: boolean) => {
    const target = spec.startsWith('.')
      ? relative(ROOT, resolve(dirname(abs), spec))
          .split('\\')
          .join('/')
      : null;
    imports.push({ spec, target, line: ast.getLineAndCharacterOfPosition(node.getStart(ast)).line + 1, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const typeOnly = ts.isImportDeclaration(node) ? !!node.importClause?.isTypeOnly : node.isTypeOnly;
      add(node.moduleSpecifier.text, node, typeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, node, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(ast);
  return { path, text, imports, ast };
}

/** 'src/modules/visas/db/x.ts' → 'visas'; null outside src/modules. */
export function moduleOf(path: string): string | null {
  const m = /^src\/modules\/([^/]+)\//.exec(path);
  return m ? m[1]! : null;
}

export function isTest(path: string): boolean {
  return /\.test\.tsx?$|\.fixtures?\.ts$/.test(path);
}

export function lineOf(f: SourceFile, pos: number): number {
  return f.ast.getLineAndCharacterOfPosition(pos).line + 1;
}

/** Finds the cycles of a directed graph (one per strongly connected component of size > 1, or a self loop). */
export function cycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || edges.get(v)?.has(v)) out.push(comp.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) strong(v);
  return out;
}
