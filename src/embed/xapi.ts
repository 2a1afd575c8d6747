// xAPI statements for the exercises, as H5P sends them to its host: one
// `answered` per judged answer, and when the set is complete `completed` and
// `passed` or `failed`, each with a result holding the score and success. The
// app knows no learner: the host adds the actor. Type definitions only and
// pure builders; sent over the embedding protocol (docs/embedding.md).

/** The verbs sent, with their ADL identifiers. */
export const XAPI_VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
} as const;
export type XapiVerb = keyof typeof XAPI_VERBS;

/** The extension that carries the hints used. */
export const HINTS_EXTENSION = 'https://backprop-dense.example/xapi/hints';

/** One statement, without its actor. */
export interface XapiStatement {
  verb: { id: string; display: { 'en-US': XapiVerb } };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { type: string; name: { 'en-US': string }; interactionType?: 'fill-in' | 'choice' | 'other' };
  };
  result: {
    score: { raw: number; min: 0; max: number; scaled: number };
    success: boolean;
    completion?: boolean;
    response?: string;
    extensions?: Record<string, number>;
  };
  context: { contextActivities: { parent?: { objectType: 'Activity'; id: string }[] } };
  timestamp: string;
}

/** An answered exercise: which, of what kind, the response as given, right or not, and the hints it took. */
export interface AnsweredExercise {
  index: number;
  kind: string;
  response: string;
  success: boolean;
  hints: number;
}

const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';

const verb = (v: XapiVerb) => ({ id: XAPI_VERBS[v], display: { 'en-US': v } });

/** The statement for one judged answer; `setId` is the set's activity, and the exercise's is it with #exercise-k. */
export function answeredStatement(setId: string, a: AnsweredExercise, timestamp: string): XapiStatement {
  const raw = a.success ? 1 : 0;
  return {
    verb: verb('answered'),
    object: {
      objectType: 'Activity',
      id: `${setId}#exercise-${a.index + 1}`,
      definition: { type: INTERACTION, name: { 'en-US': `${a.kind} ${a.index + 1}` }, interactionType: a.kind === 'predict' || a.kind === 'shape' ? 'fill-in' : a.kind === 'deps' ? 'other' : 'choice' },
    },
    result: { score: { raw, min: 0, max: 1, scaled: raw }, success: a.success, response: a.response, extensions: { [HINTS_EXTENSION]: a.hints } },
    context: { contextActivities: { parent: [{ objectType: 'Activity', id: setId }] } },
    timestamp,
  };
}

/** The statements for a completed set: `completed`, then `passed` or `failed`, with the score. */
export function completedStatements(setId: string, score: { correct: number; n: number; passed: boolean; hints: number }, timestamp: string): XapiStatement[] {
  const result = { score: { raw: score.correct, min: 0 as const, max: score.n, scaled: score.n > 0 ? score.correct / score.n : 0 }, success: score.passed, completion: true, extensions: { [HINTS_EXTENSION]: score.hints } };
  const object = { objectType: 'Activity' as const, id: setId, definition: { type: ASSESSMENT, name: { 'en-US': 'backprop-dense exercise set' } } };
  return (['completed', score.passed ? 'passed' : 'failed'] as const).map((v) => ({ verb: verb(v), object, result, context: { contextActivities: {} }, timestamp }));
}
