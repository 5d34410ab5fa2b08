// Finds every import of a TypeScript source (static, re-export, dynamic, require) and checks the layer rules.
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';

export interface ImportRef {
  specifier: string;
  /** `import type`, `export type`, or an `import('x').T` type query: erased at build time. */
  typeOnly: boolean;
  line: number;
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

export function scanImports(fileName: string, source: string): ImportRef[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const found: ImportRef[] = [];
  const add = (node: ts.Node, specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    found.push({ specifier: specifier.text, typeOnly, line });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      add(node, node.moduleSpecifier, isTypeOnlyImport(node));
    } else if (ts.isExportDeclaration(node)) {
      add(node, node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node)) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isDynamicImport || isRequire) add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** `import type {…}` or `import { type A, type B }` (every binding type-only, none default). */
function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs code
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    clause.name === undefined &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

type Layer =
  | 'src-common'
  | 'src-renderer'
  | 'src-preload'
  | 'src-main/core'
  | 'src-main/electron'
  | 'src-main/web-host'
  | 'src-main'
  | 'portal'
  | 'resources'
  | 'other';

const layers: Layer[] = [
  'src-main/core',
  'src-main/electron',
  'src-main/web-host',
  'src-main',
  'src-common',
  'src-renderer',
  'src-preload',
  'portal',
  'resources',
];

/** The layer of a repository-relative path (posix separators). */
export function layerOf(path: string): Layer {
  return layers.find((layer) => path === layer || path.startsWith(`${layer}/`)) ?? 'other';
}

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/** Packages that only work in Node (native code, sockets, servers, Electron's main side). */
const nodeOnlyPackages = ['better-sqlite3', 'drizzle-orm', 'drizzle-kit', 'ws', 'electron-updater', 'pkcs11js', 'fastify', 'pg', '@electric-sql/pglite', '@node-rs/argon2'];

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);
const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || nodeBuiltins.has(packageName(specifier)) || nodeBuiltins.has(specifier);
const isNodeOnlyPackage = (specifier: string) => nodeOnlyPackages.includes(packageName(specifier));

/** Checks one file (`file` relative to the repository root, posix separators) against the rules. */
export function checkFile(file: string, source: string): Violation[] {
  const from = layerOf(file);
  const violations: Violation[] = [];
  for (const ref of scanImports(file, source)) {
    const isRelative = ref.specifier.startsWith('.');
    const target = isRelative ? layerOf(posix.normalize(posix.join(posix.dirname(file), ref.specifier))) : null;
    const rule = brokenRule(from, ref, target);
    if (rule) violations.push({ file, line: ref.line, specifier: ref.specifier, rule });
  }
  return violations;
}

function brokenRule(from: Layer, ref: ImportRef, target: Layer | null): string | null {
  const { specifier, typeOnly } = ref;
  if (isElectron(specifier) && from !== 'src-main/electron' && from !== 'src-preload') {
    return "only src-main/electron and src-preload may import 'electron'";
  }
  const ours = (allowed: Layer[]) => target !== null && target !== from && !allowed.includes(target);
  switch (from) {
    case 'src-common':
      // Shared reference data (administrative units, holidays) lives in resources/ as JSON.
      if (target === 'resources' && specifier.endsWith('.json')) return null;
      if (ours([])) return 'src-common imports nothing of ours outside src-common (but JSON data in resources/)';
      if (isNodeBuiltin(specifier) || isNodeOnlyPackage(specifier)) return 'src-common must not use Node APIs';
      return null;
    case 'src-renderer':
      if (target === 'src-preload' && typeOnly) return null; // the window.labordesk typing
      if (ours(['src-common'])) return 'src-renderer imports src-common only (and `import type` of src-preload)';
      if (isNodeBuiltin(specifier) || isNodeOnlyPackage(specifier)) return 'src-renderer must not import Node modules';
      return null;
    case 'src-preload':
      if (ours(['src-common'])) return 'src-preload imports src-common and electron only';
      if (isNodeBuiltin(specifier) || isNodeOnlyPackage(specifier)) return 'a sandboxed preload cannot load Node modules';
      return null;
    case 'src-main/core':
      if (ours(['src-common'])) return 'src-main/core imports src-common only (no shell, no renderer)';
      return null;
    case 'src-main/electron':
    case 'src-main/web-host':
      if (ours(['src-main/core', 'src-common'])) return `${from} imports src-main/core and src-common only`;
      return null;
    case 'portal':
      if (ours(['src-common'])) return 'portal imports src-common only';
      return null;
    default:
      return null;
  }
}
