import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const MATS = ['x', 'W', 'b', 'y', 'L', 'target', 'dY', 'dW', 'db', 'dX'];
async function measure(port, q) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/${q}`);
  await page.waitForSelector('[data-matrix="dX"]');
  const times = await page.evaluate(async (MATS) => {
    const cells = [...document.querySelectorAll('.lesson [role="grid"][data-matrix] [role="gridcell"]')].map((c) => [c.closest('[role="grid"]').dataset.matrix, Number(c.dataset.r), Number(c.dataset.c)]);
    const by = MATS.map((m) => cells.filter((c) => c[0] === m)).filter((l) => l.length);
    const out = [];
    const panel = document.querySelector('.derivation');
    for (let k = 0; k < 55; k++) {
      const list = by[k % by.length]; const [m, r, c] = list[(Math.floor(k / by.length) * 7 + 3) % list.length];
      const el = document.querySelector(`.lesson [data-matrix="${m}"] [data-r="${r}"][data-c="${c}"]`);
      const want = `${m}:${r},${c}`;
      const t0 = performance.now();
      await new Promise((res) => {
        const mo = new MutationObserver(() => { const b = panel.querySelector('.derivation-body'); if (b && b.dataset.cell === want) { mo.disconnect(); panel.getBoundingClientRect(); res(); } });
        mo.observe(panel, { subtree: true, childList: true, attributes: true });
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      });
      out.push(performance.now() - t0);
      await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
    }
    return out.slice(5);
  }, MATS);
  await page.close();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
for (const q of ['', '?B=12&N=12&T=12']) {
  const res = { old: [], new: [] };
  for (let round = 0; round < 3; round++) { res.old.push(await measure(4402, q)); res.new.push(await measure(4400, q)); }
  console.log(q || 'default', 'old', res.old.map((v) => v.toFixed(1)).join(' / '), ' new(flex css)', res.new.map((v) => v.toFixed(1)).join(' / '));
}
await browser.close();
