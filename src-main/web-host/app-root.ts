// Finds the app's root folder (the one with LaborDesk's package.json), from source or from out/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findAppRoot(start: string): string {
  let folder = start;
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'labordesk') {
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`LaborDesk's package.json not found above ${start}`);
    folder = parent;
  }
}
