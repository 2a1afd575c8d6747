// Tours in a real browser: the clicker keys walk a built-in tour without scrolling the page, a tour survives a
// round trip through its link and through its file, every malformed tour is refused (or trimmed) with a notice
// naming what was wrong and nothing else on the page changes, and axe finds nothing with the tour bar and the
// authoring panel open.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axe, expect, test } from './fixtures.ts';

/** Every grid's shown values, to tell whether the lesson changed. */
const grids = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.lesson [role="grid"][data-matrix]')].map((g) => `${g.dataset.matrix}:${[...g.querySelectorAll<HTMLElement>('[role="gridcell"]')].map((c) => c.dataset.value).join(',')}`).join(' '));

const count = (page: Page) => page.getByTestId('tour-count');
const caption = (page: Page) => page.getByTestId('tour-caption');

async function startBuiltin(page: Page, id: string) {
  await page.getByText('Tours', { exact: true }).click();
  await page.locator(`button[data-tour="${id}"]`).click();
  await expect(page.getByTestId('tour-bar')).toBeVisible();
}

/** Opens a tour file made of `text` through the Tours menu's file input. */
const openFile = (page: Page, text: string | Buffer, name = 'tour.json') =>
  page.getByTestId('tour-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });

const notices = (page: Page) => page.locator('.notices li');

test('the Tours menu lists the five built-in tours', async ({ page, errors }) => {
  void errors;
  await page.goto('./');
  await page.getByText('Tours', { exact: true }).click();
  await expect(page.locator('button[data-tour]')).toHaveCount(5);
  await expect(page.locator('button[data-tour="outputs"]')).toHaveText(/One output at a time/);
});

test('clicker keys (PageDown, PageUp, →, ←, Space) walk a tour without scrolling the page, and the link follows the stop', async ({ page, errors }) => {
  void errors;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await startBuiltin(page, 'outputs');
  await expect(count(page)).toHaveText('stop 1 of 6');
  // Focus on the page itself, as after a click on the background: the keys must not scroll it.
  await page.locator('h1').click();
  const y0 = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('PageDown');
  await expect(count(page)).toHaveText('stop 2 of 6');
  await expect(page).toHaveURL(/[?&]tour=[A-Za-z0-9_-]+/);
  await expect(page).toHaveURL(/[?&]stop=2(&|$)/);
  await expect(page).toHaveURL(/focus=y:0,0/);
  await page.keyboard.press('ArrowRight');
  await expect(count(page)).toHaveText('stop 3 of 6');
  await page.keyboard.press(' ');
  // Stop 4 asks a question first: the answer (its caption and its focus) comes on the next press.
  await expect(count(page)).toHaveText('stop 4 of 6');
  await expect(caption(page)).toContainText('Question for the class');
  await expect(caption(page)).toContainText('Next shows the answer.');
  await expect(page).not.toHaveURL(/focus=dX/);
  await page.keyboard.press('PageDown');
  await expect(count(page)).toHaveText('stop 4 of 6');
  await expect(caption(page)).toContainText('Into both');
  await expect(page).toHaveURL(/focus=dX:0,0/);
  await page.keyboard.press('PageUp');
  await expect(count(page)).toHaveText('stop 3 of 6');
  await page.keyboard.press('ArrowLeft');
  await expect(count(page)).toHaveText('stop 2 of 6');
  expect(await page.evaluate(() => window.scrollY)).toBe(y0);
  // The caption's maths is typeset by KaTeX.
  await expect(caption(page).locator('.katex').first()).toBeVisible();
  // Ended, the keys step the player again.
  await page.getByRole('button', { name: 'End the tour' }).click();
  await expect(page.getByTestId('tour-bar')).toHaveCount(0);
  await page.locator('h1').click();
  await page.keyboard.press('PageDown');
  // Stop 2 was at step 1 of the player.
  await expect(page).toHaveURL(/step=2&/);
  expect(await page.evaluate(() => window.scrollY)).toBe(y0);
});

test('a stop that differs only in step animates through the player; a different lesson cuts', async ({ page, errors }) => {
  void errors;
  await page.goto('./');
  await startBuiltin(page, 'batches');
  await expect(count(page)).toHaveText('stop 1 of 5');
  await page.locator('h1').click();
  await page.keyboard.press('PageDown');
  await expect(count(page)).toHaveText('stop 2 of 5');
  // One step forward: the player's animation layer appears.
  await expect(page.locator('.flow-layer')).toHaveCount(1);
  await expect(page).toHaveURL(/step=11/);
});

test('a tour round-trips through its link: a fresh page opens the same stop with the same lesson', async ({ page, browser, errors }) => {
  void errors;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await startBuiltin(page, 'torch');
  await page.locator('h1').click();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(count(page)).toHaveText('stop 3 of 6');
  await expect(caption(page)).toContainText('The shape of W itself');
  const url = page.url();
  const shown = await grids(page);
  const other = await browser.newPage();
  await other.goto(url);
  await expect(count(other)).toHaveText('stop 3 of 6');
  await expect(caption(other)).toContainText('The shape of W itself');
  expect(await grids(other)).toBe(shown);
  await expect(other.locator('.notices')).toHaveCount(0);
  // And a link with the tour alone opens its first stop.
  const alone = new URL(url);
  const code = alone.searchParams.get('tour') ?? '';
  await other.goto(`./?tour=${code}`);
  await expect(count(other)).toHaveText('stop 1 of 6');
  await expect(other).toHaveURL(/conv=torch/);
  await other.close();
});

test('authoring: stops added from the view, edited, reordered, duplicated, deleted and undone; the draft survives a reload; its file opens as the same tour', async ({ page, errors }) => {
  void errors;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./?B=1');
  await page.getByText('Tours', { exact: true }).click();
  await page.getByRole('button', { name: 'Make or edit a tour' }).click();
  const panel = page.getByTestId('tour-author');
  await expect(panel).toContainText('No stops yet');
  await panel.getByLabel('Title').fill('My tour');
  await panel.getByRole('button', { name: 'Add this view as a stop' }).click();
  await panel.getByLabel('Caption (maths between $ signs)').first().fill('First: $y = xW + b$');
  await page.goto('./?B=2&conv=torch');
  // The draft came back after the reload.
  await expect(page.getByTestId('tour-author')).toHaveCount(0);
  await page.getByText('Tours', { exact: true }).click();
  await page.getByRole('button', { name: 'Make or edit a tour' }).click();
  await expect(panel.getByLabel('Title')).toHaveValue('My tour');
  await expect(panel.locator('.tour-stop')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Add this view as a stop' }).click();
  await panel.locator('.tour-stop').nth(1).getByLabel(/^Caption/).fill('Second');
  await panel.locator('.tour-stop').nth(1).getByLabel(/^Question/).fill('Which shape?');
  await panel.getByRole('button', { name: 'Duplicate stop 2' }).click();
  await expect(panel.locator('.tour-stop')).toHaveCount(3);
  await panel.getByRole('button', { name: 'Delete stop 3' }).click();
  await panel.getByRole('button', { name: 'Move stop 2 up' }).click();
  await expect(panel.locator('.tour-stop').first().getByLabel(/^Caption/)).toHaveValue('Second');
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.locator('.tour-stop').first().getByLabel(/^Caption/)).toHaveValue('First: $y = xW + b$');
  await expect(panel.locator('.tour-stop')).toHaveCount(2);
  // Preview plays it.
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(count(page)).toHaveText('stop 1 of 2');
  await expect(page).not.toHaveURL(/conv=torch/);
  await expect(caption(page).locator('.katex')).toHaveCount(1);
  // Downloaded, and opened again on a fresh page.
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download the tour as a file' }).click()]);
  expect(download.suggestedFilename()).toBe('my-tour.tour.json');
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  const file = JSON.parse(text);
  expect(file).toMatchObject({ format: 'backprop-dense-tour', version: 1, title: 'My tour' });
  expect(file.stops).toEqual([
    { state: { B: '1' }, caption: 'First: $y = xW + b$' },
    { state: { conv: 'torch' }, caption: 'Second', question: 'Which shape?' },
  ]);
  await page.evaluate(() => localStorage.clear());
  await page.goto('./');
  await openFile(page, text);
  await expect(count(page)).toHaveText('stop 1 of 2');
  await expect(page).toHaveURL(/B=1/);
  await page.locator('h1').click();
  await page.keyboard.press('PageDown');
  await expect(caption(page)).toContainText('Which shape?');
  await expect(page).toHaveURL(/conv=torch/);
});

const stop = { state: { B: '3' }, caption: 'ok' };
const tourOf = (extra: object) => JSON.stringify({ format: 'backprop-dense-tour', version: 1, title: 'T', stops: [stop], ...extra });

const REFUSED: [string, string | Buffer, RegExp][] = [
  ['not JSON', '{ "format": ', /The tour was not opened: the file is not valid JSON/],
  ['not an object', '[1, 2]', /not opened: it is not a JSON object/],
  ['another format', tourOf({ format: 'reveal-deck' }), /its format is reveal-deck, not backprop-dense-tour/],
  ['a newer version', tourOf({ version: 2 }), /it is version 2, and this app reads tours up to version 1/],
  ['a version that is not a number', tourOf({ version: 'one' }), /its version, one, is not a whole number/],
  ['no stops', tourOf({ stops: [] }), /it has no stop that could be shown/],
  ['too large', Buffer.alloc(1_000_001, 32), /over the limit of 1,000,000 bytes/],
  ['only bad stops', tourOf({ stops: ['PROTO', { state: { B: 3 }, caption: 'x' }] }).replace('"PROTO"', '{ "state": { "__proto__": "1" }, "caption": "a" }'), /it has no stop that could be shown/],
];

for (const [what, text, said] of REFUSED) {
  test(`a tour file with ${what} is refused with a notice, and nothing else on the page changes`, async ({ page, errors }) => {
    void errors;
    await page.goto('./?B=2&focus=dW:1,0');
    const before = await grids(page);
    const url = page.url();
    await openFile(page, text);
    await expect(notices(page).first()).toContainText(said);
    await expect(page.getByTestId('tour-bar')).toHaveCount(0);
    expect(await grids(page)).toBe(before);
    expect(page.url()).toBe(url);
  });
}

test('a tour with some bad stops opens with the good ones, naming each stop left out and why', async ({ page, errors }) => {
  void errors;
  await page.goto('./');
  // JSON.parse makes "__proto__" an own key, as an attacker's file would; an object literal could not write one.
  const stops = [stop, 'PROTO', { state: { colour: 'red' }, caption: 'b' }, { state: {}, caption: 7 }, { state: { B: '4' }, caption: 'good', question: 'q?' }];
  await openFile(page, JSON.stringify({ format: 'backprop-dense-tour', version: 1, title: 'Mixed', stops }).replace('"PROTO"', '{ "state": { "__proto__": "x", "B": "2" }, "caption": "a" }'));
  await expect(count(page)).toHaveText('stop 1 of 2');
  await expect(notices(page)).toContainText(['Stop 2 of the tour was left out: its state sets __proto__, which is not a lesson parameter', 'Stop 3 of the tour was left out: its state sets colour', 'Stop 4 of the tour was left out: its caption is not text']);
});

test('a tour of more than 200 stops keeps the first 200 and says so; a tour link that cannot be read says so', async ({ page, errors }) => {
  void errors;
  await page.goto('./');
  const stops = Array.from({ length: 201 }, (_, k) => ({ state: { seed: String(k) }, caption: `stop ${k + 1}` }));
  await openFile(page, JSON.stringify({ format: 'backprop-dense-tour', version: 1, title: 'Long', stops }));
  await expect(count(page)).toHaveText('stop 1 of 200');
  await expect(notices(page).first()).toContainText('it has 201 stops, over the limit of 200: only the first 200 were kept');
  await page.goto('./?B=3&tour=zNotATour&stop=x');
  await expect(notices(page)).toContainText(['the link’s tour value cannot be read']);
  await expect(page.getByTestId('tour-bar')).toHaveCount(0);
  await expect(page).toHaveURL(/B=3/);
});

test('axe finds nothing with the tour bar and the authoring panel open', async ({ page, errors }) => {
  void errors;
  // No step animation under way: its layer covers cells while it plays.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await startBuiltin(page, 'activation');
  await page.getByText('Tours', { exact: true }).click();
  await page.getByRole('button', { name: 'Make or edit a tour' }).click();
  await page.getByTestId('tour-author').getByRole('button', { name: 'Add this view as a stop' }).click();
  await page.locator('h1').click();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(caption(page)).toContainText('Question for the class');
  expect(await axe(page, { exclude: '.jacobian' })).toEqual([]);
  await page.getByText('Tours', { exact: true }).click();
  expect(await axe(page, { include: '.tour-menu' })).toEqual([]);
});

test('in presentation mode the class sees the tour’s caption and stop count, and the clicker steps the tour', async ({ page, errors }) => {
  void errors;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./');
  await startBuiltin(page, 'outputs');
  await page.keyboard.press('p');
  await expect(page.getByTestId('present')).toBeVisible();
  await expect(page.getByTestId('present').getByTestId('tour-bar')).toBeVisible();
  await expect(count(page)).toHaveText('stop 1 of 6');
  await page.keyboard.press('PageDown');
  await expect(count(page)).toHaveText('stop 2 of 6');
  await expect(caption(page)).not.toBeEmpty();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});
