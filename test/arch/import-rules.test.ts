// Architecture: import directions between layers (ARCHITECTURE.md §1, §8.1), checked over the real tree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, scanImports, type Violation } from './import-scanner';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scannedFolders = ['src-main', 'src-preload', 'src-renderer', 'src-common', 'portal'];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [path] : [];
  });
}

const describeViolation = (v: Violation) => `${v.file}:${v.line} imports '${v.specifier}': ${v.rule}`;

describe('import rules', () => {
  it('hold for every source file', () => {
    const files = scannedFolders.flatMap((folder) => sourceFiles(join(root, folder)));
    expect(files.length).toBeGreaterThan(0);
    const violations = files.flatMap((path) =>
      checkFile(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8')),
    );
    // The message lists every offending file and import, so one run shows all of them.
    expect(violations.map(describeViolation), violations.map(describeViolation).join('\n')).toEqual([]);
  });
});

describe('import scanner (self-check: it must see the violations it is meant to catch)', () => {
  const rulesBroken = (file: string, source: string) => checkFile(file, source).map((v) => v.specifier);

  it('finds static, re-export, dynamic, require and import-equals forms with their lines', () => {
    const source = [
      "import a from 'a';",
      "import type { B } from 'b';",
      "export * from 'c';",
      "export type { D } from 'd';",
      "const e = await import('e');",
      "const f = require('f');",
      "import g = require('g');",
      "let h: import('h').H;",
      "import { type I } from 'i';",
      "import 'j';",
    ].join('\n');
    expect(scanImports('x.ts', source)).toEqual([
      { specifier: 'a', typeOnly: false, line: 1 },
      { specifier: 'b', typeOnly: true, line: 2 },
      { specifier: 'c', typeOnly: false, line: 3 },
      { specifier: 'd', typeOnly: true, line: 4 },
      { specifier: 'e', typeOnly: false, line: 5 },
      { specifier: 'f', typeOnly: false, line: 6 },
      { specifier: 'g', typeOnly: false, line: 7 },
      { specifier: 'h', typeOnly: true, line: 8 },
      { specifier: 'i', typeOnly: true, line: 9 },
      { specifier: 'j', typeOnly: false, line: 10 },
    ]);
  });

  it("catches 'electron' outside the Electron shell and the preload", () => {
    expect(rulesBroken('src-main/core/x.ts', "import { app } from 'electron';")).toEqual(['electron']);
    expect(rulesBroken('src-main/web-host/x.ts', "const { ipcMain } = require('electron/main');")).toEqual(['electron/main']);
    expect(rulesBroken('src-renderer/src/x.tsx', "import type { IpcRenderer } from 'electron';")).toEqual(['electron']);
    expect(rulesBroken('src-main/electron/x.ts', "import { app } from 'electron';")).toEqual([]);
    expect(rulesBroken('src-preload/x.ts', "import { contextBridge } from 'electron';")).toEqual([]);
  });

  it('catches the renderer reaching into main, the preload or Node', () => {
    const file = 'src-renderer/src/pages/Settings.tsx';
    expect(rulesBroken(file, "import { createCore } from '../../../src-main/core';")).toEqual(['../../../src-main/core']);
    expect(rulesBroken(file, "const core = await import('../../../src-main/core/index');")).toEqual(['../../../src-main/core/index']);
    expect(rulesBroken(file, "import { createPreloadApi } from '../../../src-preload/api';")).toEqual(['../../../src-preload/api']);
    expect(rulesBroken(file, "import type { PreloadApi } from '../../../src-preload/api';")).toEqual([]);
    expect(rulesBroken(file, "import { readFile } from 'node:fs/promises';")).toEqual(['node:fs/promises']);
    expect(rulesBroken(file, "import path from 'path';")).toEqual(['path']);
    expect(rulesBroken(file, "import Database from 'better-sqlite3';")).toEqual(['better-sqlite3']);
    expect(rulesBroken(file, "import { contract } from '../../../src-common/contract';")).toEqual([]);
    expect(rulesBroken(file, "import { Button } from '@mantine/core';")).toEqual([]);
  });

  it('catches src-common importing our other layers or Node', () => {
    expect(rulesBroken('src-common/x.ts', "export * from '../src-main/core/logger';")).toEqual(['../src-main/core/logger']);
    expect(rulesBroken('src-common/x.ts', "import { createHash } from 'node:crypto';")).toEqual(['node:crypto']);
    expect(rulesBroken('src-common/contract/x.ts', "import { z } from 'zod';\nimport { x } from '../errors';")).toEqual([]);
  });

  it('catches the core importing the renderer or a shell', () => {
    expect(rulesBroken('src-main/core/x.ts', "import { App } from '../../src-renderer/src/App';")).toEqual(['../../src-renderer/src/App']);
    expect(rulesBroken('src-main/core/x.ts', "import { x } from '../electron/main';")).toEqual(['../electron/main']);
    expect(rulesBroken('src-main/core/x.ts', "import { readFileSync } from 'node:fs';")).toEqual([]);
    expect(rulesBroken('src-main/web-host/x.ts', "import { createCore } from '../core';")).toEqual([]);
  });
});
