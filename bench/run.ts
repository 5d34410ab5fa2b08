// Runs every benchmark (bench/*.bench.ts) in turn and prints a table of the figures.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './machine';

const folder = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => !only || name.startsWith(only))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(`${folder}${file}`).href)) as { run: () => BenchResult | Promise<BenchResult> };
  process.stdout.write(`bench ${file} ... `);
  const result = await module.run();
  results.push(result);
  console.log(`${result.value} ${result.unit}${result.ratio === undefined ? '' : `, ratio ${result.ratio}`} (target ${result.target})`);
}
console.table(results.map(({ name, value, unit, baseline, ratio, target }) => ({ name, value, unit, baseline, ratio, target })));
