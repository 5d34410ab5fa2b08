// Runs every benchmark (bench/*.bench.ts) in turn and prints a table of the figures. A module's `run()`
// gives one result or several (e.g. the same measurement on two databases).
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './machine';

type Outcome = BenchResult | BenchResult[];

const folder = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => !only || name.startsWith(only))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(`${folder}${file}`).href)) as { run: () => Outcome | Promise<Outcome> };
  console.log(`bench ${file} ...`);
  const outcome = [await module.run()].flat();
  for (const result of outcome) {
    results.push(result);
    console.log(`  ${result.name}: ${result.value} ${result.unit}${result.ratio === undefined ? '' : `, ratio ${result.ratio}`} (target ${result.target})`);
  }
}
console.table(results.map(({ name, value, unit, baseline, ratio, target }) => ({ name, value, unit, baseline: baseline ?? '', ratio: ratio ?? '', target })));
