// The catalogue of each locale the app speaks: the first screen's wording, and how a part that a view brings
// with it is made ready for the locale (the pseudo-locale accents it as it does the rest).
import type { Locale } from '../../store/url.ts';
import type { CataloguePart } from './en.ts';
import { EN_FIRST } from './enFirst.ts';
import { PSEUDO_LOCALE, pseudoCatalogue } from './pseudo.ts';

/** How a locale's catalogue is made from English wording: as it is, or pseudo-localised. */
export function wordingFor(locale: Locale): (en: CataloguePart) => CataloguePart {
  return locale === PSEUDO_LOCALE ? pseudoCatalogue : (en) => en;
}

/** The first screen's catalogue of a locale. */
export function catalogueFor(locale: Locale): CataloguePart {
  return wordingFor(locale)(EN_FIRST);
}
