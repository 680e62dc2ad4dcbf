/**
 * Counts what the compiler cannot check in production code — `any`, `as` casts (not `as const`) and
 * non-null `!` — per package, and lists the longest functions. `pnpm metrics` prints it; compare two
 * commits by running it on each.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const sourceRoots = ['packages', 'services'].flatMap((dir) =>
  readdirSync(join(root, dir)).map((name) => join(root, dir, name, 'src')),
);

const filesUnder = (dir: string): string[] => {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
};

interface Counts {
  files: number;
  lines: number;
  any: number;
  casts: number;
  nonNull: number;
}
interface FunctionLength {
  name: string;
  where: string;
  lines: number;
}

const perPackage = new Map<string, Counts>();
const functions: FunctionLength[] = [];

const nameOf = (node: ts.Node): string => {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
};

for (const file of sourceRoots.flatMap(filesUnder)) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const where = relative(root, file);
  const pkg = where.split('/').slice(0, 2).join('/');
  const counts = perPackage.get(pkg) ?? { files: 0, lines: 0, any: 0, casts: 0, nonNull: 0 };
  counts.files += 1;
  counts.lines += text.split('\n').length;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) counts.any += 1;
    if ((ts.isAsExpression(node) && node.type.getText() !== 'const') || ts.isTypeAssertionExpression(node)) counts.casts += 1;
    if (ts.isNonNullExpression(node)) counts.nonNull += 1;
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      functions.push({ name: nameOf(node), where: `${where}:${start + 1}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  perPackage.set(pkg, counts);
}

const rows = [...perPackage.entries()].sort(([a], [b]) => a.localeCompare(b));
const total = rows.reduce<Counts>(
  (sum, [, c]) => ({ files: sum.files + c.files, lines: sum.lines + c.lines, any: sum.any + c.any, casts: sum.casts + c.casts, nonNull: sum.nonNull + c.nonNull }),
  { files: 0, lines: 0, any: 0, casts: 0, nonNull: 0 },
);
console.log('production code (src/ of every package and service)\n');
console.log('| package | files | lines | any | as casts | ! |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [pkg, c] of [...rows, ['total', total] as const]) console.log(`| ${pkg} | ${c.files} | ${c.lines} | ${c.any} | ${c.casts} | ${c.nonNull} |`);
console.log('\nlongest functions\n');
console.log('| lines | function | where |');
console.log('|---:|---|---|');
for (const f of functions.sort((a, b) => b.lines - a.lines).slice(0, 5)) console.log(`| ${f.lines} | ${f.name} | ${f.where} |`);
