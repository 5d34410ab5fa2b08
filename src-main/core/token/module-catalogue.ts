// Which PKCS#11 libraries (token drivers) are installed here: the catalogue in resources/, plus a custom path.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CatalogueEntry {
  id: string;
  name: string;
  confirmed: boolean;
  paths: Partial<Record<NodeJS.Platform, string[]>>;
}

export interface DetectedModule {
  id: string;
  name: string;
  path: string;
  present: boolean;
}

export function readCatalogue(resourcesDir: string): CatalogueEntry[] {
  const file = join(resourcesDir, 'pkcs11-modules.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { modules: CatalogueEntry[] }).modules;
}

/**
 * Every catalogue path for this platform, marked present or not; a custom path (from Settings) comes
 * first. `exists` is injectable so the detection can be checked for other platforms.
 */
export function detectModules(
  catalogue: CatalogueEntry[],
  options: { platform?: NodeJS.Platform; customPath?: string; exists?: (path: string) => boolean } = {},
): DetectedModule[] {
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;
  const found: DetectedModule[] = [];
  if (options.customPath) found.push({ id: 'custom', name: 'custom', path: options.customPath, present: exists(options.customPath) });
  for (const entry of catalogue) {
    for (const path of entry.paths[platform] ?? []) found.push({ id: entry.id, name: entry.name, path, present: exists(path) });
  }
  return found;
}
