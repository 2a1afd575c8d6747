import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, COARSE_TARGET, buildScript, computeLesson, makeLesson, phaseShown, snapshotAt } from '../../src/core/index.ts';
import { createAppStore, urlStateOf, type AppStore } from '../../src/store/store.ts';
import { decodeUrl, encodeUrl } from '../../src/store/url.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';

const english = createI18n('en', EN);

const snapValues = (store: AppStore) => {
  const snap = store.select.snapshot(store.getState());
  return snap ? Object.fromEntries(Object.entries(snap).map(([k, v]) => [k, Array.from(v)])) : null;
};
const scriptOf = (store: AppStore) => store.select.script(store.getState());
const derivationOf = (store: AppStore) => store.select.derivation(store.getState());

describe('playback slice', () => {
  it('opens complete, with no snapshot, unless the URL names a step', () => {
    const a = createAppStore('');
    expect(a.getState().step).toBe(scriptOf(a).steps.length);
    expect(a.select.snapshot(a.getState())).toBeNull();
    const t = createAppStore('?step=3');
    expect(t.getState().step).toBe(3);
    expect(t.select.snapshot(t.getState())).not.toBeNull();
  });

  it('clamps a step beyond the end', () => {
    const store = createAppStore('?step=999');
    expect(store.getState().step).toBe(scriptOf(store).steps.length);
  });

  it('restores the same state when stepping forward then back, at every step', () => {
    for (const q of ['?conv=column&B=3&N=2&T=2&loss=softmax-ce&focus=dW:0,1', '?conv=torch&B=2&N=2&T=3&act=sigmoid&focus=dZ:1,2']) {
      const store = createAppStore(q);
      const n = scriptOf(store).steps.length;
      store.getState().toStart();
      for (let k = 0; k < n; k++) {
        const snap = snapValues(store);
        const deriv = derivationOf(store);
        store.getState().next();
        expect(store.getState().step, q).toBe(k + 1);
        store.getState().prev();
        expect(store.getState().step, q).toBe(k);
        expect(snapValues(store), q).toEqual(snap);
        const again = derivationOf(store);
        expect(again?.value, q).toEqual(deriv?.value);
        expect(again?.terms.length, q).toEqual(deriv?.terms.length);
        expect(again?.progress, q).toEqual(deriv?.progress);
        store.getState().next();
      }
      expect(store.select.snapshot(store.getState()), q).toBeNull();
    }
  });

  it('shows, at each step, exactly the script snapshot from core', () => {
    for (const act of ACTIVATIONS) {
      const store = createAppStore(`?conv=torch&B=2&N=3&T=2&act=${act}`);
      const s0 = store.getState();
      const ctx = store.select.ctx(s0);
      const script = buildScript(ctx, store.select.granularity(s0));
      expect(script.steps.map((st) => st.id), act).toEqual(scriptOf(store).steps.map((st) => st.id));
      for (const k of [0, 5, 9, script.steps.length - 1]) {
        store.getState().setStep(k);
        const want = snapshotAt(ctx, script, k);
        const got = store.select.snapshot(store.getState());
        expect(Object.keys(got!).sort(), `${act} ${k}`).toEqual(Object.keys(want).sort());
        for (const m of Object.keys(want) as (keyof typeof want)[]) expect(Array.from(got![m]!), `${act} ${k} ${m}`).toEqual(Array.from(want[m]!));
        // The grids show the snapshot.
        expect(Array.from(store.select.values(store.getState(), 'y')), `${act} ${k}`).toEqual(Array.from(want.y!));
      }
    }
  });

  it('marks the cells the last step read and wrote', () => {
    const store = createAppStore('?B=2&N=3&T=2');
    store.getState().setStep(1); // y[0,0] in the row convention
    const s = store.getState();
    expect([...(store.select.stepWrites(s).y ?? [])]).toEqual(['0,0']);
    expect([...(store.select.stepReads(s).x ?? [])].sort()).toEqual(['0,0', '0,1', '0,2']);
    expect([...(store.select.stepReads(s).W ?? [])].sort()).toEqual(['0,0', '1,0', '2,0']);
    expect([...(store.select.stepReads(s).b ?? [])]).toEqual(['0,0']);
    // Nothing is marked at the start or once the lesson is complete.
    store.getState().toStart();
    expect(store.select.stepWrites(store.getState())).toEqual({});
    store.getState().toEnd();
    expect(store.select.stepReads(store.getState())).toEqual({});
  });

  it('with an activation, computes z first, then y from z', () => {
    const store = createAppStore('?B=2&N=3&T=2&act=relu');
    const sc = scriptOf(store);
    expect(sc.targetStart.z).toBe(0);
    store.getState().setStep(1); // z[0,0]
    let s = store.getState();
    expect(store.select.stepWrites(s)).toEqual({ z: new Set(['0,0']) });
    expect([...(store.select.stepReads(s).x ?? [])].sort()).toEqual(['0,0', '0,1', '0,2']);
    expect([...(store.select.stepReads(s).W ?? [])].sort()).toEqual(['0,0', '1,0', '2,0']);
    store.getState().setStep(sc.targetStart.y + 1); // y of the first sample, from z's
    s = store.getState();
    expect(sc.steps[sc.targetStart.y].target).toBe('y');
    expect(store.select.stepReads(s)).toEqual({ z: new Set(['0,0', '0,1']) });
    expect(store.select.stepWrites(s)).toEqual({ y: new Set(['0,0', '0,1']) });
    // dL/dz comes after dL/dy and before the gradients of the layer.
    expect(sc.targetStart.dZ).toBeGreaterThan(sc.targetStart.dY);
    expect(sc.targetStart.dW).toBeGreaterThan(sc.targetStart.dZ);
  });

  it('jumps to phases, the start and the end', () => {
    const store = createAppStore('?B=2&N=3&T=2');
    const script = scriptOf(store);
    // The step counts the steps run and shows the last of them: a jump lands on the phase's first step.
    store.getState().toPhase('backward');
    expect(store.getState().step).toBe(script.phaseStart.backward + 1);
    expect(script.steps[store.getState().step - 1].phase).toBe('backward');
    store.getState().toPhase('loss');
    expect(store.getState().step).toBe(5);
    expect(script.steps[store.getState().step - 1].phase).toBe('loss');
    store.getState().toPhase('forward');
    expect(store.getState().step).toBe(1);
    store.getState().toStart();
    expect(store.getState().step).toBe(0);
    store.getState().toEnd();
    expect(store.getState().step).toBe(script.steps.length);
  });

  it('shows the phase jumped to, at every grain, activation and loss, and keeps it when the grain changes', () => {
    for (const act of ACTIVATIONS)
      for (const loss of ['mse', 'upstream'] as const)
        for (const grain of ['fine', 'coarse'] as const)
          for (const B of [1, 3]) {
            const store = createAppStore(`?B=${B}&N=2&T=3&act=${act}&loss=${loss}&grain=${grain}&step=0`);
            const why = `${act} ${loss} ${grain} B=${B}`;
            for (const p of scriptOf(store).phases) {
              store.getState().toPhase(p);
              const shown = () => phaseShown(scriptOf(store), store.select.step(store.getState()));
              expect(shown(), why).toBe(p);
              const k = store.getState().step;
              expect(scriptOf(store).steps[k - 1].phase, why).toBe(p);
              expect(k === 1 || scriptOf(store).steps[k - 2].phase !== p, why).toBe(true);
              store.getState().setGranularity(grain === 'fine' ? 'coarse' : 'fine');
              expect(shown(), `${why}, grain changed`).toBe(p);
              store.getState().setGranularity(grain);
            }
            // dL/dy given upstream: there is no loss phase to jump to, and asking for it moves nothing.
            if (loss === 'upstream') {
              store.getState().toStart();
              store.getState().toPhase('loss');
              expect(store.getState().step, why).toBe(0);
            }
          }
  });

  it('plays from the start when at the end, and stops playing on reaching the end', () => {
    const store = createAppStore('');
    store.getState().play();
    expect(store.getState().step).toBe(0);
    expect(store.getState().playing).toBe(true);
    const n = scriptOf(store).steps.length;
    for (let k = 0; k < n; k++) store.getState().next();
    expect(store.getState().step).toBe(n);
    expect(store.getState().playing).toBe(false);
  });

  it('switches between fine and coarse at the start of the same matrix', () => {
    for (const act of ['identity', 'tanh'] as const) {
      const store = createAppStore(`?B=3&N=2&T=3&act=${act}`);
      expect(store.select.granularity(store.getState())).toBe('fine');
      expect(store.getState().grainChoice).toBeNull();
      store.getState().toPhase('backward');
      // The matrix of the step shown: the last one run.
      const target = scriptOf(store).steps[store.getState().step - 1].target;
      store.getState().setGranularity('coarse');
      const s = store.getState();
      const script = scriptOf(store);
      expect(s.grainChoice, act).toBe('coarse');
      expect(store.select.granularity(s), act).toBe('coarse');
      expect(script.steps[s.step - 1].target, act).toBe(target);
      expect(s.step, act).toBe(script.targetStart[target] + 1);
      expect(script.steps.length, act).toBeLessThan(buildScript(store.select.ctx(s), 'fine').steps.length);
    }
  });

  it('picks coarse steps for large lessons, keeping them to about 40', () => {
    for (const act of ACTIVATIONS) {
      const store = createAppStore(`?B=12&N=12&T=12&act=${act}`);
      expect(store.select.granularity(store.getState()), act).toBe('coarse');
      expect(scriptOf(store).steps.length, act).toBeLessThanOrEqual(COARSE_TARGET);
    }
  });

  it('keeps the step when a value is edited mid-lesson, and shows the new numbers', () => {
    for (const act of ['identity', 'sigmoid'] as const) {
      const store = createAppStore(`?step=2&act=${act}`);
      expect(store.getState().editCell({ m: 'x', r: 0, c: 0 }, '5').ok).toBe(true);
      expect(store.getState().step, act).toBe(2);
      const inputs = makeLesson({ convention: 'row', loss: 'mse', B: 2, N: 3, T: 2 }, 7);
      inputs.x.data[0] = 5;
      const out = computeLesson('row', 'mse', inputs, act);
      // The first steps write the dense product: y without an activation, z with one.
      const first = act === 'identity' ? 'y' : 'z';
      expect(store.select.snapshot(store.getState())![first]![0], act).toBe(out.z.data[0]);
    }
  });

  it('puts the step in the URL and restores it', () => {
    const store = createAppStore('?conv=torch&focus=y:1,0');
    store.getState().setStep(4);
    const q = encodeUrl(urlStateOf(store.getState(), store.select));
    expect(q).toContain('step=4');
    const again = createAppStore(`?${q}`);
    expect(again.getState().step).toBe(4);
    expect(snapValues(again)).toEqual(snapValues(store));
    expect(derivationOf(again)).toEqual(derivationOf(store));
    store.getState().toEnd();
    expect(encodeUrl(urlStateOf(store.getState(), store.select))).not.toContain('step=');
    expect(decodeUrl('?step=abc').notices).toEqual([{ param: 'step', message: { key: 'notice.step', params: { raw: { code: 'abc' } } } }]);
  });

  it('puts the step of a lesson with an activation in the URL and restores it', () => {
    const store = createAppStore('?act=tanh&focus=dZ:0,1');
    store.getState().setStep(scriptOf(store).targetStart.dZ + 1);
    const q = encodeUrl(urlStateOf(store.getState(), store.select));
    expect(q).toContain('act=tanh');
    const again = createAppStore(`?${q}`);
    expect(again.getState().notices).toEqual([]);
    expect(again.getState().step).toBe(store.getState().step);
    expect(snapValues(again)).toEqual(snapValues(store));
    expect(derivationOf(again)).toEqual(derivationOf(store));
  });
});

describe('lesson changes mid-lesson', () => {
  // The step shown is the last one run (steps[step - 1]): a lesson change lands on the first step of its matrix.
  it('moves to the first step of the matrix shown when the script changes shape, still in the phase jumped to', () => {
    const store = createAppStore('?B=2&N=3&T=2');
    store.getState().toPhase('backward');
    const target = scriptOf(store).steps[store.getState().step - 1].target;
    store.getState().setSize('T', 12);
    const s = store.getState();
    const script = scriptOf(store);
    expect(script.steps[s.step - 1].target).toBe(target);
    expect(s.step).toBe(script.targetStart[target] + 1);
    expect(phaseShown(script, s.step)).toBe('backward');
  });

  it('moves to the first step of dL/dy when an activation is added before it', () => {
    const store = createAppStore('?B=2&N=3&T=2');
    store.getState().setStep(scriptOf(store).targetStart.dY + 1);
    store.getState().setActivation('relu');
    const s = store.getState();
    const script = scriptOf(store);
    expect(script.steps[s.step - 1].target).toBe('dY');
    expect(s.step).toBe(script.targetStart.dY + 1);
  });

  it('keeps the phase jumped to through every lesson change that keeps the phase', () => {
    for (const p of ['forward', 'loss', 'backward'] as const) {
      const store = createAppStore('?B=2&N=3&T=2&step=0');
      store.getState().toPhase(p);
      for (const change of [() => store.getState().setSize('B', 3), () => store.getState().setActivation('tanh'), () => store.getState().setConvention('column'), () => store.getState().setSeed(3)]) {
        change();
        expect(phaseShown(scriptOf(store), store.getState().step), p).toBe(p);
      }
    }
    // The start stays the start.
    const start = createAppStore('?step=0');
    start.getState().setSize('T', 3);
    expect(start.getState().step).toBe(0);
  });

  it('keeps to the job being done when the activation changes: the dense product is y, then z, then y again', () => {
    const store = createAppStore('?B=2&N=3&T=2');
    // Midway through the dense product (y without an activation)…
    store.getState().setStep(2);
    expect(scriptOf(store).steps[1].target).toBe('y');
    store.getState().setActivation('relu');
    // …goes to the first step of z, the dense product with one, not to the activation after it.
    expect(store.getState().step).toBe(scriptOf(store).targetStart.z + 1);
    // Showing dL/dz, taking the activation away goes on to the next job the lesson still has: dL/dW.
    store.getState().setStep(scriptOf(store).targetStart.dZ! + 1);
    store.getState().setActivation('identity');
    expect(scriptOf(store).steps[store.getState().step - 1].target).toBe('dW');
    expect(store.getState().step).toBe(scriptOf(store).targetStart.dW + 1);
  });

  it('says when a linked step is past the end', () => {
    const store = createAppStore('?step=999');
    const { notices } = store.getState();
    const n = scriptOf(store).steps.length;
    expect(notices).toEqual([{ param: 'step', message: { key: 'notice.step.past', params: { step: 999, n } } }]);
    expect(english.msg(notices[0].message)).toMatch(new RegExp(`past the end of this lesson’s ${n} steps`));
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
    const notice = s.notices.find((n) => n.param === 'loss');
    expect(notice?.message).toEqual({ key: 'notice.overflow.change', params: { param: { code: 'loss' }, problem: { key: 'error.lossOverflow', params: { loss: { code: 'mse' } } } } });
    expect(english.msg(notice!.message)).toMatch(/Changing loss makes the layer overflow/);
  });

  it('clears a selected Jacobian entry when the lesson changes', () => {
    const store = createAppStore('');
    store.getState().setJacobianEntry({ r: 1, c: 2 });
    expect(store.getState().jacobianEntry).not.toBeNull();
    expect(store.getState().linked).not.toEqual([]);
    store.getState().setConvention('column');
    expect(store.getState().jacobianEntry).toBeNull();
    expect(store.getState().linked).toEqual([]);
    expect(store.select.linked(store.getState())).toEqual({});
    // Adding an activation changes the lesson too.
    store.getState().setJacobianEntry({ r: 1, c: 2 });
    store.getState().setActivation('tanh');
    expect(store.getState().jacobianEntry).toBeNull();
    expect(store.select.linked(store.getState())).toEqual({});
  });

  it('keeps a Jacobian entry outlined while derivation terms are hovered and left', () => {
    const store = createAppStore('?focus=dW:0,0');
    store.getState().setJacobianEntry({ r: 1, c: 2 });
    const linked = store.select.linked(store.getState());
    expect(linked).not.toEqual({});
    store.getState().setTerm(0);
    expect(store.select.termHighlights(store.getState())).not.toEqual({});
    store.getState().setTerm(null);
    expect(store.select.linked(store.getState())).toBe(linked);
  });
});

describe('Jacobian cost selector', () => {
  it('gives each preset the closed-form figures, and the same array until something changes', () => {
    const store = createAppStore('?B=2&N=3&T=2');
    const a = store.select.costs(store.getState());
    expect(store.select.costs(store.getState())).toBe(a);
    expect(a.map((c) => c.p)).toEqual(['teaching', 'mnist', 'image-b1', 'image-b32']);
    const mnist = a.find((c) => c.p === 'mnist')!.cost;
    const [B, N, T] = [32, 784, 128];
    expect(mnist.entries).toBe(B * T * N * T);
    expect(mnist.nnz).toBe(B * T * N);
    expect(mnist.float32).toBe(B * T * N * T * 4);
    expect(mnist.macsShortcut).toBe(B * N * T);
    const teaching = a.find((c) => c.p === 'teaching')!.cost;
    expect(teaching.entries).toBe(2 * 2 * 3 * 2);
    // Hovering a cell changes no cost.
    store.getState().setHover({ m: 'x', r: 0, c: 0 });
    expect(store.select.costs(store.getState())).toBe(a);
    store.getState().setJacobianKind('dY/db');
    const b = store.select.costs(store.getState());
    expect(b).not.toBe(a);
    expect(b.find((c) => c.p === 'mnist')!.cost.nnz).toBe(B * T);
  });

  it('gives dy/dz, the diagonal Jacobian of the activation, B·T structural non-zeros', () => {
    const store = createAppStore('?B=2&N=3&T=2&act=sigmoid');
    store.getState().setJacobianKind('dY/dZ');
    const costs = store.select.costs(store.getState());
    const [B, T] = [32, 128];
    const mnist = costs.find((c) => c.p === 'mnist')!.cost;
    expect(mnist.entries).toBe(B * T * B * T);
    expect(mnist.nnz).toBe(B * T);
    expect(costs.find((c) => c.p === 'teaching')!.cost.nnz).toBe(2 * 2);
  });
});
