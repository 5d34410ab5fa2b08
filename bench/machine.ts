// Describes the machine a benchmark ran on, and writes results as bench/results/NAME.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** The goal, as a comparison, e.g. ">= 0.7" (of the ratio) or "<= 50 ms". */
  target: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  at: string;
  notes?: string;
}

export function machine(): BenchResult['machine'] {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

export const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

export function writeResult(result: Omit<BenchResult, 'machine' | 'at'>): BenchResult {
  const full: BenchResult = { ...result, machine: machine(), at: new Date().toISOString() };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${result.name}.json`), `${JSON.stringify(full, null, 2)}\n`);
  return full;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
