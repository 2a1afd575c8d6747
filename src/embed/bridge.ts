// The app's side of the embedding protocol: takes commands from the parent
// window (and only from the origins the link allows), answers them, and
// tells the parent about the lesson, the step, the focus and the content's
// size. Also speaks the two resize dialects course platforms already know
// (H5P's resizer and Canvas's lti.frameResize), so they size the frame with
// no script of ours. Everything it keeps belongs to one call.
import type { AppStore } from '../store/store.ts';
import type { Note } from '../store/messages.ts';
import { lessonCell, writeCell } from '../store/url.ts';
import { applyLessonState, lessonQuery, lessonStateOf } from './lessonState.ts';
import {
  COMMAND_TYPES,
  EVENT_TYPES,
  type Capabilities,
  type Checked,
  type EventMap,
  type EventType,
  type ProtocolError,
  checkCommand,
  eventMessage,
  replyMessage,
} from './protocol.ts';
import { type SizeDialect, sizeDialects } from './resize.ts';
import { watchQuiz } from './quizEvents.ts';

export interface BridgeOptions {
  /** The app's window; its parent is the host. */
  win: Window;
  /** Measures the content: the height the frame needs, and its width. */
  measure(): { height: number; width: number };
  /** Observes the element whose size changes move the frame. */
  observe: Element;
  /** A message as plain text, for notices sent to the host. */
  describe(n: Note): string;
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: ProtocolError };
type Command = Extract<Checked, { kind: 'command' }>['command'];

/** Runs one checked command against the store. */
function run(store: AppStore, c: Command, win: Window, describe: (n: Note) => string): Outcome {
  const s = store.getState();
  switch (c.type) {
    case 'getState':
      return { ok: true, result: { state: lessonStateOf(store), capabilities: capabilities(store, win) } };
    case 'setState': {
      const notices = applyLessonState(store, c.fields.state).map((n) => ({ param: n.param, message: describe(n.message) }));
      return { ok: true, result: { state: lessonStateOf(store), notices } };
    }
    case 'goToStep': {
      const total = store.select.script(s).steps.length;
      if (c.fields.step > total) return { ok: false, error: { field: 'step', message: `step must be at most ${total}, the number of steps in this lesson` } };
      s.setStep(c.fields.step);
      return { ok: true, result: { step: store.select.step(store.getState()), total } };
    }
    case 'play':
      s.play();
      return { ok: true, result: { playing: store.getState().playing } };
    case 'pause':
      s.pause();
      return { ok: true, result: { playing: store.getState().playing } };
    case 'setFocus': {
      if (c.fields.cell === null) {
        s.setFocus(null);
        return { ok: true, result: { cell: null } };
      }
      const { convention, loss, activation, lr, B, N, T } = s.config;
      const cell = lessonCell(c.fields.cell, { convention, loss, activation, lr, sizes: { B, N, T } });
      if (cell === null) return { ok: false, error: { field: 'cell', message: `cell '${c.fields.cell}' is not a cell of this lesson; write it like 'dW:1,0'` } };
      s.setFocus(cell);
      return { ok: true, result: { cell: writeCell(cell) } };
    }
  }
}

/** What this app can do, as `ready` announces it. */
function capabilities(store: AppStore, win: Window): Capabilities {
  const { frame } = store.getState();
  return { commands: COMMAND_TYPES, events: EVENT_TYPES, fullscreen: win.document.fullscreenEnabled === true, locked: frame.lock, sections: frame.show };
}

/** Starts speaking the protocol with the parent window; returns the function that stops it. Does nothing outside a frame. */
export function startBridge(store: AppStore, opts: BridgeOptions): () => void {
  const { win } = opts;
  const parent = win.parent;
  if (!parent || parent === win) return () => {};
  const { origins } = store.getState().frame;
  const allowed = (origin: string) => origins === null || origins.includes(origin);
  const postRaw = (msg: unknown) => {
    for (const target of origins ?? ['*']) parent.postMessage(msg, target);
  };
  const post = <T extends EventType>(type: T, fields: EventMap[T]) => postRaw(eventMessage(type, fields));

  const dialects: SizeDialect[] = sizeDialects(postRaw, () => win.innerHeight);
  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent || !allowed(e.origin)) return;
    for (const d of dialects) d.hear(e.data, opts.measure().height);
    const checked = checkCommand(e.data);
    if (checked.kind === 'ignored') return;
    const outcome: Outcome = checked.kind === 'invalid' ? { ok: false, error: checked.error } : run(store, checked.command, win, opts.describe);
    const id = checked.kind === 'invalid' ? checked.id : checked.command.id;
    // Malformed commands are answered even without an id, so the author sees why; good ones only when asked.
    if (id === undefined && outcome.ok) return;
    const reply = replyMessage(id ?? null, outcome);
    (e.source as Window).postMessage(reply, e.origin === 'null' ? '*' : e.origin);
  };
  win.addEventListener('message', onMessage);

  // Lesson, step and focus, each posted when it changes; the lesson at most once per frame.
  let lastQuery = lessonQuery(store);
  let lastStep = store.select.step(store.getState());
  let lastTotal = store.select.script(store.getState()).steps.length;
  let lastFocus = store.getState().focus;
  let frameRequest = 0;
  const flushState = () => {
    frameRequest = 0;
    const q = lessonQuery(store);
    if (q === lastQuery) return;
    lastQuery = q;
    post('stateChanged', { state: lessonStateOf(store) });
  };
  const unsubscribe = store.subscribe((s) => {
    if (frameRequest === 0) frameRequest = win.requestAnimationFrame(flushState);
    const step = store.select.step(s);
    const total = store.select.script(s).steps.length;
    if (step !== lastStep || total !== lastTotal) {
      lastStep = step;
      lastTotal = total;
      post('stepChanged', { step, total });
    }
    if (s.focus !== lastFocus) {
      lastFocus = s.focus;
      post('focusChanged', { cell: s.focus ? writeCell(s.focus) : null });
    }
  });

  // The content's size, whenever it changes.
  let lastSize = '';
  const sendSize = () => {
    const size = opts.measure();
    // Nothing is drawn yet: a height of 0 would collapse an auto-sized frame.
    if (size.height === 0) return;
    const key = `${size.height}x${size.width}`;
    if (key === lastSize) return;
    lastSize = key;
    post('resize', size);
    for (const d of dialects) d.size(size.height);
  };
  const Observer = (win as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
  const observer = Observer ? new Observer(sendSize) : null;
  observer?.observe(opts.observe);

  // The exercises' xAPI statements, as they are made.
  const stopQuiz = watchQuiz(store, () => win.location.href, (statement) => post('xapi', { statement }));

  post('ready', { state: lessonStateOf(store), capabilities: capabilities(store, win) });
  for (const d of dialects) d.start();
  sendSize();
  return () => {
    win.removeEventListener('message', onMessage);
    unsubscribe();
    stopQuiz();
    observer?.disconnect();
    if (frameRequest !== 0) win.cancelAnimationFrame(frameRequest);
  };
}
