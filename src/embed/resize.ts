// The resize dialects course platforms already speak, so that they size the
// frame without any script of ours:
// - H5P's resizer (h5p-resizer.js on the host): the frame says hello; once the
//   host answers, each size change is a prepareResize, answered by
//   resizePrepared, then a resize with the height; the host may also ask for
//   one by sending resize.
// - Canvas LMS: { subject: 'lti.frameResize', height } on each size change.

/** One dialect: what it hears from the host, and what it says when the content's height changes. */
export interface SizeDialect {
  start(): void;
  hear(data: unknown, height: number): void;
  size(height: number): void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The H5P resizer's frame side. */
function h5p(post: (msg: unknown) => void, clientHeight: () => number): SizeDialect {
  let heard = false;
  let height = 0;
  const prepare = () => post({ context: 'h5p', action: 'prepareResize', scrollHeight: height, clientHeight: clientHeight() });
  return {
    start: () => post({ context: 'h5p', action: 'hello' }),
    hear(data, h) {
      if (!isRecord(data) || data.context !== 'h5p') return;
      height = h;
      if (data.action === 'hello') {
        heard = true;
        prepare();
      } else if (heard && data.action === 'resizePrepared') post({ context: 'h5p', action: 'resize', scrollHeight: height });
      else if (heard && data.action === 'resize') prepare();
    },
    size(h) {
      height = h;
      if (heard) prepare();
    },
  };
}

/** Canvas's frame resize message. */
function canvas(post: (msg: unknown) => void): SizeDialect {
  return {
    start: () => {},
    hear: () => {},
    size: (height) => post({ subject: 'lti.frameResize', height }),
  };
}

/** Both dialects, posting through `post`. */
export function sizeDialects(post: (msg: unknown) => void, clientHeight: () => number): SizeDialect[] {
  return [h5p(post, clientHeight), canvas(post)];
}
