// Building blocks of the contract: a method is a pair of zod schemas, an area is a map of methods.
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

/** Keeps the literal method names (`area:verb`) while checking each entry's shape. */
export function defineArea<const T extends Record<`${string}:${string}`, MethodSpec>>(area: T): T {
  return area;
}
