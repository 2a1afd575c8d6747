// What an author pastes into a page: the embed link and an iframe snippet
// for the lesson on screen, with the sections to show and the lock chosen.
import { SECTIONS, type Section } from '../store/frame.ts';

export interface EmbedChoice {
  /** The app's address without a query, e.g. https://example.org/backprop/. */
  base: string;
  /** The lesson's query string, without '?' (lessonQuery). */
  lesson: string;
  show: readonly Section[];
  lock: boolean;
  width: number;
  height: number;
  /** The frame's accessible title. */
  title: string;
}

/** The embed link: the lesson, then embed=1 and the frame's choices (defaults left out). */
export function embedUrl(c: Pick<EmbedChoice, 'base' | 'lesson' | 'show' | 'lock'>): string {
  const frame = ['embed=1'];
  const shown = SECTIONS.filter((s) => c.show.includes(s));
  if (shown.length > 0 && shown.length < SECTIONS.length) frame.push(`show=${shown.join(',')}`);
  if (c.lock) frame.push('lock=1');
  return `${c.base}?${[c.lesson, ...frame].filter((p) => p !== '').join('&')}`;
}

const attr = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The iframe snippet: titled, sized, lazy, and allowed to go fullscreen. */
export function iframeSnippet(c: EmbedChoice): string {
  const w = Math.max(200, Math.round(c.width));
  const h = Math.max(200, Math.round(c.height));
  return `<iframe src="${attr(embedUrl(c))}" title="${attr(c.title)}" width="${w}" height="${h}" loading="lazy" allow="fullscreen" style="border: 0; max-width: 100%"></iframe>`;
}
