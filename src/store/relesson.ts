// Replacing the lesson (its configuration, seed or values) while keeping the
// learner's place: the focused cell when it still exists, and the step on the
// first step of the matrix shown.
import { ValidationError, code, inShape, type CellRef, type LessonGraph, type MatrixName } from '../core/index.ts';
import { type Note, note } from './messages.ts';
import type { Selectors } from './selectors.ts';
import type { AppState, GetState, LessonSlice, SetState } from './state.ts';

/** The sources that make a lesson. */
export type LessonPatch = Partial<Pick<LessonSlice, 'config' | 'seed' | 'inputs' | 'edited'>>;

/**
 * The node of the new lesson that does what node m did in the old one: itself when it still does the same
 * job, else the node of the same operation (y, the dense product, becomes z once an activation follows, and
 * back), else null (the activation and its gradient when the activation goes away).
 */
function counterpart(from: LessonGraph, to: LessonGraph, m: MatrixName): MatrixName | null {
  const op = from.rule(m)?.op;
  if (!op) return null;
  if (to.rule(m)?.op === op) return m;
  return op === 'input' ? null : (to.nodes.find((n) => n.op === op)?.node ?? null);
}

/** Why a lesson could not be computed, as a message (the layer overflowing, usually). */
export function problemOf(e: unknown): Note {
  if (e instanceof ValidationError && e.userMessage) return e.userMessage;
  return note('problem.internal', { text: e instanceof Error ? e.message : String(e) });
}

/**
 * Applies a new lesson. Throws, changing nothing, when the new lesson cannot
 * be computed (values so large that the layer overflows).
 */
export function relesson(get: GetState, set: SetState, select: Selectors, patch: LessonPatch, extra: Partial<AppState> = {}): void {
  const s = get();
  // What the old lesson showed, read before the candidate replaces the selectors' memory.
  const oldScript = select.script(s);
  const oldStep = select.step(s);
  const oldGraph = select.graph(s);
  const next: AppState = { ...s, ...patch, ...extra };
  const ctx = select.ctx(next);
  const graph = select.graph(next);
  const script = select.script(next);
  // Mid-lesson, stay on the first step of the matrix shown (the last step run, as the counter and the phase buttons
  // count): step numbers change meaning with the script. The start stays the start.
  let step = oldStep === 0 ? 0 : script.steps.length;
  if (oldStep > 0 && oldStep < oldScript.steps.length) {
    const shown = oldScript.steps[oldStep - 1];
    const same = script.steps[oldStep - 1]?.id === shown.id;
    // The matrix shown, or, when the new lesson has nothing doing its job, the next one it has.
    const later = oldScript.nodes.slice(oldScript.nodes.indexOf(shown.target));
    const next = later.map((m) => counterpart(oldGraph, graph, m)).find((m): m is MatrixName => m !== null && (script.targetStart[m] ?? -1) >= 0);
    step = same ? oldStep : next ? script.targetStart[next] + 1 : script.steps.length;
  }
  // A focused cell stays, or moves to the node doing its job in the same layout (z ↔ y); otherwise it is let go.
  const keep = (c: CellRef | null): CellRef | null => {
    if (!c) return null;
    const m = counterpart(oldGraph, graph, c.m) ?? (graph.rule(c.m) ? c.m : null);
    if (!m || graph.rule(m)?.layout !== oldGraph.rule(c.m)?.layout) return null;
    const moved = { m, r: c.r, c: c.c };
    return inShape(ctx, moved) ? moved : null;
  };
  set({
    ...patch,
    ...extra,
    step,
    focus: keep(next.focus),
    hover: keep(next.hover),
    term: null,
    // A selected Jacobian entry names row and column numbers that the new lesson may lay out differently.
    ...(s.jacobianEntry ? { jacobianEntry: null, linked: [] } : {}),
    ...(!select.jacobianKinds(next).includes(next.jacobianKind) ? { jacobianKind: 'dY/dW' as const } : {}),
  });
}

/** Changes the lesson, or, when the new lesson cannot be computed, keeps it and says why with a notice on `param`. */
export function tryRelesson(get: GetState, set: SetState, select: Selectors, param: string, patch: LessonPatch): void {
  try {
    relesson(get, set, select, patch);
  } catch (e) {
    const message = note('notice.overflow.change', { param: code(param), problem: problemOf(e) });
    set({ notices: [...get().notices.filter((n) => n.param !== param), { param, message }] });
  }
}
