// What every view of one app reads: its store, its strings and its KaTeX
// cache, provided once at the top. Two apps on a page each have their own.
import { createContext, useContext, useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store/store.ts';
import type { Selectors } from '../store/selectors.ts';
import { catalogueFor, wordingFor } from './strings/catalogues.ts';
import type { CataloguePart } from './strings/en.ts';
import { createI18n, type I18n } from './strings/i18n.ts';
import { afterFirstPaint, createTexCache, type TexCache } from './texCache.ts';

/** Where the player's keys are heard: the whole page (one app per page), or only inside this app. */
export type KeyScope = 'page' | 'own';

interface AppContextValue {
  store: AppStore;
  tex: TexCache;
  keys: KeyScope;
}

const AppContext = createContext<AppContextValue | null>(null);
const I18nContext = createContext<I18n | null>(null);

/** The strings of the store's locale, remade only when the locale changes. */
function I18nProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  const locale = useStore(store, (s) => s.locale);
  const i18n = useMemo(() => createI18n(locale, catalogueFor(locale), { wording: wordingFor(locale) }), [locale]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

/**
 * Provides one app's store, strings and KaTeX cache to the views below it. The cache loads KaTeX after the
 * first paint, unless one is given that has it already (as tests do, to see formulas typeset at once).
 */
export function StoreProvider({ store, keys = 'page', tex: given, children }: { store: AppStore; keys?: KeyScope; tex?: TexCache; children: ReactNode }) {
  const [tex] = useState(() => given ?? createTexCache());
  useEffect(() => afterFirstPaint(() => void tex.load()), [tex]);
  const value = useMemo(() => ({ store, tex, keys }), [store, tex, keys]);
  return (
    <AppContext.Provider value={value}>
      <I18nProvider store={store}>{children}</I18nProvider>
    </AppContext.Provider>
  );
}

function useAppContext(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('useApp: no StoreProvider above this component');
  return v;
}

/** The store itself, for actions and imperative reads. */
export function useAppStore(): AppStore {
  return useAppContext().store;
}

/** The store's memoised selectors. */
export function useSelectors(): Selectors {
  return useAppContext().store.select;
}

/** Reads one slice of state; re-renders only when the selected value changes. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

/** The app's strings and number formatter. */
export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n: no StoreProvider above this component');
  return v;
}

/**
 * A view that loads later, given the part of the catalogue it brought with it (en/lazy/): the view and everything
 * below it read the app's strings and that part, worded for the app's locale.
 */
export function withStrings<P extends object>(parts: readonly CataloguePart[], View: ComponentType<P>): ComponentType<P> {
  function WithStrings(props: P) {
    const base = useI18n();
    const i18n = useMemo(() => parts.reduce((s, part) => s.with(part), base), [base]);
    return (
      <I18nContext.Provider value={i18n}>
        <View {...props} />
      </I18nContext.Provider>
    );
  }
  WithStrings.displayName = `withStrings(${View.displayName ?? View.name})`;
  return WithStrings;
}

/** The app's KaTeX cache. */
export function useTexCache(): TexCache {
  return useAppContext().tex;
}

/** Where the player's keys are heard. */
export function useKeyScope(): KeyScope {
  return useAppContext().keys;
}
