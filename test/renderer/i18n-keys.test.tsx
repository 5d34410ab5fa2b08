// The two UI languages have exactly the same keys and the same {{placeholders}} per key.
import { describe, expect, it } from 'vitest';
import { en } from '../../src-renderer/src/i18n/en';
import { vi } from '../../src-renderer/src/i18n/vi';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [childPath, text] of flatten(value, path)) out.set(childPath, text);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('UI text', () => {
  const viKeys = flatten(vi);
  const enKeys = flatten(en);

  it('has the same key set in Vietnamese and English', () => {
    expect([...enKeys.keys()].sort()).toEqual([...viKeys.keys()].sort());
  });

  it('has no empty text', () => {
    const empty = [...viKeys, ...enKeys].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const differing = [...viKeys]
      .filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(enKeys.get(key) ?? '')))
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });
});
