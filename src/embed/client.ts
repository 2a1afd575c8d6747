// The host's side of the embedding protocol: a small ES module (built as
// dist/embed.js) that connects to one embedded app and drives it.
//
//   import { connect } from './embed.js';
//   const lesson = await connect(document.querySelector('iframe'));
//   await lesson.goToStep(3);
//   lesson.on('stepChanged', (e) => console.log(e.step, 'of', e.total));
//
// Its types are the protocol's own (protocol.ts). See docs/embedding.md.
import {
  type CommandMap,
  type CommandType,
  type EventMap,
  type EventMessage,
  type EventType,
  type LessonState,
  type ProtocolError,
  type ReplyMessage,
  checkIncoming,
  commandMessage,
} from './protocol.ts';

export type { Capabilities, CellText, EventMap, LessonState, ProtocolNotice } from './protocol.ts';
export { PROTOCOL, VERSION } from './protocol.ts';

/** A command the app refused: `field` names what was wrong. */
export class EmbedError extends Error {
  readonly field: string;
  constructor(error: ProtocolError) {
    super(error.message);
    this.name = 'EmbedError';
    this.field = error.field;
  }
}

export interface ConnectOptions {
  /** The app's origin; by default the iframe's src's. Messages from any other origin are ignored. */
  origin?: string;
  /** How long to wait for the app to answer, in ms (default 10 000). */
  timeout?: number;
  /** Set the iframe's height from the app's resize events (default true). */
  autoSize?: boolean;
}

/** One connected app. */
export interface Lesson {
  /** The lesson as a link holds it, as last heard from the app. */
  readonly state: LessonState;
  readonly capabilities: EventMap['ready']['capabilities'] | null;
  getState(): Promise<CommandMap['getState']['result']>;
  setState(state: LessonState): Promise<CommandMap['setState']['result']>;
  goToStep(step: number): Promise<CommandMap['goToStep']['result']>;
  play(): Promise<CommandMap['play']['result']>;
  pause(): Promise<CommandMap['pause']['result']>;
  setFocus(cell: string | null): Promise<CommandMap['setFocus']['result']>;
  /** Listens to an event; returns the function that stops listening. */
  on<T extends EventType>(type: T, listener: (event: EventMap[T]) => void): () => void;
  /** Stops listening to everything and rejects pending commands. */
  disconnect(): void;
}

/** Connects to the app in `iframe`, resolving once it answers. */
export function connect(iframe: HTMLIFrameElement, options: ConnectOptions = {}): Promise<Lesson> {
  const win = iframe.ownerDocument.defaultView;
  if (!win) return Promise.reject(new Error('the iframe is not in a window'));
  const origin = options.origin ?? new URL(iframe.src, win.location.href).origin;
  const timeout = options.timeout ?? 10_000;
  const autoSize = options.autoSize ?? true;
  const pending = new Map<string, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<EventType, Set<(e: never) => void>>();
  const prefix = Math.random().toString(36).slice(2, 10);
  let counter = 0;
  let state: LessonState = {};
  let capabilities: Lesson['capabilities'] = null;

  const send = <T extends CommandType>(type: T, fields: CommandMap[T]['fields']): Promise<CommandMap[T]['result']> => {
    const target = iframe.contentWindow;
    if (!target) return Promise.reject(new Error('the iframe has no window (is it still in the page?)'));
    const id = `${prefix}-${++counter}`;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      target.postMessage(commandMessage(type, fields, id), origin);
    });
  };
  /** Hands listeners the event's own fields, without the envelope. */
  const emit = <T extends EventType>(msg: EventMessage<T>) => {
    const { type, ...rest } = msg;
    const fields: Record<string, unknown> = { ...rest };
    delete fields.protocol;
    delete fields.version;
    for (const fn of listeners.get(type) ?? []) (fn as (e: EventMap[T]) => void)(fields as unknown as EventMap[T]);
  };

  const onMessage = (e: MessageEvent) => {
    if (e.source !== iframe.contentWindow || e.origin !== origin) return;
    const msg = checkIncoming(e.data);
    if (msg === null) return;
    if (msg.type === 'reply') {
      const reply = msg as ReplyMessage;
      const p = reply.id === null ? undefined : pending.get(String(reply.id));
      if (!p) return;
      pending.delete(String(reply.id));
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new EmbedError(reply.error));
      return;
    }
    const event = msg as EventMessage;
    if (event.type === 'ready') capabilities = (event as EventMessage<'ready'>).capabilities;
    if (event.type === 'ready' || event.type === 'stateChanged') state = (event as EventMessage<'stateChanged'>).state;
    if (event.type === 'resize' && autoSize) iframe.style.height = `${Math.ceil((event as EventMessage<'resize'>).height)}px`;
    emit(event);
  };
  win.addEventListener('message', onMessage);

  const lesson: Lesson = {
    get state() {
      return state;
    },
    get capabilities() {
      return capabilities;
    },
    getState: () => send('getState', {}),
    setState: (s) => send('setState', { state: s }),
    goToStep: (step) => send('goToStep', { step }),
    play: () => send('play', {}),
    pause: () => send('pause', {}),
    setFocus: (cell) => send('setFocus', { cell }),
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      set.add(listener as (e: never) => void);
      listeners.set(type, set);
      return () => set.delete(listener as (e: never) => void);
    },
    disconnect() {
      win.removeEventListener('message', onMessage);
      for (const p of pending.values()) p.reject(new Error('disconnected'));
      pending.clear();
      listeners.clear();
    },
  };

  // The app may have said `ready` before we listened: ask for its state until it answers.
  return new Promise((resolve, reject) => {
    let settled = false;
    const stopReady = lesson.on('ready', () => finish());
    const finish = () => {
      if (settled) return;
      settled = true;
      win.clearInterval(poll);
      win.clearTimeout(timer);
      stopReady();
      resolve(lesson);
    };
    const ask = () => {
      lesson.getState().then((r) => {
        state = r.state;
        capabilities = r.capabilities;
        finish();
      }, () => {});
    };
    const poll = win.setInterval(ask, 250);
    const timer = win.setTimeout(() => {
      if (settled) return;
      settled = true;
      win.clearInterval(poll);
      stopReady();
      lesson.disconnect();
      reject(new Error(`the app at ${origin} did not answer within ${timeout} ms (is the frame's src right, and does its origin= allow this page?)`));
    }, timeout);
    ask();
  });
}
