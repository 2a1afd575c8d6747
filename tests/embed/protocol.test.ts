// The embedding protocol's schema: every command is checked field by field,
// hostile messages change nothing, and events and replies are well formed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, MAX_MESSAGE_BYTES, PROTOCOL, VERSION, checkCommand, checkIncoming, checkState, commandMessage, eventMessage, replyMessage, tooLarge } from '../../src/embed/protocol.ts';

const msg = (type: string, fields: Record<string, unknown> = {}, id: unknown = 'c1') => ({ protocol: PROTOCOL, version: VERSION, type, id, ...fields });

describe('checkCommand', () => {
  it('accepts every command with good fields, keeping its id', () => {
    const good: Record<string, Record<string, unknown>> = {
      getState: {},
      setState: { state: { conv: 'torch', B: '3' } },
      goToStep: { step: 4 },
      play: {},
      pause: {},
      setFocus: { cell: 'dW:1,0' },
    };
    for (const type of COMMAND_TYPES) {
      const c = checkCommand(msg(type, good[type]));
      expect(c.kind, type).toBe('command');
      if (c.kind === 'command') {
        expect(c.command.type).toBe(type);
        expect(c.command.id).toBe('c1');
      }
    }
    const focusNone = checkCommand(msg('setFocus', { cell: null }));
    expect(focusNone).toMatchObject({ kind: 'command', command: { fields: { cell: null } } });
  });

  it('ignores other protocols, non-objects and unknown types', () => {
    for (const data of [null, 'getState', 42, [], { type: 'getState' }, { protocol: 'other', version: 1, type: 'getState' }, msg('explode'), msg('reply')]) {
      expect(checkCommand(data).kind).toBe('ignored');
    }
  });

  it('names the wrong field of a malformed command', () => {
    const cases: [unknown, string][] = [
      [msg('goToStep', { step: -1 }), 'step'],
      [msg('goToStep', { step: 1.5 }), 'step'],
      [msg('goToStep', { step: '3' }), 'step'],
      [msg('goToStep', {}), 'step'],
      [msg('setFocus', {}), 'cell'],
      [msg('setFocus', { cell: 7 }), 'cell'],
      [msg('setState', {}), 'state'],
      [msg('setState', { state: 'conv=torch' }), 'state'],
      [msg('setState', { state: ['conv'] }), 'state'],
      [msg('setState', { state: { B: 3 } }), 'state.B'],
      [{ ...msg('getState'), version: 2 }, 'version'],
      [msg('getState', {}, { nested: true }), 'id'],
      [msg('getState', {}, ''), 'id'],
    ];
    for (const [data, field] of cases) {
      const c = checkCommand(data);
      expect(c.kind, JSON.stringify(data)).toBe('invalid');
      if (c.kind === 'invalid') {
        expect(c.error.field).toBe(field);
        expect(c.error.message.length).toBeGreaterThan(5);
      }
    }
  });

  it('keeps __proto__ and constructor keys from reaching any object', () => {
    const hostile = JSON.parse('{"protocol":"backprop-dense","version":1,"type":"setState","id":"h","state":{"__proto__":{"polluted":"yes"}}}') as unknown;
    const c = checkCommand(hostile);
    expect(c).toMatchObject({ kind: 'invalid', error: { field: 'state.__proto__' } });
    const ctor = checkCommand(msg('setState', { state: { constructor: 'x' } }));
    expect(ctor).toMatchObject({ kind: 'invalid', error: { field: 'state.constructor' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A state that passes is a null-prototype copy.
    const ok = checkState({ conv: 'row' });
    expect(ok.ok && Object.getPrototypeOf(ok.state)).toBe(null);
  });

  it('refuses messages over 64 KB, cycles and deep nesting', () => {
    const huge = msg('setState', { state: { x: '1,'.repeat(MAX_MESSAGE_BYTES) } });
    expect(checkCommand(huge)).toMatchObject({ kind: 'invalid', id: 'c1', error: { field: 'message' } });
    const cyclic: Record<string, unknown> = msg('getState');
    cyclic.self = cyclic;
    expect(checkCommand(cyclic)).toMatchObject({ kind: 'invalid', error: { field: 'message' } });
    expect(tooLarge({ a: new Float64Array(20_000) })).toBe(true);
    expect(tooLarge(msg('setState', { state: { x: '1,2;3,4' } }))).toBe(false);
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withTypedArray: true, withMap: true, withSet: true }), fc.constantFrom(...COMMAND_TYPES, 'x'), (junk, type) => {
        expect(() => checkCommand(junk)).not.toThrow();
        expect(() => checkCommand({ protocol: PROTOCOL, version: VERSION, type, id: 1, state: junk, step: junk, cell: junk })).not.toThrow();
        expect(() => checkIncoming(junk)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('messages the app and the client build', () => {
  it('carry the protocol and version, and round-trip through the other side’s check', () => {
    const ev = eventMessage('stepChanged', { step: 2, total: 9 });
    expect(ev).toEqual({ protocol: 'backprop-dense', version: 1, type: 'stepChanged', step: 2, total: 9 });
    expect(checkIncoming(ev)).toEqual(ev);
    const reply = replyMessage('c9', { ok: false, error: { field: 'step', message: 'no' } });
    expect(checkIncoming(reply)).toEqual(reply);
    expect(checkIncoming(replyMessage(null, { ok: true, result: {} }))).not.toBeNull();
    const cmd = commandMessage('goToStep', { step: 3 }, 'q');
    expect(checkCommand(cmd)).toMatchObject({ kind: 'command', command: { type: 'goToStep', id: 'q', fields: { step: 3 } } });
    expect(checkIncoming({ ...ev, type: 'nonsense' })).toBeNull();
    expect(checkIncoming({ ...ev, version: 2 })).toBeNull();
  });
});
