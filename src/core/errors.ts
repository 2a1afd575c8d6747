import type { Msg } from './messages.ts';

/** Thrown when an input has the wrong shape, a non-finite value or an out-of-range index. */
export class ValidationError extends Error {
  /** The input the message is about, for example 'x', 'W', 'target'. */
  readonly field: string;
  /** The same problem as a message for the learner, when it can reach the screen. */
  readonly userMessage: Msg | null;
  constructor(field: string, message: string, userMessage: Msg | null = null) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
    this.userMessage = userMessage;
  }
}
