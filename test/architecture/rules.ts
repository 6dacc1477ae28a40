/**
 * The architecture rules as functions from the scanned sources to violations ("file:line: what").
 * The tests in this folder assert each list is empty (after the known allow-list); keeping the
 * rules here lets a test plant a violation in memory and check that the rule catches it.
 */
import ts from 'typescript';
import { TABLE_OWNERS } from './ownership.ts';
import { cycles, isTest, lineOf, moduleOf, type SourceFile } from './scan.ts';

export type Violation = string;

/** Where a file may be imported from another module: its module's public surface. */
const isPublicSurface = (target: string) => /^src\/modules\/[^/]+\/index\.ts$/.test(target);

/** (a) file-level import cycles (type-only imports excluded: they vanish at run time). */
export function fileCycles(files: SourceFile[]): Violation[] {
  const edges = new Map<string, Set<string>>();
  const known = new Set(files.map((f) => f.path));
  for (const f of files) {
    const out = new Set<string>();
    for (const i of f.imports) if (!i.typeOnly && i.target && known.has(i.target)) out.add(i.target);
    edges.set(f.path, out);
  }
  return cycles(edges).map((c) => {
    const first = files.find((f) => f.path === c[0])!;
    const imp = first.imports.find((i) => i.target && c.includes(i.target))!;
    return `${c[0]}:${imp.line}: import cycle through ${c.join(' → ')}`;
  });
}

/** (a) module-level import cycles (any import, type-only too: a module's surface depends on the other's). */
export function moduleCycles(files: SourceFile[]): Violation[] {
  const edges = new Map<string, Set<string>>();
  const where = new Map<string, string>();
  for (const f of files) {
    const from = moduleOf(f.path);
    if (!from || isTest(f.path)) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    for (const i of f.imports) {
      const to = i.target ? moduleOf(i.target) : null;
      if (!to || to === from) continue;
      edges.get(from)!.add(to);
      if (!where.has(`${from}>${to}`)) where.set(`${from}>${to}`, `${f.path}:${i.line}`);
    }
  }
  return cycles(edges).map((c) => {
    const places = c.flatMap((a) => c.filter((b) => where.has(`${a}>${b}`)).map((b) => `${a} → ${b} at ${where.get(`${a}>${b}`)}`));
    return `${places[0]?.split(' at ')[1] ?? c[0]}: module cycle ${c.join(' ↔ ')} (${places.join('; ')})`;
  });
}

/** (b) platform stands below the modules: nothing in src/platform imports src/modules. */
export function platformImportsModules(files: SourceFile[]): Violation[] {
  return files
    .filter((f) => f.path.startsWith('src/platform/'))
    .flatMap((f) =>
      f.imports.filter((i) => i.target?.startsWith('src/modules/')).map((i) => `${f.path}:${i.line}: platform imports ${i.spec}`),
    );
}

/**
 * (c) another module is reached only through its index.ts — from a module, and from the CLI, the
 * composition root, tests and benches alike.
 */
export function deepImports(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    const from = moduleOf(f.path);
    for (const i of f.imports) {
      const to = i.target ? moduleOf(i.target) : null;
      if (!to || to === from || isPublicSurface(i.target!)) continue;
      out.push(`${f.path}:${i.line}: imports ${i.spec} — another module is reached through src/modules/${to}/index.ts`);
    }
  }
  return out;
}

const IMPURE_PACKAGES =
  /^(node:)?(fs|fs\/promises|child_process|net|http|https)$|^(pg|pg-boss|kysely|fastify)$|^@fastify\/|^@electric-sql\//;
const IMPURE_LAYERS = /\/(db|http|use-cases|load|jobs|webhooks|web)\//;
const IMPURE_PLATFORM = /^src\/platform\/(db\/|http\/|audit\.ts|outbox\.ts|jobs\.ts|numbering\.ts|boot\.ts)/;

/** (d) domain/ is pure: no db, http, use cases, loaders, file system, driver or web framework. */
export function impureDomain(files: SourceFile[]): Violation[] {
  return files
    .filter((f) => /^src\/modules\/[^/]+\/domain\//.test(f.path) && !isTest(f.path))
    .flatMap((f) =>
      f.imports
        .filter((i) =>
          i.target
            ? IMPURE_PLATFORM.test(i.target) || (moduleOf(i.target) === moduleOf(f.path) && IMPURE_LAYERS.test(i.target))
            : IMPURE_PACKAGES.test(i.spec),
        )
        .map((i) => `${f.path}:${i.line}: domain code imports ${i.spec}`),
    );
}

const KYSELY_TABLE_CALLS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'replaceInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'using',
]);
/** A table after a SQL keyword that names one: from / join / into / update / table / references. */
const SQL_TABLE = /\b(?:from|join|into|update|table|references)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Who may name tables in a file: its module, 'platform' for src/platform, null (nobody) elsewhere. */
function ownerOfFile(path: string): string | null {
  if (path.startsWith('src/platform/')) return 'platform';
  return moduleOf(path);
}

/** Every table a file names in Kysely calls and in `sql` template text, with its line. */
export function tablesNamed(f: SourceFile): { table: string; line: number }[] {
  const out: { table: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && KYSELY_TABLE_CALLS.has(node.expression.name.text)) {
      const arg = node.arguments[0];
      const names = arg && ts.isArrayLiteralExpression(arg) ? arg.elements : arg ? [arg] : [];
      for (const a of names) {
        if (ts.isStringLiteralLike(a)) out.push({ table: a.text.trim().split(/\s+/)[0]!, line: lineOf(f, a.getStart(f.ast)) });
      }
    }
    if (ts.isTaggedTemplateExpression(node) && /^sql(\.\w+)?$/.test(node.tag.getText(f.ast))) {
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t)
        ? [{ text: t.text, pos: t.getStart(f.ast) }]
        : [
            { text: t.head.text, pos: t.head.getStart(f.ast) },
            ...t.templateSpans.map((s) => ({ text: s.literal.text, pos: s.literal.getStart(f.ast) })),
          ];
      for (const p of parts) {
        for (const m of p.text.matchAll(SQL_TABLE)) {
          const before = p.text.slice(0, m.index);
          out.push({ table: m[1]!.toLowerCase(), line: lineOf(f, p.pos) + (before.match(/\n/g)?.length ?? 0) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(f.ast);
  return out;
}

/** (e) a module's code names only its own tables (the ownership map); the CLI names none. */
export function foreignTables(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    if (isTest(f.path) || f.path.startsWith('src/platform/db/migrate')) continue;
    const owner = ownerOfFile(f.path);
    for (const { table, line } of tablesNamed(f)) {
      const tableOwner = TABLE_OWNERS[table];
      if (!tableOwner || tableOwner === owner) continue;
      out.push(`${f.path}:${line}: names table ${table}, owned by ${tableOwner}${owner ? '' : ' (outside any module)'}`);
    }
  }
  return out;
}

/** (f) "now" is read only through the clock: no `new Date()` without an argument, no `Date.now()`. */
export function readsOfNow(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    if (f.path === 'src/platform/clock.ts') continue;
    const visit = (node: ts.Node) => {
      if (ts.isNewExpression(node) && node.expression.getText(f.ast) === 'Date' && !node.arguments?.length) {
        out.push(`${f.path}:${lineOf(f, node.getStart(f.ast))}: new Date() reads the current time — use the clock`);
      }
      if (ts.isCallExpression(node) && node.expression.getText(f.ast) === 'Date.now') {
        out.push(`${f.path}:${lineOf(f, node.getStart(f.ast))}: Date.now() reads the current time — use the clock`);
      }
      ts.forEachChild(node, visit);
    };
    visit(f.ast);
  }
  return out;
}
