/** Thrown when an input has the wrong shape, a non-finite value or an out-of-range index. */
export class ValidationError extends Error {
  /** The input the message is about, for example 'x', 'W', 'target'. */
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}
