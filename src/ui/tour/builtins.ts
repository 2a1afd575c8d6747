// The built-in tours, each following one source article: the lesson at each
// stop as a link holds it, and the catalogue keys of its words (captions in
// src/ui/strings/en/tour.ts, maths between $…$).
import type { Tour, TourState } from '../../tour/format.ts';
import { stateRecord } from '../../tour/format.ts';
import type { MessageKey } from '../strings/en.ts';

/** The built-in tours' names, in the menu's order. */
export const BUILTIN_TOURS = ['outputs', 'torch', 'batches', 'jacobian', 'activation'] as const;
export type BuiltinTour = (typeof BUILTIN_TOURS)[number];

/** One stop: its lesson, and whether it asks the class a question first. */
interface StopDef {
  state: Record<string, string>;
  question?: boolean;
}

const ONE = { conv: 'row', B: '1', N: '3', T: '2', loss: 'upstream' };
const TORCH = { conv: 'torch' };
const BATCH = { B: '3', N: '2', T: '2' };
const COLUMN = { conv: 'column', B: '1', N: '3', T: '2' };
const ACT = { act: 'sigmoid', loss: 'softmax-ce' };

const STOPS: Readonly<Record<BuiltinTour, readonly StopDef[]>> = {
  // Seed 000: one output at a time, and why dL/dx is dL/dy times the weights.
  outputs: [
    { state: { ...ONE, step: '0', grain: 'fine' } },
    { state: { ...ONE, step: '1', grain: 'fine', focus: 'y:0,0' } },
    { state: { ...ONE, step: '2', grain: 'fine', focus: 'y:0,1' } },
    { state: { ...ONE, focus: 'dX:0,0' }, question: true },
    { state: { ...ONE, focus: 'dX:0,2' } },
    { state: { ...ONE, focus: 'dW:1,0' }, question: true },
  ],
  // Seed 001: PyTorch stores W as [out, in] and multiplies by its transpose.
  torch: [
    { state: { ...TORCH, focus: 'W:1,2' } },
    { state: { ...TORCH, step: '2', grain: 'fine', focus: 'y:0,1' } },
    { state: { ...TORCH, focus: 'dW:1,2' }, question: true },
    { state: { ...TORCH, focus: 'dX:1,0' } },
    { state: { ...TORCH, focus: 'db:0,1' } },
    { state: { focus: 'dW:2,1' } },
  ],
  // Seeds 002 and 003: dW sums one outer product per sample; db sums over the batch.
  batches: [
    { state: { ...BATCH, step: '10', grain: 'fine', focus: 'dY:0,0' } },
    { state: { ...BATCH, step: '11', grain: 'fine', focus: 'dW:0,0' } },
    { state: { ...BATCH, step: '12', grain: 'fine', focus: 'dW:0,0' } },
    { state: { ...BATCH, step: '13', grain: 'fine', focus: 'dW:0,0' } },
    { state: { ...BATCH, step: '16', grain: 'fine', focus: 'db:0,1' }, question: true },
  ],
  // Seed 003: the full Jacobian nobody builds.
  jacobian: [
    { state: { ...COLUMN, focus: 'y:1,0' } },
    { state: { ...COLUMN, jac: 'W', focus: 'dW:1,2' }, question: true },
    { state: { ...COLUMN, jac: 'x', focus: 'dX:2,0' } },
    { state: { ...COLUMN, B: '2', jac: 'W', focus: 'dW:0,1' } },
    { state: { ...COLUMN, jac: 'W' } },
  ],
  // Seed 004: stick to the chain rule through an intermediate variable.
  activation: [
    { state: { ...ACT, step: '4', grain: 'fine', focus: 'z:1,1' } },
    { state: { ...ACT, step: '6', grain: 'fine', focus: 'y:1,1' } },
    { state: { ...ACT, step: '9', grain: 'fine', focus: 'dY:1,1' } },
    { state: { ...ACT, step: '11', grain: 'fine', focus: 'dZ:1,1' }, question: true },
    { state: { ...ACT, focus: 'dW:2,1' } },
  ],
};

/** The catalogue key of a built-in tour's title. */
export const tourTitleKey = (id: BuiltinTour): MessageKey => `tours.${id}.title` as MessageKey;

/** The catalogue keys of a built-in tour's stops: caption, and question when it asks one. */
export function stopKeys(id: BuiltinTour): { caption: MessageKey; question: MessageKey | null }[] {
  return STOPS[id].map((s, k) => ({ caption: `tours.${id}.${k + 1}` as MessageKey, question: s.question ? (`tours.${id}.${k + 1}.q` as MessageKey) : null }));
}

/** A built-in tour in the page's words. */
export function builtinTour(id: BuiltinTour, t: (key: MessageKey) => string): Tour {
  const keys = stopKeys(id);
  return {
    title: t(tourTitleKey(id)),
    stops: STOPS[id].map((s, k) => {
      const state: TourState = stateRecord(Object.entries(s.state));
      const q = keys[k].question;
      return q ? { state, caption: t(keys[k].caption), question: t(q) } : { state, caption: t(keys[k].caption) };
    }),
  };
}
