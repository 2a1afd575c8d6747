// KaTeX and its stylesheet: one chunk of their own, which the TeX cache loads after the first paint.
import 'katex/dist/katex.min.css';
import katex from 'katex';

export { katex };
