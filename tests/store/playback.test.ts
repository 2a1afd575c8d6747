import { describe, expect, it } from 'vitest';
import { computeLesson, makeLesson, snapshotAt, buildScript, type DerivationContext } from '../../src/core/index.ts';
import { createAppStore, urlStateOf } from '../../src/store/store.ts';
import { decodeUrl, encodeUrl } from '../../src/store/url.ts';

const snapValues = (s: ReturnType<ReturnType<typeof createAppStore>['getState']>) =>
  s.snapshot ? Object.fromEntries(Object.entries(s.snapshot).map(([k, v]) => [k, Array.from(v)])) : null;

describe('playback slice', () => {
  it('opens complete, with no snapshot, unless the URL names a step', () => {
    const s = createAppStore('').getState();
    expect(s.step).toBe(s.script.steps.length);
    expect(s.snapshot).toBeNull();
    const t = createAppStore('?step=3').getState();
    expect(t.step).toBe(3);
    expect(t.snapshot).not.toBeNull();
  });

  it('clamps a step beyond the end', () => {
    const s = createAppStore('?step=999').getState();
    expect(s.step).toBe(s.script.steps.length);
  });

  it('restores the same state when stepping forward then back, at every step', () => {
    const store = createAppStore('?conv=column&B=3&N=2&T=2&loss=softmax-ce&focus=dW:0,1');
    const n = store.getState().script.steps.length;
    store.getState().toStart();
    for (let k = 0; k < n; k++) {
      const before = store.getState();
      const snap = snapValues(before);
      const deriv = before.derivation;
      store.getState().next();
      expect(store.getState().step).toBe(k + 1);
      store.getState().prev();
      const after = store.getState();
      expect(after.step).toBe(k);
      expect(snapValues(after)).toEqual(snap);
      expect(after.derivation?.value).toEqual(deriv?.value);
      expect(after.derivation?.terms.length).toEqual(deriv?.terms.length);
      store.getState().next();
    }
    expect(store.getState().snapshot).toBeNull();
  });

  it('shows, at each step, exactly the script snapshot from core', () => {
    const store = createAppStore('?conv=torch&B=2&N=3&T=2');
    const s0 = store.getState();
    const ctx: DerivationContext = s0.ctx;
    const script = buildScript(ctx, s0.granularity);
    store.getState().setStep(5);
    const want = snapshotAt(ctx, script, 5);
    expect(Array.from(store.getState().snapshot!.dY)).toEqual(Array.from(want.dY));
    expect(Array.from(store.getState().snapshot!.y)).toEqual(Array.from(want.y));
  });

  it('marks the cells the last step read and wrote', () => {
    const store = createAppStore('?B=2&N=3&T=2');
    store.getState().setStep(1); // y[0,0] in the row convention
    const s = store.getState();
    expect([...(s.stepWrites.y ?? [])]).toEqual(['0,0']);
    expect([...(s.stepReads.x ?? [])].sort()).toEqual(['0,0', '0,1', '0,2']);
    expect([...(s.stepReads.W ?? [])].sort()).toEqual(['0,0', '1,0', '2,0']);
    expect([...(s.stepReads.b ?? [])]).toEqual(['0,0']);
  });

  it('jumps to phases, the start and the end', () => {
    const store = createAppStore('?B=2&N=3&T=2');
    const { script } = store.getState();
    store.getState().toPhase('backward');
    expect(store.getState().step).toBe(script.phaseStart.backward);
    expect(script.steps[store.getState().step].phase).toBe('backward');
    store.getState().toStart();
    expect(store.getState().step).toBe(0);
    store.getState().toEnd();
    expect(store.getState().step).toBe(script.steps.length);
  });

  it('plays from the start when at the end, and stops playing on reaching the end', () => {
    const store = createAppStore('');
    store.getState().play();
    expect(store.getState().step).toBe(0);
    expect(store.getState().playing).toBe(true);
    const n = store.getState().script.steps.length;
    for (let k = 0; k < n; k++) store.getState().next();
    expect(store.getState().step).toBe(n);
    expect(store.getState().playing).toBe(false);
  });

  it('switches between fine and coarse at the start of the same matrix', () => {
    const store = createAppStore('?B=3&N=2&T=3');
    expect(store.getState().granularity).toBe('fine');
    store.getState().toPhase('backward');
    const target = store.getState().script.steps[store.getState().step].target;
    store.getState().setGranularity('coarse');
    const s = store.getState();
    expect(s.granularity).toBe('coarse');
    expect(s.script.steps[s.step].target).toBe(target);
    expect(s.script.steps.length).toBeLessThan(buildScript(s.ctx, 'fine').steps.length);
  });

  it('picks coarse steps for large lessons, keeping them to about 40', () => {
    const s = createAppStore('?B=12&N=12&T=12').getState();
    expect(s.granularity).toBe('coarse');
    expect(s.script.steps.length).toBeLessThanOrEqual(40);
  });

  it('keeps the step when a value is edited mid-lesson, and shows the new numbers', () => {
    const store = createAppStore('?step=2');
    expect(store.getState().editCell({ m: 'x', r: 0, c: 0 }, '5').ok).toBe(true);
    const s = store.getState();
    expect(s.step).toBe(2);
    const inputs = makeLesson({ convention: 'row', loss: 'mse', B: 2, N: 3, T: 2 }, 7);
    inputs.x.data[0] = 5;
    const out = computeLesson('row', 'mse', inputs);
    expect(s.snapshot!.y[0]).toBe(out.y.data[0]);
  });

  it('puts the step in the URL and restores it', () => {
    const store = createAppStore('?conv=torch&focus=y:1,0');
    store.getState().setStep(4);
    const q = encodeUrl(urlStateOf(store.getState()));
    expect(q).toContain('step=4');
    const again = createAppStore(`?${q}`).getState();
    expect(again.step).toBe(4);
    expect(snapValues(again)).toEqual(snapValues(store.getState()));
    expect(again.derivation?.title).toBe(store.getState().derivation?.title);
    store.getState().toEnd();
    expect(encodeUrl(urlStateOf(store.getState()))).not.toContain('step=');
    expect(decodeUrl('?step=abc').notices.map((n) => n.param)).toEqual(['step']);
  });
});

describe('lesson changes mid-lesson', () => {
  it('moves to the start of the same matrix when the script changes shape', () => {
    const store = createAppStore('?B=2&N=3&T=2');
    store.getState().toPhase('backward');
    const target = store.getState().script.steps[store.getState().step].target;
    store.getState().setSize('T', 12);
    const s = store.getState();
    expect(s.script.steps[s.step].target).toBe(target);
    expect(s.step).toBe(s.script.targetStart[target]);
  });

  it('says when a linked step is past the end', () => {
    const { notices } = createAppStore('?step=999').getState();
    expect(notices.map((n) => n.param)).toEqual(['step']);
    expect(notices[0].message).toMatch(/past the end of this lesson's \d+ steps/);
  });
});

describe('guarded lesson changes', () => {
  it('keeps the lesson and says why when a new loss would overflow, instead of throwing', () => {
    const store = createAppStore('?loss=sum');
    expect(store.getState().editCell({ m: 'x', r: 0, c: 0 }, '1e200').ok).toBe(true);
    const before = store.getState();
    expect(() => store.getState().setLoss('mse')).not.toThrow();
    const s = store.getState();
    expect(s.config.loss).toBe('sum');
    expect(s.inputs).toBe(before.inputs);
    expect(s.notices.find((n) => n.param === 'loss')?.message).toMatch(/Changing loss makes the layer overflow/);
  });

  it('clears a selected Jacobian entry when the lesson changes', () => {
    const store = createAppStore('');
    store.getState().setJacobianEntry({ r: 1, c: 2 });
    expect(store.getState().jacobianEntry).not.toBeNull();
    store.getState().setConvention('column');
    expect(store.getState().jacobianEntry).toBeNull();
    expect(store.getState().linked).toEqual({});
  });

  it('keeps a Jacobian entry outlined while derivation terms are hovered and left', () => {
    const store = createAppStore('?focus=dW:0,0');
    store.getState().setJacobianEntry({ r: 1, c: 2 });
    const linked = store.getState().linked;
    expect(linked).not.toEqual({});
    store.getState().setTerm(0);
    expect(store.getState().termHighlights).not.toEqual({});
    store.getState().setTerm(null);
    expect(store.getState().linked).toBe(linked);
  });
});

describe('Jacobian cost selector', () => {
  it('gives each preset the closed-form figures, and the same array until something changes', async () => {
    const { selectCosts } = await import('../../src/store/jacobianSlice.ts');
    const store = createAppStore('?B=2&N=3&T=2');
    const a = selectCosts(store.getState());
    expect(selectCosts(store.getState())).toBe(a);
    const mnist = a.find((c) => c.p === 'mnist')!.cost;
    const [B, N, T] = [32, 784, 128];
    expect(mnist.entries).toBe(B * T * N * T);
    expect(mnist.nnz).toBe(B * T * N);
    expect(mnist.float32).toBe(B * T * N * T * 4);
    expect(mnist.macsShortcut).toBe(B * N * T);
    const teaching = a.find((c) => c.p === 'teaching')!.cost;
    expect(teaching.entries).toBe(2 * 2 * 3 * 2);
    store.getState().setJacobianKind('dY/db');
    const b = selectCosts(store.getState());
    expect(b).not.toBe(a);
    expect(b.find((c) => c.p === 'mnist')!.cost.nnz).toBe(B * T);
  });
});
