// The app's side of the protocol, against a stand-in window and parent:
// commands only from the parent (and allowed origins), replies, notices,
// events, and the H5P and Canvas resize dialects.
import { describe, expect, it } from 'vitest';
import { startBridge } from '../../src/embed/bridge.ts';
import { lessonStateOf } from '../../src/embed/lessonState.ts';
import { PROTOCOL, VERSION } from '../../src/embed/protocol.ts';
import { createAppStore } from '../../src/store/store.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';

interface Posted {
  msg: Record<string, unknown>;
  target: string;
}

/** A window in a frame, whose parent records what it is sent; `frames` runs queued animation frames. */
function fakeFrame(search = '?embed=1') {
  const toParent: Posted[] = [];
  const toOthers: Posted[] = [];
  const parent = { postMessage: (msg: Record<string, unknown>, target: string) => toParent.push({ msg, target }) };
  const stranger = { postMessage: (msg: Record<string, unknown>, target: string) => toOthers.push({ msg, target }) };
  const listeners: ((e: MessageEvent) => void)[] = [];
  let queued: (() => void)[] = [];
  const height = { value: 800 };
  const win = {
    parent,
    innerHeight: 520,
    document: { fullscreenEnabled: false },
    addEventListener: (_: string, fn: (e: MessageEvent) => void) => listeners.push(fn),
    removeEventListener: (_: string, fn: (e: MessageEvent) => void) => listeners.splice(listeners.indexOf(fn), 1),
    requestAnimationFrame: (fn: () => void) => queued.push(fn),
    cancelAnimationFrame: () => {},
  } as unknown as Window;
  const store = createAppStore(search);
  const i18n = createI18n('en', EN);
  const stop = startBridge(store, { win, measure: () => ({ height: height.value, width: 760 }), observe: {} as Element, describe: (n) => i18n.msg(n) });
  const send = (data: unknown, from: object = parent, origin = 'https://host.example') => {
    for (const fn of [...listeners]) fn({ data, source: from, origin } as unknown as MessageEvent);
  };
  const frames = () => {
    const q = queued;
    queued = [];
    q.forEach((f) => f());
  };
  const replies = () => toParent.map((p) => p.msg).filter((m) => m.type === 'reply');
  const events = (type: string) => toParent.map((p) => p.msg).filter((m) => m.protocol === PROTOCOL && m.type === type);
  return { store, send, frames, toParent, toOthers, stranger, replies, events, stop, height, listeners };
}

const cmd = (type: string, fields: Record<string, unknown> = {}, id: string | null = 'r1') => ({ protocol: PROTOCOL, version: VERSION, type, ...(id !== null ? { id } : {}), ...fields });

describe('the bridge', () => {
  it('says ready with the state and capabilities, and its size, once it listens', () => {
    const f = fakeFrame('?embed=1&lock=1&show=forward,backward,derivation&conv=torch');
    const [ready] = f.events('ready');
    expect(ready.state).toEqual({ conv: 'torch' });
    expect(ready.capabilities).toMatchObject({ locked: true, sections: ['forward', 'backward', 'derivation'], fullscreen: false });
    expect(f.events('resize')[0]).toMatchObject({ height: 800, width: 760 });
    expect(f.toParent.every((p) => p.target === '*')).toBe(true);
  });

  it('answers getState and setState, returning the notices a link would get', () => {
    const f = fakeFrame();
    f.send(cmd('getState'));
    expect(f.replies()[0]).toMatchObject({ id: 'r1', ok: true, result: { state: {} } });
    f.send(cmd('setState', { state: { conv: 'column', B: '3', loss: 'nonsense', embed: '0', bogus: '1' } }, 'r2'));
    const r = f.replies()[1] as { ok: boolean; result: { state: Record<string, string>; notices: { param: string; message: string }[] } };
    expect(r.ok).toBe(true);
    expect(r.result.state).toMatchObject({ conv: 'column', B: '3' });
    expect(r.result.notices.map((n) => n.param).sort()).toEqual(['bogus', 'embed', 'loss']);
    expect(r.result.notices.find((n) => n.param === 'loss')?.message).toContain('nonsense');
    expect(f.store.getState().config).toMatchObject({ convention: 'column', B: 3, loss: 'mse' });
    // The frame's own settings are untouched.
    expect(f.store.getState().frame.embed).toBe(true);
  });

  it('drops values of the current lesson that no longer fit, and keeps what still does', () => {
    const f = fakeFrame('?embed=1&x=1,2,3;4,5,6&seed=3');
    f.send(cmd('setState', { state: { B: '1' } }));
    const r = f.replies()[0] as { result: { state: Record<string, string>; notices: unknown[] } };
    expect(r.result.notices).toEqual([]);
    expect(r.result.state).toEqual({ B: '1', seed: '3' });
  });

  it('goes to a step, plays, pauses and focuses, refusing what does not fit the lesson', () => {
    const f = fakeFrame();
    const total = f.store.select.script(f.store.getState()).steps.length;
    f.send(cmd('goToStep', { step: 2 }, 'a'));
    expect(f.store.select.step(f.store.getState())).toBe(2);
    expect(f.replies().at(-1)).toMatchObject({ id: 'a', ok: true, result: { step: 2, total } });
    expect(f.events('stepChanged').at(-1)).toMatchObject({ step: 2, total });
    f.send(cmd('goToStep', { step: total + 1 }, 'b'));
    expect(f.replies().at(-1)).toMatchObject({ id: 'b', ok: false, error: { field: 'step' } });
    expect(f.store.select.step(f.store.getState())).toBe(2);
    f.send(cmd('play', {}, 'c'));
    expect(f.store.getState().playing).toBe(true);
    f.send(cmd('pause', {}, 'd'));
    expect(f.store.getState().playing).toBe(false);
    f.send(cmd('setFocus', { cell: 'dW:1,0' }, 'e'));
    expect(f.store.getState().focus).toEqual({ m: 'dW', r: 1, c: 0 });
    expect(f.events('focusChanged').at(-1)).toMatchObject({ cell: 'dW:1,0' });
    f.send(cmd('setFocus', { cell: 'dW:9,9' }, 'g'));
    expect(f.replies().at(-1)).toMatchObject({ id: 'g', ok: false, error: { field: 'cell' } });
    expect(f.store.getState().focus).toEqual({ m: 'dW', r: 1, c: 0 });
  });

  it('posts stateChanged once per animation frame, only when the lesson changed', () => {
    const f = fakeFrame();
    f.store.getState().setConvention('torch');
    f.store.getState().setLoss('sum');
    expect(f.events('stateChanged')).toHaveLength(0);
    f.frames();
    expect(f.events('stateChanged')).toHaveLength(1);
    expect(f.events('stateChanged')[0].state).toEqual({ conv: 'torch', loss: 'sum' });
    f.store.getState().setHover({ m: 'y', r: 0, c: 0 });
    f.frames();
    expect(f.events('stateChanged')).toHaveLength(1);
  });

  it('takes commands only from its parent, and only from allowed origins when origin= is given', () => {
    const f = fakeFrame('?embed=1&origin=https://lms.example.org');
    f.send(cmd('goToStep', { step: 1 }), f.stranger, 'https://lms.example.org');
    f.send(cmd('goToStep', { step: 1 }), undefined, 'https://evil.example');
    expect(f.store.select.step(f.store.getState())).not.toBe(1);
    expect(f.replies()).toHaveLength(0);
    f.send(cmd('goToStep', { step: 1 }), undefined, 'https://lms.example.org');
    expect(f.store.select.step(f.store.getState())).toBe(1);
    expect(f.toParent.every((p) => p.target === 'https://lms.example.org')).toBe(true);
    expect(f.toOthers).toEqual([]);
  });

  it('answers a malformed command with ok: false naming the field, even without an id, and changes nothing', () => {
    const f = fakeFrame();
    const before = lessonStateOf(f.store);
    f.send(cmd('setState', { state: { B: 3 } }, null));
    expect(f.replies()[0]).toMatchObject({ id: null, ok: false, error: { field: 'state.B' } });
    f.send(JSON.parse('{"protocol":"backprop-dense","version":1,"type":"setState","id":"p","state":{"__proto__":{"conv":"torch"}}}'));
    expect(f.replies()[1]).toMatchObject({ id: 'p', ok: false, error: { field: 'state.__proto__' } });
    expect(lessonStateOf(f.store)).toEqual(before);
    f.send(cmd('frobnicate'));
    expect(f.replies()).toHaveLength(2);
  });

  it('speaks H5P’s resizer and posts Canvas’s frame resize', () => {
    const f = fakeFrame();
    const h5p = () => f.toParent.map((p) => p.msg).filter((m) => m.context === 'h5p');
    expect(h5p()).toEqual([{ context: 'h5p', action: 'hello' }]);
    expect(f.toParent.map((p) => p.msg).filter((m) => m.subject === 'lti.frameResize')).toEqual([{ subject: 'lti.frameResize', height: 800 }]);
    f.send({ context: 'h5p', action: 'hello' });
    expect(h5p().at(-1)).toEqual({ context: 'h5p', action: 'prepareResize', scrollHeight: 800, clientHeight: 520 });
    f.send({ context: 'h5p', action: 'resizePrepared' });
    expect(h5p().at(-1)).toEqual({ context: 'h5p', action: 'resize', scrollHeight: 800 });
  });

  it('stops listening when stopped', () => {
    const f = fakeFrame();
    f.stop();
    expect(f.listeners).toHaveLength(0);
  });
});
