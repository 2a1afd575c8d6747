// A KaTeX cache with KaTeX already in hand, for component tests that read typeset formulas straight after a
// render (the app's own cache loads KaTeX after the first paint and shows plain text until then).
import katex from 'katex';
import { createTexCache, type TexCache } from '../../src/ui/texCache.ts';

/** A cache that typesets at once. */
export const typesetNow = (): TexCache => createTexCache({ katex });
