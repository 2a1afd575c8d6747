// The seeded UI fuzz's events: what a careless, hostile or curious user does (clicks, keys, typing,
// choices, resizes, history), drawn from a seeded generator so a run replays from its seed.
import type { CDPSession, Page } from '@playwright/test';
import { ACTIVATIONS, CONVENTIONS, LOSS_KINDS, createRng } from '../../src/core/index.ts';

/** The fuzz's random source: core's seeded generator with a few conveniences. */
export interface Rand {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export function makeRand(seed: number): Rand {
  const r = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[r.int(xs.length)];
  return { next: r.uniform, int: r.int, pick, chance: (p) => r.uniform() < p };
}

/** What gets typed: numbers in every spelling, overflow, negative zero, non-numbers, markup, unicode, nothing. */
export const TEXTS: readonly string[] = [
  '0', '1', '-1', '0.5', '-2.25', '3.7e-1', '−3', ' 0.5 ', '+4', '.5', '-.5', '1e308', '-1e308', '1e309', '1e-320', '5e-324',
  '-0', 'NaN', 'Infinity', '-Infinity', '', ' ', '1,5', '0x10', '1_000', '12', '13', '99999999999999999999',
  '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '</textarea><script>alert(1)</script>', '${alert(1)}', '{{7*7}}',
  '١٢', '１２', '½', 'Ω≈ç√∫', '😀', '\u202e12', 'e', '-', '.', '1;2', '1,2;3,4',
];

/** What a size field gets: mostly small sizes (the fuzz stays fast), sometimes the limits and beyond, sometimes junk. */
const SIZE_TEXTS: readonly string[] = ['1', '1', '2', '2', '2', '3', '3', '4', '5', '0', '13', '-1', '2.5', '', 'abc', '1e308', '٣', '12'];

const KEYS: readonly string[] = [
  'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Enter', 'Enter', 'Escape', ' ', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight',
  'ArrowRight', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'F2', 'Backspace', 'Delete', 'Control+Home', 'Control+End', 'Control+a',
  '1', '7', '-', '.', 'e', 'x', 'Shift+ArrowRight',
];

const VIEWPORTS: readonly [number, number][] = [[375, 667], [414, 896], [768, 1024], [1024, 768], [1280, 720], [1366, 900], [1920, 1080], [320, 480]];

/** One thing the user does. Fractions pick among whatever is on the page when the event runs. */
export type FuzzEvent =
  | { kind: 'click' | 'dblclick' | 'radio'; pick: number; fx: number; fy: number }
  | { kind: 'hover'; fx: number; fy: number }
  | { kind: 'key'; key: string }
  | { kind: 'type'; pick: number; text: string; then: string; slow: boolean }
  | { kind: 'select'; pick: number; option: number }
  | { kind: 'size'; name: 'B' | 'N' | 'T'; text: string; then: string }
  | { kind: 'wheel'; dy: number }
  | { kind: 'resize'; w: number; h: number }
  | { kind: 'back' | 'forward' }
  | { kind: 'goto'; query: string };

/** A link, usually sensible and sometimes hostile. */
function randomQuery(r: Rand): string {
  const size = () => String(r.chance(0.9) ? 1 + r.int(4) : r.pick(['0', '13', '12', '-3', 'x', '1e9']));
  const p: string[] = [
    `conv=${r.chance(0.95) ? r.pick(CONVENTIONS) : 'sideways'}`,
    `B=${size()}`, `N=${size()}`, `T=${size()}`,
    `loss=${r.chance(0.95) ? r.pick(LOSS_KINDS) : 'hinge'}`,
    `act=${r.chance(0.95) ? r.pick(ACTIVATIONS) : 'gelu'}`,
    `seed=${r.chance(0.9) ? r.int(1000) - 500 : r.pick(['1e308', 'NaN', '-0', '2147483649'])}`,
  ];
  if (r.chance(0.2)) p.push(`x=${encodeURIComponent(r.pick(['1,2,3;4,5,6', '1e308,1e308,1e308', '<b>1</b>', 'NaN', '1;2;3']))}`);
  if (r.chance(0.2)) p.push(`focus=${encodeURIComponent(r.pick(['dW:0,0', 'y:1,1', 'zz:9,9', 'target:0,0', 'dZ:0,0', 'L:0,0']))}`);
  if (r.chance(0.2)) p.push(`step=${r.pick(['0', '3', '-1', '9999', 'x'])}`);
  if (r.chance(0.1)) p.push(`grain=${r.pick(['fine', 'coarse', 'sand'])}`);
  if (r.chance(0.1)) p.push(`jac=${r.pick(['W', 'x', 'b', 'z', 'q'])}&lin=${r.pick(['row', 'col', 'diag'])}`);
  if (r.chance(0.05)) p.push(`lang=${r.pick(['en', 'en-XA', 'xx'])}`);
  return `./?${p.join('&')}`;
}

/** Draws the next event. */
export function nextEvent(r: Rand): FuzzEvent {
  const u = r.next();
  const frac = () => 0.15 + 0.7 * r.next();
  if (u < 0.3) return { kind: 'key', key: r.pick(KEYS) };
  if (u < 0.34) return { kind: 'radio', pick: r.next(), fx: frac(), fy: frac() };
  if (u < 0.56) return { kind: 'click', pick: r.next(), fx: frac(), fy: frac() };
  if (u < 0.7) {
    // Short texts are sometimes typed key by key (each key re-renders the editor), longer ones inserted at once.
    const text = r.pick(TEXTS);
    return { kind: 'type', pick: r.next(), text, then: r.pick(['Enter', 'Enter', 'Tab', 'Escape', '']), slow: text.length <= 6 && r.chance(0.3) };
  }
  if (u < 0.78) return { kind: 'hover', fx: r.next(), fy: r.next() };
  if (u < 0.82) return { kind: 'dblclick', pick: r.next(), fx: frac(), fy: frac() };
  if (u < 0.87) return { kind: 'select', pick: r.next(), option: r.next() };
  if (u < 0.92) return { kind: 'size', name: r.pick(['B', 'N', 'T'] as const), text: r.pick(SIZE_TEXTS), then: r.pick(['Enter', 'Tab', 'ArrowUp', 'ArrowDown']) };
  if (u < 0.95) return { kind: 'wheel', dy: r.pick([-600, -200, 200, 600]) };
  if (u < 0.97) {
    const [w, h] = r.chance(0.8) ? r.pick(VIEWPORTS) : [320 + r.int(1700), 400 + r.int(800)];
    return { kind: 'resize', w, h };
  }
  if (u < 0.982) return { kind: 'back' };
  if (u < 0.994) return { kind: 'forward' };
  return { kind: 'goto', query: randomQuery(r) };
}

interface Aim {
  pick: number;
  fx: number;
  fy: number;
  selector: string;
  /** Aim nowhere when a text field already has focus (typing goes there). */
  unlessTyping?: boolean;
}

/**
 * Picks, by a fraction, one of the visible elements a selector matches, scrolls it into view and returns a point
 * inside it and its name for the log; 'typing' when a text field has focus and the aim asked to keep it.
 */
function aim(page: Page, a: Aim): Promise<{ x: number; y: number; what: string } | 'typing' | null> {
  return page.evaluate(({ pick, fx, fy, selector, unlessTyping }) => {
    const active = document.activeElement;
    if (unlessTyping && active instanceof HTMLInputElement && (active.type === 'text' || active.classList.contains('cell-input'))) return 'typing';
    // From the picked element on, the first one that is shown (measuring only those tried keeps this cheap).
    const all = document.querySelectorAll<HTMLElement>(selector);
    const start = Math.floor(pick * all.length);
    let el: HTMLElement | null = null;
    for (let k = 0; k < all.length && !el; k++) {
      const e = all[(start + k) % all.length];
      const b = e.getBoundingClientRect();
      if (b.width > 0 && b.height > 0 && !e.closest('[hidden], [aria-hidden="true"]')) el = e;
    }
    if (!el) return null;
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const b = el.getBoundingClientRect();
    const grid = el.closest<HTMLElement>('[data-matrix]')?.dataset.matrix;
    const name = grid ? `${grid}[${el.dataset.r ?? ''},${el.dataset.c ?? ''}]` : (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
    return { x: b.left + b.width * fx, y: b.top + b.height * fy, what: `${el.tagName.toLowerCase()} ${name}` };
  }, a);
}

/** Chooses an option of one of the enabled selects, as a user's pick does: the value changes, then input and change fire. */
function choose(page: Page, pick: number, option: number): Promise<string> {
  return page.evaluate(
    ({ pick, option }) => {
      const selects = [...document.querySelectorAll<HTMLSelectElement>('select:not([disabled])')];
      if (selects.length === 0) return 'select: none enabled';
      const s = selects[Math.floor(pick * selects.length)];
      s.selectedIndex = Math.floor(option * s.options.length);
      s.dispatchEvent(new Event('input', { bubbles: true }));
      s.dispatchEvent(new Event('change', { bubbles: true }));
      return `select ${s.value} in ${s.closest('label, .field')?.textContent?.trim().slice(0, 20) ?? 'a select'}`;
    },
    { pick, option },
  );
}

const POINTABLE = 'button, input, select, summary, label, [role="gridcell"], canvas, [tabindex], h2, p, code';
/** The radio groups' labels: convention, and the Jacobian view's kind, flattening and size. */
const RADIO = 'label:has(> input[type="radio"])';
const EDITABLE_CELL = '[role="gridcell"].editable';
const TEXT_INPUT = 'input[type="text"], input:not([type]), .cell-input';

/** Types text into whatever has focus: all at once (as a paste or an input method does) or key by key. */
async function typeText(page: Page, text: string, slow: boolean, then: string): Promise<void> {
  // Replace what the field holds: key by key after selecting all with the keys, or as a paste over a selection.
  if (slow) {
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text);
  } else {
    await page.evaluate(() => document.activeElement instanceof HTMLInputElement && document.activeElement.select());
    if (text === '') await page.keyboard.press('Backspace');
    else await page.keyboard.insertText(text);
  }
  if (then) await page.keyboard.press(then);
}

/** Where the run is: the app's origin, and a protocol session on the page (to read its history). */
export interface Whereabouts {
  origin: string;
  cdp: CDPSession;
}

/** Runs one event; returns what it did, for the log. */
export async function perform(page: Page, e: FuzzEvent, at: Whereabouts): Promise<string> {
  switch (e.kind) {
    case 'click':
    case 'dblclick':
    case 'radio': {
      const at = await aim(page, { pick: e.pick, fx: e.fx, fy: e.fy, selector: e.kind === 'radio' ? RADIO : POINTABLE });
      if (!at || at === 'typing') return `${e.kind}: nothing to aim at`;
      if (e.kind !== 'dblclick') await page.mouse.click(at.x, at.y);
      else await page.mouse.dblclick(at.x, at.y);
      return `${e.kind} ${at.what}`;
    }
    case 'hover': {
      const vp = page.viewportSize() ?? { width: 1366, height: 900 };
      await page.mouse.move(e.fx * vp.width, e.fy * vp.height);
      return `hover ${Math.round(e.fx * vp.width)},${Math.round(e.fy * vp.height)}`;
    }
    case 'key':
      await page.keyboard.press(e.key);
      return `key ${e.key}`;
    case 'type': {
      // Into the focused text field; else half the time open a cell's editor with a double click, else click a text field.
      const cell = e.pick < 0.5;
      const at = await aim(page, { pick: cell ? e.pick * 2 : e.pick * 2 - 1, fx: 0.5, fy: 0.5, selector: cell ? EDITABLE_CELL : TEXT_INPUT, unlessTyping: true });
      if (!at) return 'type: nowhere to type';
      if (at !== 'typing') await (cell ? page.mouse.dblclick(at.x, at.y) : page.mouse.click(at.x, at.y));
      const where = at === 'typing' ? 'focused input' : at.what;
      await typeText(page, e.text, e.slow, e.then);
      return `type ${JSON.stringify(e.text)} into ${where}, then ${e.then || 'nothing'}`;
    }
    case 'select':
      return choose(page, e.pick, e.option);
    case 'size': {
      const found = await page.evaluate((name) => {
        const field = document.querySelector<HTMLInputElement>(`.controls input[name="${name}"]`);
        field?.focus();
        return field !== null;
      }, e.name);
      if (!found) return `size: no field ${e.name}`;
      await typeText(page, e.text, false, e.then);
      return `size ${e.name} = ${JSON.stringify(e.text)}, then ${e.then}`;
    }
    case 'wheel':
      await page.mouse.wheel(0, e.dy);
      return `wheel ${e.dy}`;
    case 'resize':
      await page.setViewportSize({ width: e.w, height: e.h });
      return `resize ${e.w}×${e.h}`;
    case 'back':
    case 'forward': {
      // From the browser's own history: never back to the tab's first, empty page (that hangs Playwright).
      const { currentIndex, entries } = await at.cdp.send('Page.getNavigationHistory');
      const to = entries[currentIndex + (e.kind === 'back' ? -1 : 1)];
      if (!to || !to.url.startsWith(at.origin)) return `${e.kind}: no lesson that way`;
      if (to.url === entries[currentIndex].url) {
        // The same page's address: a step within a frame on it (the embed preview's earlier pages). The page stays.
        await at.cdp.send('Page.navigateToHistoryEntry', { entryId: to.id });
        return `${e.kind} within the page (a frame's history)`;
      }
      // Waiting for 'load' can hang when a page comes from the back-forward cache: wait for the commit, then the document.
      const nav = { waitUntil: 'commit', timeout: 15_000 } as const;
      await (e.kind === 'back' ? page.goBack(nav) : page.goForward(nav));
      await page.waitForLoadState('domcontentloaded');
      return `${e.kind} to ${page.url().slice(at.origin.length)}`;
    }
    case 'goto':
      await page.goto(e.query);
      return `goto ${e.query}`;
  }
}
