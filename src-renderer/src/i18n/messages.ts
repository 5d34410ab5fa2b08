// The shape every language's text must have: the Vietnamese tree with each string widened.
import type { vi } from './vi';

export type MessageTree<T> = { readonly [K in keyof T]: T[K] extends string ? string : MessageTree<T[K]> };

/** en.ts is typed with this, so a missing or extra key fails the typecheck (a test checks it too). */
export type Messages = MessageTree<typeof vi>;
