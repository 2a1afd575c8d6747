// Embedding, as a course author's page does it: the app in iframes on
// another origin, driven through the client and the postMessage protocol.
import type { Frame, Page } from '@playwright/test';
import { axe, expect, test } from './fixtures.ts';
import { type Host, hostPage, startHost } from './embed/host.ts';

let host: Host;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.close();
});

const appUrl = (q: string) => `${test.info().project.use.baseURL}?${q}`;
/** The k-th frame holding the app. */
const appFrame = (page: Page, k = 0): Frame => {
  const f = page.frames().filter((fr) => fr !== page.mainFrame() && fr.url().startsWith(String(test.info().project.use.baseURL)))[k];
  if (!f) throw new Error(`no app frame ${k}`);
  return f;
};
async function open(page: Page, name: string, srcs: string[], opts?: Parameters<typeof hostPage>[1]) {
  await page.goto(host.page(`/${name}.html`, hostPage(srcs, opts)));
  await page.evaluate(() => (window as unknown as { connected: Promise<void> }).connected);
}
type W = { lessons: { [k: string]: (...a: unknown[]) => Promise<unknown> }[]; events: { type: string }[][]; raw: unknown[][]; failures: string[] };

test('a host on another origin drives the app: every command answered, every event heard', async ({ page, errors }) => {
  await open(page, 'drive', [appUrl('embed=1')]);
  const app = appFrame(page);
  await expect(app.locator('.embed-top')).toBeVisible();
  await expect(app.locator('.top h1')).toHaveCount(0);
  const state = await page.evaluate(() => (window as unknown as W).lessons[0].getState());
  expect(state).toMatchObject({ state: {}, capabilities: { locked: false } });

  const r = await page.evaluate(() => (window as unknown as W).lessons[0].goToStep(3));
  expect(r).toMatchObject({ step: 3 });
  await expect(app.locator('.player')).toContainText('3');
  await page.waitForFunction(() => (window as unknown as W).events[0].some((e) => e.type === 'stepChanged' && (e as unknown as { step: number }).step === 3));

  const set = (await page.evaluate(() => (window as unknown as W).lessons[0].setState({ conv: 'torch', loss: 'sideways', B: '3' }))) as { state: Record<string, string>; notices: { param: string; message: string }[] };
  expect(set.state).toMatchObject({ conv: 'torch', B: '3' });
  expect(set.notices).toHaveLength(1);
  expect(set.notices[0].param).toBe('loss');
  expect(set.notices[0].message).toContain('sideways');
  await page.waitForFunction(() => (window as unknown as W).events[0].some((e) => e.type === 'stateChanged' && (e as unknown as { state: { conv?: string } }).state.conv === 'torch'));
  await expect(app.locator('[data-choice="conv"][value="torch"]')).toBeChecked();

  await page.evaluate(() => (window as unknown as W).lessons[0].setFocus('dW:1,0'));
  await expect(app.locator('.derivation-body')).toHaveAttribute('data-cell', 'dW:1,0');
  await page.waitForFunction(() => (window as unknown as W).events[0].some((e) => e.type === 'focusChanged' && (e as unknown as { cell: string }).cell === 'dW:1,0'));
  const bad = await page.evaluate(() => (window as unknown as W).lessons[0].setFocus('dW:9,9').then(() => 'resolved', (e: { field: string; message: string }) => `${e.field}: ${e.message}`));
  expect(bad).toMatch(/^cell: /);

  await page.evaluate(() => (window as unknown as W).lessons[0].play());
  await expect(app.locator('.player [aria-pressed="true"], .player .playing').first()).toBeVisible({ timeout: 5000 }).catch(() => {});
  const paused = await page.evaluate(() => (window as unknown as W).lessons[0].pause());
  expect(paused).toEqual({ playing: false });
  expect(errors).toEqual([]);
});

test('commands from a third frame of another origin, or from a parent origin= does not allow, change nothing', async ({ page }) => {
  const stranger = await startHost();
  try {
    const evil = stranger.page(
      '/evil.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evil</title></head><body><script>
        const m = { protocol: 'backprop-dense', version: 1, type: 'setState', id: 'x', state: { conv: 'column' } };
        setInterval(() => parent.frames[0].postMessage(m, '*'), 50);
      </script></body></html>`,
    );
    await page.goto(host.page('/third.html', hostPage([appUrl('embed=1&B=2')], { extra: `document.body.insertAdjacentHTML('beforeend', '<iframe title="other" src="${evil}"></iframe>');` })));
    await page.evaluate(() => (window as unknown as { connected: Promise<void> }).connected);
    await page.waitForTimeout(600);
    expect(await appFrame(page).locator('[data-choice="conv"][value="row"]').isChecked()).toBe(true);
  } finally {
    await stranger.close();
  }

  // The parent's origin is not in origin=: it is not answered, hears nothing, and changes nothing.
  await page.goto(host.page('/denied.html', hostPage([appUrl('embed=1&origin=https://lms.example.org')], { timeout: 1500 })));
  await page.evaluate(() => (window as unknown as { connected: Promise<void> }).connected);
  const w = await page.evaluate(() => ({ failures: (window as unknown as W).failures, raw: (window as unknown as W).raw[0].length }));
  expect(w.failures[0]).toContain('did not answer');
  expect(w.raw).toBe(0);

  // And allowed when it is.
  await open(page, 'allowed', [appUrl(`embed=1&origin=${host.origin}`)]);
  expect(await page.evaluate(() => (window as unknown as W).lessons[0].goToStep(1))).toMatchObject({ step: 1 });
});

test('malformed and hostile messages get ok: false naming the field, and change nothing', async ({ page, errors }) => {
  await open(page, 'hostile', [appUrl('embed=1')]);
  const replies = await page.evaluate(async () => {
    const f = document.querySelector('iframe') as HTMLIFrameElement;
    const w = window as unknown as W;
    const base = { protocol: 'backprop-dense', version: 1 };
    const send = [
      { ...base, type: 'goToStep', id: 'a', step: '3' },
      { ...base, type: 'setState', id: 'b', state: JSON.parse('{"__proto__": {"conv": "torch"}}') },
      { ...base, type: 'setState', id: 'c', state: { B: 3 } },
      { ...base, type: 'setState', id: 'd', state: { x: '9,'.repeat(70_000) } },
      { ...base, type: 'setFocus', id: 'e', cell: { m: 'W' } },
      { ...base, version: 2, type: 'getState', id: 'f' },
      { ...base, type: 'launchMissiles', id: 'g' },
      'not even an object',
    ];
    const before = w.raw[0].length;
    for (const m of send) f.contentWindow!.postMessage(m, '*');
    await new Promise((r) => setTimeout(r, 800));
    return w.raw[0].slice(before).filter((m) => (m as { type?: string }).type === 'reply');
  });
  const byId = Object.fromEntries((replies as { id: string; ok: boolean; error?: { field: string } }[]).map((r) => [r.id, r]));
  expect(byId.a).toMatchObject({ ok: false, error: { field: 'step' } });
  expect(byId.b).toMatchObject({ ok: false, error: { field: 'state.__proto__' } });
  expect(byId.c).toMatchObject({ ok: false, error: { field: 'state.B' } });
  expect(byId.d).toMatchObject({ ok: false, error: { field: 'message' } });
  expect(byId.e).toMatchObject({ ok: false, error: { field: 'cell' } });
  expect(byId.f).toMatchObject({ ok: false, error: { field: 'version' } });
  expect(byId.g).toBeUndefined();
  expect(await appFrame(page).locator('[data-choice="conv"][value="row"]').isChecked()).toBe(true);
  expect(await appFrame(page).evaluate(() => ({}.constructor as unknown as { conv?: string }).conv ?? ({} as { conv?: string }).conv)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('the frame follows the content height within 2 px, through the client, H5P and Canvas', async ({ page }) => {
  const h5pHost = `
    window.addEventListener('message', (e) => {
      const f = frames.find((x) => x.contentWindow === e.source);
      if (!f || typeof e.data !== 'object' || !e.data) return;
      if (e.data.subject === 'lti.frameResize') window.canvasHeight = e.data.height;
      if (e.data.context !== 'h5p') return;
      const say = (action) => e.source.postMessage({ context: 'h5p', action }, '*');
      if (e.data.action === 'hello') say('hello');
      if (e.data.action === 'prepareResize') { f.dataset.h5p = 'prepared'; say('resizePrepared'); }
      if (e.data.action === 'resize') window.h5pHeight = e.data.scrollHeight;
    });`;
  await open(page, 'resize', [appUrl('embed=1&show=forward,backward,player')], { extra: h5pHost });
  const app = appFrame(page);
  const contentHeight = () => app.evaluate(() => Math.ceil(document.getElementById('root')!.getBoundingClientRect().height));
  const frameHeight = () => page.evaluate(() => (document.querySelector('iframe') as HTMLIFrameElement).getBoundingClientRect().height);
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight())), { timeout: 5000 }).toBeLessThanOrEqual(2);
  const before = await contentHeight();
  await page.evaluate(() => (window as unknown as W).lessons[0].setState({ B: '8', N: '6' }));
  await expect.poll(async () => (await contentHeight()) > before + 50).toBe(true);
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight())), { timeout: 5000 }).toBeLessThanOrEqual(2);
  const h = await contentHeight();
  await expect.poll(() => page.evaluate(() => (window as unknown as { h5pHeight?: number }).h5pHeight ?? 0)).toBeGreaterThan(h - 3);
  await expect.poll(() => page.evaluate(() => (window as unknown as { canvasHeight?: number }).canvasHeight ?? 0)).toBeGreaterThan(h - 3);
  // No horizontal scroll inside the frame.
  expect(await app.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});

test('two embeds on one page are independent', async ({ page }) => {
  await open(page, 'two', [appUrl('embed=1'), appUrl('embed=1&conv=column')]);
  await page.evaluate(() => (window as unknown as W).lessons[0].goToStep(2));
  await page.evaluate(() => (window as unknown as W).lessons[1].setFocus('y:1,0'));
  const s0 = (await page.evaluate(() => (window as unknown as W).lessons[0].getState())) as { state: Record<string, string> };
  const s1 = (await page.evaluate(() => (window as unknown as W).lessons[1].getState())) as { state: Record<string, string> };
  expect(s0.state).toMatchObject({ step: '2' });
  expect(s0.state.focus).toBeUndefined();
  expect(s1.state).toMatchObject({ conv: 'column', focus: 'y:1,0' });
  expect(s1.state.step).toBeUndefined();
  const ev = await page.evaluate(() => (window as unknown as W).events.map((list) => list.filter((e) => e.type === 'focusChanged').length));
  expect(ev).toEqual([0, 1]);
});

for (const [w, h] of [
  [760, 520],
  [400, 600],
] as const) {
  test(`embedded at ${w}×${h}: grids on the first screen, no horizontal scroll, derivation clear of the player, axe-clean`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(appUrl('embed=1'));
    const firstGrid = page.locator('.pass.forward [role="gridcell"]').first();
    await expect(firstGrid).toBeVisible();
    const box = (await firstGrid.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(h);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.locator('.pass.backward [role="gridcell"]').first().click();
    const panel = (await page.locator('.derivation').boundingBox())!;
    const player = (await page.locator('.player').boundingBox())!;
    const overlap = Math.max(0, Math.min(panel.y + panel.height, player.y + player.height) - Math.max(panel.y, player.y));
    expect(overlap).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await axe(page)).toEqual([]);
  });
}

test('lock=1: hover, focus and play work; no value or setting can change', async ({ page }) => {
  await page.goto(appUrl('embed=1&lock=1'));
  await expect(page.locator('.embed-locked')).toBeVisible();
  await expect(page.locator('[data-choice="conv"][value="torch"]')).toBeDisabled();
  const cell = page.locator('.lesson [role="grid"][data-matrix="x"] [data-r="0"][data-c="0"]');
  const before = await cell.textContent();
  await cell.dblclick();
  await page.keyboard.type('42');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveText(before ?? '');
  await page.locator('.pass.backward [role="gridcell"]').first().hover();
  await expect(page.locator('.derivation-body')).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

test('the share dialog builds the embed code, and its preview is the embedded lesson', async ({ page }) => {
  await page.goto(appUrl('conv=torch'));
  await page.getByRole('button', { name: 'Share or embed' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('[data-section="jacobian"]').uncheck();
  await dialog.locator('[data-choice="lock"]').check();
  const code = await dialog.locator('textarea').inputValue();
  expect(code).toContain('conv=torch&amp;embed=1&amp;show=controls,player,forward,backward,derivation&amp;lock=1');
  expect(code).toMatch(/title="[^"]+" width="760" height="520" loading="lazy" allow="fullscreen"/);
  await expect(dialog.frameLocator('iframe').locator('.embed-top')).toBeVisible();
  // The modal covers the page behind it, so axe checks the dialog.
  expect(await axe(page, { include: '.share-dialog' })).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the example host page connects, drives the app and logs its events, under the app’s CSP', async ({ page, errors }) => {
  await page.goto('./embed-example.html');
  await expect(page.locator('#status')).toContainText('Connected', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Step 0' }).click();
  await expect(page.locator('#log')).toContainText('reply {"step":0');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('#log')).toContainText('stepChanged {"step":1');
  await page.getByRole('button', { name: 'Send a bad command' }).click();
  await expect(page.locator('#log')).toContainText('refused: step:');
  await page.getByRole('button', { name: 'Lesson: PyTorch, cross-entropy' }).click();
  await expect(page.frameLocator('#lesson').locator('[data-choice="conv"][value="torch"]')).toHaveCount(0);
  await expect(page.frameLocator('#lesson').locator('.embed-summary')).toContainText('torch');
  // The client's types ship beside it.
  const types = await page.evaluate(() => fetch('./embed.d.ts').then((r) => r.text()));
  expect(types).toContain('export declare function connect(iframe: HTMLIFrameElement');
  expect(errors).toEqual([]);
});

test('fullscreen is offered where the frame allows it, and not where it does not', async ({ page }) => {
  await page.goto(
    host.page(
      '/fullscreen.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>FS</title></head><body>
        <iframe id="yes" title="allowed" src="${appUrl('embed=1')}" allow="fullscreen" width="760" height="520"></iframe>
        <iframe id="no" title="refused" src="${appUrl('embed=1')}" width="760" height="520"></iframe></body></html>`,
    ),
  );
  const yes = page.frameLocator('#yes');
  const no = page.frameLocator('#no');
  await expect(yes.locator('.embed-top')).toBeVisible();
  await expect(no.locator('.embed-top')).toBeVisible();
  await expect(yes.getByRole('button', { name: 'Fullscreen' })).toBeVisible();
  await expect(no.getByRole('button', { name: 'Fullscreen' })).toHaveCount(0);
  await yes.getByRole('button', { name: 'Fullscreen' }).click();
  await expect(yes.getByRole('button', { name: 'Leave fullscreen' })).toBeVisible();
  await yes.getByRole('button', { name: 'Leave fullscreen' }).click();
  await expect(yes.getByRole('button', { name: 'Fullscreen' })).toBeVisible();
});
