import { LOCALES, type Locale } from '../locale.ts';

type Tree = { [key: string]: unknown };
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Areas merged path by path; a path held by two areas is an error, so each word has one home. */
export function mergeAreas(areas: object[], at = ''): Tree {
  const out: Tree = {};
  for (const area of areas)
    for (const [key, value] of Object.entries(area)) {
      const prev = out[key];
      if (prev === undefined) out[key] = value;
      else if (isTree(prev) && isTree(value)) out[key] = mergeAreas([prev, value], `${at}${key}.`);
      else throw new Error(`Two text areas hold ${at}${key}`);
    }
  return out;
}

/**
 * The words of several areas as one tree per language, for a renderer that needs them all
 * (`t.common.siteName` beside `t.email.verify.subject`). Call it at module scope marked pure
 * (a `@__PURE__` comment), so a bundle that does not use the renderer drops the call and the areas.
 */
export function textsOf<A extends Record<Locale, object>[]>(...areas: A): Record<Locale, Intersection<A[number][Locale]>> {
  return Object.fromEntries(LOCALES.map((l) => [l, mergeAreas(areas.map((a) => a[l]))])) as Record<Locale, Intersection<A[number][Locale]>>;
}
