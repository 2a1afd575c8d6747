// The embedding protocol, version 1: the messages a host page and an embedded
// app exchange, and the checks every incoming message passes field by field.
// Shared by the app (bridge.ts) and the host's client (client.ts), so both
// sides have one description. It imports only types: the client stays small.
// Version 1 is only ever added to; a breaking change will be version 2, and
// version 1 will still be answered. See docs/embedding.md.

import type { XapiStatement } from './xapi.ts';

export const PROTOCOL = 'backprop-dense';
export const VERSION = 1;
/** Messages larger than this (as JSON) are refused unread. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** The lesson as a link holds it: URL parameter names to their values, all strings. */
export type LessonState = Record<string, string>;

/** A cell as links write it, `dW:1,0`, or null for none. */
export type CellText = string | null;

/** A problem the app found in a URL parameter or a setState value. */
export interface ProtocolNotice {
  param: string;
  message: string;
}

/** What the app can do, sent with `ready`. */
export interface Capabilities {
  commands: readonly CommandType[];
  events: readonly EventType[];
  /** True when the frame may go fullscreen (`allow="fullscreen"`). */
  fullscreen: boolean;
  /** True when the lesson is read-only for the learner (`lock=1`). */
  locked: boolean;
  /** The sections shown, from the frame's `show=`. */
  sections: readonly string[];
}

/** Every event the app posts, by type, with its fields. */
export interface EventMap {
  ready: { state: LessonState; capabilities: Capabilities };
  stateChanged: { state: LessonState };
  stepChanged: { step: number; total: number };
  focusChanged: { cell: CellText };
  resize: { height: number; width: number };
  /** An xAPI statement of the exercise mode (without actor: the host adds it). */
  xapi: { statement: XapiStatement };
}
export type EventType = keyof EventMap;
export const EVENT_TYPES: readonly EventType[] = ['ready', 'stateChanged', 'stepChanged', 'focusChanged', 'resize', 'xapi'];

/** Every command the app takes, by type: its fields, and the result of its reply. */
export interface CommandMap {
  getState: { fields: Record<string, never>; result: { state: LessonState; capabilities: Capabilities } };
  setState: { fields: { state: LessonState }; result: { state: LessonState; notices: ProtocolNotice[] } };
  goToStep: { fields: { step: number }; result: { step: number; total: number } };
  play: { fields: Record<string, never>; result: { playing: boolean } };
  pause: { fields: Record<string, never>; result: { playing: boolean } };
  setFocus: { fields: { cell: CellText }; result: { cell: CellText } };
}
export type CommandType = keyof CommandMap;
export const COMMAND_TYPES: readonly CommandType[] = ['getState', 'setState', 'goToStep', 'play', 'pause', 'setFocus'];

/** The fields every message carries. */
export interface Envelope<T extends string> {
  protocol: typeof PROTOCOL;
  version: typeof VERSION;
  type: T;
  id?: string | number;
}

export type EventMessage<T extends EventType = EventType> = Envelope<T> & EventMap[T];
export type CommandMessage<T extends CommandType = CommandType> = Envelope<T> & CommandMap[T]['fields'];

/** A field that was wrong, and how. */
export interface ProtocolError {
  field: string;
  message: string;
}

/** The answer to a command that carried an id (or to a malformed one, whose id is null when it had none). */
export type ReplyMessage = Omit<Envelope<'reply'>, 'id'> & { id: string | number | null } & ({ ok: true; result: unknown } | { ok: false; error: ProtocolError });

/** A command that passed every check, or why not (with the id to answer, when there was a usable one). */
export type Checked =
  | { kind: 'command'; command: { [T in CommandType]: { type: T; id?: string | number; fields: CommandMap[T]['fields'] } }[CommandType] }
  | { kind: 'invalid'; id?: string | number; error: ProtocolError }
  | { kind: 'ignored' };

/** An event message, ready to post. */
export function eventMessage<T extends EventType>(type: T, fields: EventMap[T]): EventMessage<T> {
  return { protocol: PROTOCOL, version: VERSION, type, ...fields };
}

/** A reply to command `id`. */
export function replyMessage(id: string | number | null, outcome: { ok: true; result: unknown } | { ok: false; error: ProtocolError }): ReplyMessage {
  return { protocol: PROTOCOL, version: VERSION, type: 'reply', id, ...outcome };
}

/** A command message, ready to post. */
export function commandMessage<T extends CommandType>(type: T, fields: CommandMap[T]['fields'], id?: string | number): CommandMessage<T> {
  return { protocol: PROTOCOL, version: VERSION, type, ...(id === undefined ? {} : { id }), ...fields } as CommandMessage<T>;
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
/** Keys that could reach an object's prototype if copied naively. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Whether `v` would take more than `limit` bytes as JSON, counted without
 * building the JSON and stopping as soon as the budget is spent (cycles and
 * deep nesting count as too large).
 */
export function tooLarge(v: unknown, limit = MAX_MESSAGE_BYTES): boolean {
  let budget = limit;
  const walk = (x: unknown, depth: number): boolean => {
    if (depth > 32) return true;
    if (typeof x === 'string') budget -= x.length * 3 + 2;
    else if (typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined) budget -= 24;
    else if (typeof x === 'bigint' || typeof x === 'symbol' || typeof x === 'function') budget -= 24;
    else if (ArrayBuffer.isView(x)) budget -= x.byteLength * 4;
    else if (x instanceof ArrayBuffer) budget -= x.byteLength * 4;
    else if (Array.isArray(x)) {
      budget -= 2 + x.length;
      if (budget < 0) return true;
      for (const e of x) if (walk(e, depth + 1)) return true;
    } else if (typeof x === 'object') {
      const keys = Object.keys(x);
      budget -= 2 + keys.length;
      if (budget < 0) return true;
      for (const k of keys) {
        budget -= k.length * 3 + 3;
        if (walk((x as Record<string, unknown>)[k], depth + 1)) return true;
      }
    }
    return budget < 0;
  };
  return walk(v, 0);
}

const idOf = (data: Record<string, unknown>): string | number | undefined => {
  const id = own(data, 'id') ? data.id : undefined;
  if (typeof id === 'string' && id.length > 0 && id.length <= 200) return id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  return undefined;
};

/** A copy of a state object as a null-prototype record of strings, or the field that was wrong. */
export function checkState(v: unknown, field = 'state'): { ok: true; state: LessonState } | { ok: false; error: ProtocolError } {
  if (!isPlain(v)) return { ok: false, error: { field, message: `${field} must be an object of URL parameters to strings` } };
  const state: LessonState = Object.create(null) as LessonState;
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) return { ok: false, error: { field: `${field}.${k}`, message: `${field}.${k} is not a URL parameter` } };
    const value = v[k];
    if (typeof value !== 'string') return { ok: false, error: { field: `${field}.${k}`, message: `${field}.${k} must be a string, as in a link` } };
    state[k] = value;
  }
  return { ok: true, state };
}

/** Checks one command's own fields. */
function checkFields(type: CommandType, data: Record<string, unknown>): { ok: true; fields: CommandMap[CommandType]['fields'] } | { ok: false; error: ProtocolError } {
  switch (type) {
    case 'setState': {
      if (!own(data, 'state')) return { ok: false, error: { field: 'state', message: 'setState needs a state object' } };
      const r = checkState(data.state);
      return r.ok ? { ok: true, fields: { state: r.state } } : r;
    }
    case 'goToStep': {
      const step = own(data, 'step') ? data.step : undefined;
      if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) return { ok: false, error: { field: 'step', message: 'step must be a whole number, 0 or more' } };
      return { ok: true, fields: { step } };
    }
    case 'setFocus': {
      const cell = own(data, 'cell') ? data.cell : undefined;
      if (cell !== null && (typeof cell !== 'string' || cell.length > 40)) return { ok: false, error: { field: 'cell', message: "cell must be a cell like 'dW:1,0', or null" } };
      return { ok: true, fields: { cell } };
    }
    default:
      return { ok: true, fields: {} };
  }
}

/**
 * Checks an incoming message. Messages of other protocols and unknown types
 * are ignored; a command with a wrong field is invalid, naming the field.
 */
export function checkCommand(data: unknown): Checked {
  if (!isPlain(data) || !own(data, 'protocol') || data.protocol !== PROTOCOL) return { kind: 'ignored' };
  const id = idOf(data);
  if (tooLarge(data)) return { kind: 'invalid', id, error: { field: 'message', message: `messages over ${MAX_MESSAGE_BYTES} bytes are refused` } };
  if (own(data, 'id') && id === undefined) return { kind: 'invalid', error: { field: 'id', message: 'id must be a non-empty string or a finite number' } };
  if (!own(data, 'version') || data.version !== VERSION) return { kind: 'invalid', id, error: { field: 'version', message: `this app speaks version ${VERSION}` } };
  const type = own(data, 'type') ? data.type : undefined;
  if (typeof type !== 'string' || !(COMMAND_TYPES as readonly string[]).includes(type)) return { kind: 'ignored' };
  const fields = checkFields(type as CommandType, data);
  if (!fields.ok) return { kind: 'invalid', id, error: fields.error };
  return { kind: 'command', command: { type, id, fields: fields.fields } as Extract<Checked, { kind: 'command' }>['command'] };
}

/** Checks a message from the app on the host's side: an event or a reply of this protocol, or null. */
export function checkIncoming(data: unknown): EventMessage | ReplyMessage | null {
  if (!isPlain(data) || data.protocol !== PROTOCOL || data.version !== VERSION || tooLarge(data)) return null;
  if (data.type === 'reply') return (idOf(data) !== undefined || data.id === null) && typeof data.ok === 'boolean' ? (data as unknown as ReplyMessage) : null;
  return typeof data.type === 'string' && (EVENT_TYPES as readonly string[]).includes(data.type) ? (data as unknown as EventMessage) : null;
}
