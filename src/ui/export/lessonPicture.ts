// What the picture of the lesson shows, gathered from the store as the lesson view shows it: the passes the frame
// shows, each grid framed as its MatrixView frames it (gridFrame.ts), its numbers written as the grid writes them
// and coloured with the grids' heat scale, the explained cell and its dependencies marked; and the derivation the
// panel shows, as plain text (texText.ts, the form the panel shows before KaTeX has loaded). lessonSvg.ts draws it.
import { LOSSES, indexedTex, layerTex, openerTex, closerTex, phaseShown, resultTex, shownTerms, updateTex, type Derivation, type Msg, type NodeRule } from '../../core/index.ts';
import { shows } from '../../store/frame.ts';
import type { Selectors } from '../../store/selectors.ts';
import type { AppState } from '../../store/state.ts';
import { heatScale } from '../matrix/colour.ts';
import { gridFrame, gridText } from '../matrix/gridFrame.ts';
import { drawnAsHeatmap } from '../matrix/heatDraw.ts';
import { arrowBefore, passNodes, type Pass } from '../shell/passes.ts';
import type { MessageKey } from '../strings/en.ts';
import type { I18n } from '../strings/i18n.ts';
import { texText } from '../texText.ts';
import type { LessonPicture, PictureDerivation, PictureGrid, PictureLine, PicturePass } from './lessonSvg.ts';

/** A message with its formulas written as plain text. */
const plain = (i18n: I18n, m: Msg<MessageKey>): string =>
  i18n
    .rich(m)
    .map((seg) => (seg.kind === 'tex' ? texText(seg.tex) : seg.kind === 'code' ? seg.code : seg.text))
    .join('');

/** One node's grid, at the player's step. */
function gridOf(s: AppState, select: Selectors, i18n: I18n, rule: NodeRule, arrow: string | null): PictureGrid {
  const ctx = select.ctx(s);
  const f = gridFrame(rule, ctx.convention, ctx.sizes, i18n);
  const values = select.values(s, rule.node);
  const colour = heatScale(select.finalValues(s, rule.node));
  const explained = select.explained(s);
  const deps = select.highlights(s)[rule.node];
  const cells = Array.from(values, (v, k) => {
    const [r, c] = [Math.floor(k / f.cols), k % f.cols];
    const muted = f.unused || Number.isNaN(v);
    const { bg, fg } = colour(v);
    const active = explained !== null && explained.m === rule.node && explained.r === r && explained.c === c;
    return { text: muted ? '' : gridText(i18n.fmt, v, f.integer), bg, fg, neg: !muted && v < 0, muted, mark: active ? ('active' as const) : deps?.has(`${r},${c}`) ? ('dep' as const) : null };
  });
  const notes: string[] = [];
  if (rule.node === 'L') {
    const formula = LOSSES[ctx.loss].tex(ctx.convention);
    notes.push(formula ? texText(formula) : i18n.t('lesson.lossGiven'));
  }
  return { name: rule.node, label: f.label, badge: f.badge, rows: f.rows, cols: f.cols, rowAxis: f.rowAxis, colAxis: f.colAxis, cells, heatmap: drawnAsHeatmap(f.rows, f.cols), arrow, notes };
}

/** The numbers line as the panel shows it: the opening, the terms (a long sum cut to its ends, ⋯ between), the closing. */
function numbersText(d: Derivation): string {
  const ks = shownTerms(d.terms.length, false);
  const terms = ks.map((k, i) => (i > 0 && ks[i - 1] !== k - 1 ? `\\cdots + ${d.terms[k].tex}` : d.terms[k].tex)).join(' + ');
  return texText(`${openerTex(d)}${terms}${closerTex(d)}`);
}

/** The explained cell's derivation as the panel shows it, line by line, in plain text. */
export function derivationPicture(ctx: { layout?: NodeRule['layout'] }, d: Derivation, i18n: I18n): PictureDerivation {
  const { t, fmt } = i18n;
  const p = d.progress;
  const value = p.kind === 'pending' ? t('derivation.notComputed') : Number.isNaN(d.value) ? t('derivation.notUsed') : fmt.text(d.value, 6);
  const note = [p.kind === 'pending' ? t('derivation.pendingNote', { at: p.at, of: p.of }) : p.kind === 'partial' ? t('derivation.partialNote', { done: p.done, of: p.of }) : '', i18n.msg(d.note)]
    .filter(Boolean)
    .join(' ');
  const soFar = p.kind === 'partial' ? ` ${t('derivation.soFar')}` : '';
  const lines: PictureLine[] = [{ tag: t('derivation.line.rule'), text: d.given ? plain(i18n, d.given) : texText(d.general) }];
  if (d.lhs && (d.terms.length > 0 || p.kind === 'pending')) lines.push({ tag: t('derivation.line.cell'), text: (p.kind === 'pending' ? texText(d.lhs) : texText(indexedTex(d, false))) + soFar });
  if (d.terms.length > 0) lines.push({ tag: t('derivation.line.numbers'), text: numbersText(d) });
  const result = resultTex(d, fmt);
  if (result || p.kind === 'pending') lines.push({ tag: t('derivation.line.result'), text: p.kind === 'pending' ? t('derivation.notComputed') : texText(result) + soFar });
  if (d.rounding && p.kind !== 'pending') lines.push({ tag: '', text: i18n.msg(d.rounding) });
  const form = d.matrixForm
    ? { heading: t('derivation.matrixForm'), lines: [texText(d.matrixForm.tex), `${texText(d.matrixForm.check.symbolic)} ${t('derivation.ie')} ${texText(d.matrixForm.check.numeric)}`] }
    : null;
  return { title: `${i18n.cellName(d.cell, ctx.layout)} = ${value}`, notes: note ? [note] : [], lines, form };
}

/** The picture of the lesson on screen. */
export function lessonPicture(s: AppState, select: Selectors, i18n: I18n): LessonPicture {
  const { t, fmt } = i18n;
  const ctx = select.ctx(s);
  const graph = select.graph(s);
  const script = select.script(s);
  const step = select.step(s);
  const rows = passNodes(graph);
  const heading: Record<Pass, string> = {
    forward: `${t('lesson.forward')}  ${texText(layerTex(ctx.convention, ctx.activation))}`,
    backward: t('lesson.backward'),
    update: ctx.lr === undefined ? '' : `${t('lesson.update')}  ${texText(updateTex(ctx.lr, fmt))}`,
  };
  const shown: Pass[] = [...(shows(s.frame, 'forward') ? ['forward' as const] : []), ...(shows(s.frame, 'backward') ? ['backward' as const, ...(ctx.lr === undefined ? [] : ['update' as const])] : [])];
  const passes: PicturePass[] = shown
    .filter((pass) => rows[pass].length > 0)
    .map((pass) => ({
      pass,
      heading: heading[pass],
      grids: rows[pass].map((rule, k) => {
        const op = arrowBefore(rows[pass], k);
        return gridOf(s, select, i18n, rule, op ? t(`op.${op}`) : null);
      }),
    }));
  const { B, N, T } = ctx.sizes;
  const about = [
    t('latex.doc.lesson', { convention: ctx.convention, loss: ctx.loss, activation: ctx.activation ?? 'identity', B: `B = ${fmt.integer(B)}`, N: `N = ${fmt.integer(N)}`, T: `T = ${fmt.integer(T)}` }),
    ...(ctx.lr === undefined ? [] : [t('latex.doc.update', { lr: `η = ${fmt.text(ctx.lr, 6)}` })]),
  ];
  const n = script.steps.length;
  if (step < n) about.push(step === 0 ? t('player.countStart', { n }) : t('player.countAt', { step, n, phase: t(`phase.${phaseShown(script, step)}`) }));
  const d = shows(s.frame, 'derivation') ? select.derivation(s) : null;
  const derivation = d ? derivationPicture({ layout: graph.rule(d.cell.m)?.layout }, d, i18n) : null;
  return { lang: i18n.locale, title: t('app.title'), about, passes, derivation, legend: t('app.legend') };
}
