// Memoised selectors: each remembers its last inputs and result, and lives in
// the selectors of one store, so two apps never share a cache.

/** A selector that recomputes only when one of its inputs changes (compared with Object.is). */
export function memo<S, D extends readonly unknown[], R>(deps: (s: S) => readonly [...D], compute: (...d: D) => R): (s: S) => R {
  let last: readonly unknown[] | null = null;
  let value!: R;
  return (s) => {
    const d = deps(s);
    if (last !== null && d.length === last.length && d.every((v, k) => Object.is(v, (last as readonly unknown[])[k]))) return value;
    value = compute(...(d as D));
    last = d;
    return value;
  };
}

/** One memoised selector per key, made on first use. */
export function memoByKey<S, K, R>(make: (key: K) => (s: S) => R): (s: S, key: K) => R {
  const byKey = new Map<K, (s: S) => R>();
  return (s, key) => {
    let f = byKey.get(key);
    if (!f) byKey.set(key, (f = make(key)));
    return f(s);
  };
}

/** Returns the previous array while a new one holds the same values, so views that did not change do not redraw. */
export function stableArray(): (next: ArrayLike<number>) => ArrayLike<number> {
  let prev: ArrayLike<number> | null = null;
  return (next) => {
    if (prev === next) return next;
    if (prev && prev.length === next.length) {
      let same = true;
      for (let k = 0; k < next.length && same; k++) same = Object.is(prev[k], next[k]);
      if (same) return prev;
    }
    prev = next;
    return next;
  };
}
