// The catalogue of each locale the app speaks.
import type { Locale } from '../../store/url.ts';
import { EN, type Catalogue } from './en.ts';
import { PSEUDO_LOCALE, pseudoCatalogue } from './pseudo.ts';

/** The catalogue of a locale. */
export function catalogueFor(locale: Locale): Catalogue {
  return locale === PSEUDO_LOCALE ? pseudoCatalogue(EN) : EN;
}
