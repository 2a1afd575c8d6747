// @vitest-environment jsdom
// The heatmap grid: values, ARIA semantics, keyboard movement and in-place editing.
import { act, cleanup, fireEvent, render as rtlRender, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rgb } from 'd3';
import { useState, type ReactElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { note } from '../../src/store/messages.ts';
import { createAppStore, type EditResult } from '../../src/store/store.ts';
import { heatScale } from '../../src/ui/matrix/colour.ts';
import { MatrixGrid, type MatrixGridProps } from '../../src/ui/matrix/MatrixGrid.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';
import { NODE_LAYOUT, type LayoutName, type MatrixName } from '../../src/core/index.ts';

/** Cells named the way the app names them (MatrixView passes the same function, with the matrix's layout). */
const english = createI18n('en', EN);
const namer = (m: MatrixName, layout: LayoutName = NODE_LAYOUT[m]) => (r: number, c: number) => english.cellName({ m, r, c }, layout);

afterEach(cleanup);

/** The grid reads its words and number formatter from the app's context. */
const render = (ui: ReactElement) => rtlRender(ui, { wrapper: ({ children }: { children: ReactNode }) => <StoreProvider store={createAppStore('')}>{children}</StoreProvider> });

const VALUES = [1.23456, -0.000611234, 12345.6, 0, -0.83875, 2];

type Props = Partial<MatrixGridProps> & { onEditSpy?: (r: number, c: number, text: string) => EditResult; layout?: LayoutName };

/** A grid that keeps its own values, accepting edits the way the store does. */
function Harness({ onEditSpy, layout, ...p }: Props) {
  const [values, setValues] = useState<number[]>(VALUES);
  const onEdit = (r: number, c: number, text: string): EditResult => {
    const res = onEditSpy?.(r, c, text) ?? { ok: true };
    if (res.ok) setValues((v) => v.map((old, k) => (k === r * 3 + c ? Number(text) : old)));
    return res;
  };
  return (
    <MatrixGrid
      name="dW"
      label="dL/dW"
      badge="[N×T] = [2×3]"
      rows={2}
      cols={3}
      values={values}
      rowAxis="i"
      colAxis="j"
      editable
      onEdit={onEdit}
      cellName={namer(p.name ?? 'dW', layout)}
      {...p}
    />
  );
}

const grid = () => screen.getByRole('grid');
const cell = (r: number, c: number) => grid().querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)!;
/** jsdom runs requestAnimationFrame callbacks on a timer; wait for them. */
const frame = () => act(() => new Promise((r) => setTimeout(r, 40)));

describe('MatrixGrid rendering', () => {
  it('shows every value to three significant digits, with a minus sign', () => {
    render(<Harness />);
    const texts = screen.getAllByRole('gridcell').map((c) => c.textContent);
    expect(texts).toEqual(['1.23', '\u22120.000611', '12300', '0', '\u22120.839', '2']);
  });

  it('keeps the exact value in data-value', () => {
    render(<Harness />);
    expect(screen.getAllByRole('gridcell').map((c) => Number(c.dataset.value))).toEqual(VALUES);
  });

  it('has ARIA grid semantics: grid, rows with aria-rowindex, gridcells with aria-colindex', () => {
    render(<Harness />);
    const g = grid();
    expect(g.dataset.matrix).toBe('dW');
    expect(g.getAttribute('aria-rowcount')).toBe('2');
    expect(g.getAttribute('aria-colcount')).toBe('3');
    expect(g.getAttribute('aria-label')).toBe('dL/dW, 2 by 3. Rows are inputs. Columns are outputs. Press Enter to edit a value.');
    const rows = within(g).getAllByRole('row');
    expect(rows.map((r) => r.getAttribute('aria-rowindex'))).toEqual(['1', '2']);
    for (const [r, row] of rows.entries()) {
      const cells = within(row).getAllByRole('gridcell');
      expect(cells.map((c) => c.getAttribute('aria-colindex'))).toEqual(['1', '2', '3']);
      for (const c of cells) expect(Number(c.dataset.r)).toBe(r);
    }
  });

  it('names each cell by matrix, indices and value to six significant digits', () => {
    render(<Harness />);
    // The name leads with the value to six digits, then says what the cell shows when it differs.
    expect(cell(0, 0).getAttribute('aria-label')).toBe('dL/dW[0,0] = 1.23456, shown as 1.23');
    expect(cell(1, 1).getAttribute('aria-label')).toBe('dL/dW[1,1] = \u22120.83875, shown as \u22120.839');
    expect(cell(1, 2).getAttribute('aria-label')).toBe('dL/dW[1,2] = 2');
    expect(screen.getByRole('gridcell', { name: 'dL/dW[0,2] = 12345.6, shown as 12300' })).toBe(cell(0, 2));
  });

  it('uses one index for a single-row matrix and whole numbers for class indices', () => {
    render(<Harness name="target" layout="classes" label="target class" rows={1} cols={3} values={[0, 2, 1]} integer editable={false} />);
    expect(cell(0, 1).getAttribute('aria-label')).toBe('target class[1] = 2');
    expect(screen.getAllByRole('gridcell').map((c) => c.textContent)).toEqual(['0', '2', '1']);
    expect(grid().querySelector('.row-label')).toBeNull();
  });

  it('shows the shape badge, the label and index labels', () => {
    render(<Harness />);
    expect(screen.getByText('[N×T] = [2×3]')).toBeTruthy();
    expect(screen.getByText('dL/dW', { selector: '.matrix-label' })).toBeTruthy();
    expect(grid().querySelector('.corner')?.textContent).toBe('i\\j');
    expect([...grid().querySelectorAll('.col-labels span:not(.corner)')].map((s) => s.textContent)).toEqual(['0', '1', '2']);
    expect([...grid().querySelectorAll('.row-label')].map((s) => s.textContent)).toEqual(['0', '1']);
  });

  it('says along which index rows and columns run, from the axes it is given', () => {
    render(<Harness name="y" label="y" rowAxis="s" colAxis="j" editable={false} onEdit={undefined} />);
    expect(grid().getAttribute('aria-label')).toBe('y, 2 by 3. Rows are samples. Columns are outputs.');
    expect(grid().querySelector('.corner')?.textContent).toBe('s\\j');
  });

  it('names a cell not computed yet as such and shows no value in it', () => {
    render(<Harness muted={new Set(['0,1'])} />);
    expect(cell(0, 1).getAttribute('aria-label')).toBe('dL/dW[0,1] = not computed yet');
    expect(cell(0, 1).textContent).toBe('');
    expect(cell(0, 1).dataset.value).toBe('');
    expect(cell(0, 1).classList.contains('muted')).toBe(true);
    expect(cell(0, 0).getAttribute('aria-label')).toBe('dL/dW[0,0] = 1.23456, shown as 1.23');
  });

  it('says why its owner hides a cell, and marks it hidden (a value not computed yet is not)', () => {
    render(<Harness muted={new Set(['0,1'])} mutedText="hidden until you answer the exercise" values={[1.23456, -0.5, Number.NaN, 0, 1, 2]} />);
    expect(cell(0, 1).getAttribute('aria-label')).toBe('dL/dW[0,1] = hidden until you answer the exercise');
    expect(cell(0, 1).textContent).toBe('');
    expect(cell(0, 1).dataset.hidden).toBe('true');
    expect(cell(0, 2).getAttribute('aria-label')).toBe('dL/dW[0,2] = not computed yet');
    expect(cell(0, 2).dataset.hidden).toBeUndefined();
    expect(cell(0, 0).dataset.hidden).toBeUndefined();
  });

  it('marks the sign without colour: negative cells get a class', () => {
    render(<Harness />);
    expect(cell(0, 1).classList.contains('neg')).toBe(true);
    expect(cell(0, 0).classList.contains('neg')).toBe(false);
  });

  it('colours cells by value with readable text', () => {
    render(<Harness />);
    // The colours are the heat scale's over this grid's values (colour.test.ts checks the scale itself).
    const scale = heatScale(VALUES);
    for (const c of screen.getAllByRole('gridcell')) {
      const want = scale(Number(c.dataset.value));
      expect(c.style.background).toBe(rgb(want.bg).toString());
      expect(c.style.color).toBe(rgb(want.fg).toString());
      expect(c.style.color).toMatch(/^rgb\((0, 0, 0|255, 255, 255)\)$/);
    }
  });

  it('marks the active cell, dependencies and term factors', () => {
    render(<Harness active={{ r: 1, c: 2 }} highlights={new Set(['0,0', '0,1'])} termHighlights={new Set(['0,1'])} />);
    expect(cell(1, 2).classList.contains('active')).toBe(true);
    expect(cell(1, 2).getAttribute('aria-selected')).toBe('true');
    expect(cell(0, 0).classList.contains('dep')).toBe(true);
    expect(cell(0, 1).classList.contains('term')).toBe(true);
    expect(cell(0, 0).classList.contains('term')).toBe(false);
  });
});

describe('MatrixGrid keyboard', () => {
  it('is one tab stop, and the arrow keys move focus between cells', async () => {
    const user = userEvent.setup();
    const onFocusCell = vi.fn();
    render(<Harness onFocusCell={onFocusCell} />);
    expect(screen.getAllByRole('gridcell').filter((c) => c.tabIndex === 0)).toEqual([cell(0, 0)]);
    await user.tab();
    expect(document.activeElement).toBe(cell(0, 0));
    expect(onFocusCell).toHaveBeenLastCalledWith(0, 0);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell(0, 1));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell(1, 1));
    expect(onFocusCell).toHaveBeenLastCalledWith(1, 1);
    await user.keyboard('{ArrowDown}{ArrowRight}{ArrowRight}{ArrowRight}'); // clamped at the edges
    expect(document.activeElement).toBe(cell(1, 2));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(cell(1, 0));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(cell(1, 2));
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(document.activeElement).toBe(cell(0, 0));
    await user.keyboard('{ArrowUp}{ArrowLeft}');
    expect(document.activeElement).toBe(cell(0, 0));
    // The roving tab stop follows focus, so Tab out and back returns to the same cell.
    await user.keyboard('{ArrowRight}');
    expect(cell(0, 1).tabIndex).toBe(0);
    expect(cell(0, 0).tabIndex).toBe(-1);
  });

  it('reports hover on cells and leaving the grid', () => {
    const onHoverCell = vi.fn();
    render(<Harness onHoverCell={onHoverCell} />);
    fireEvent.mouseOver(cell(1, 2));
    expect(onHoverCell).toHaveBeenLastCalledWith({ r: 1, c: 2 });
    fireEvent.mouseOver(cell(1, 2).querySelector('span')!);
    expect(onHoverCell).toHaveBeenLastCalledWith({ r: 1, c: 2 });
    fireEvent.mouseLeave(grid());
    expect(onHoverCell).toHaveBeenLastCalledWith(null);
  });
});

describe('MatrixGrid editing', () => {
  it('Enter opens an editor with the exact value; Enter commits and focus returns to the cell', async () => {
    const user = userEvent.setup();
    const spy = vi.fn((): EditResult => ({ ok: true }));
    render(<Harness onEditSpy={spy} />);
    await user.tab();
    await user.keyboard('{ArrowDown}{ArrowRight}{Enter}');
    const input = screen.getByRole('textbox');
    expect(document.activeElement).toBe(input);
    expect((input as HTMLInputElement).value).toBe('-0.83875');
    expect(input.getAttribute('aria-label')).toContain('dL/dW[1,1]');
    await user.clear(input);
    await user.type(input, '4.5{Enter}');
    expect(spy).toHaveBeenCalledWith(1, 1, '4.5');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(cell(1, 1).textContent).toBe('4.5');
    await frame();
    expect(document.activeElement).toBe(cell(1, 1));
  });

  it('Escape cancels without calling onEdit', async () => {
    const user = userEvent.setup();
    const spy = vi.fn((): EditResult => ({ ok: true }));
    render(<Harness onEditSpy={spy} />);
    await user.tab();
    await user.keyboard('{Enter}');
    await user.type(screen.getByRole('textbox'), '99');
    await user.keyboard('{Escape}');
    expect(spy).not.toHaveBeenCalled();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(cell(0, 0).textContent).toBe('1.23');
    await frame();
    expect(document.activeElement).toBe(cell(0, 0));
  });

  it('typing a digit starts an edit with that digit', async () => {
    const user = userEvent.setup();
    const spy = vi.fn((): EditResult => ({ ok: true }));
    render(<Harness onEditSpy={spy} />);
    await user.tab();
    await user.keyboard('{ArrowRight}-7{Enter}');
    expect(spy).toHaveBeenCalledWith(0, 1, '-7');
    expect(cell(0, 1).textContent).toBe('\u22127');
  });

  it('refuses invalid text in place, with a message, keeping what was typed', async () => {
    const user = userEvent.setup();
    const spy = vi.fn((_r: number, _c: number, text: string): EditResult =>
      Number.isFinite(Number(text)) && text.trim() !== '' ? { ok: true } : { ok: false, message: note('edit.notNumber', { text }) },
    );
    render(<Harness onEditSpy={spy} />);
    await user.tab();
    await user.keyboard('{Enter}');
    const input = screen.getByRole('textbox') as HTMLInputElement;
    await user.clear(input);
    await user.type(input, '1..2{Enter}');
    expect(spy).toHaveBeenCalledWith(0, 0, '1..2');
    const alert = screen.getByRole('alert');
    // The refusal is worded by the catalogue: the cell, the store's message with what was typed, and what happens next.
    expect(alert.textContent).toBe('dL/dW[0,0]: “1..2” is not a finite number. Use digits like 0.5, -2 or 1e-3. The previous value is kept.');
    expect(screen.getByRole('textbox')).toBe(input);
    expect(input.value).toBe('1..2');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    expect(cell(0, 0).dataset.value).toBe('1.23456');
    // Fixing the text commits it and clears the message.
    await user.clear(input);
    await user.type(input, '3{Enter}');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(cell(0, 0).dataset.value).toBe('3');
  });

  it('keeps an invalid editor open when focus leaves, and commits a valid one', async () => {
    const user = userEvent.setup();
    const spy = vi.fn((_r: number, _c: number, text: string): EditResult => (text === 'x' ? { ok: false, message: note('edit.empty') } : { ok: true }));
    render(
      <>
        <Harness onEditSpy={spy} />
        <button type="button">elsewhere</button>
      </>,
    );
    await user.tab();
    await user.keyboard('{Enter}');
    await user.clear(screen.getByRole('textbox'));
    await user.type(screen.getByRole('textbox'), 'x');
    await user.click(screen.getByText('elsewhere'));
    expect(screen.getByRole('textbox')).toBeTruthy();
    expect(screen.getByRole('alert')).toBeTruthy();
    await user.clear(screen.getByRole('textbox'));
    await user.type(screen.getByRole('textbox'), '8');
    await user.click(screen.getByText('elsewhere'));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(cell(0, 0).dataset.value).toBe('8');
    // Focus stays where the learner put it.
    await frame();
    expect(document.activeElement).toBe(screen.getByText('elsewhere'));
  });

  it('a focus return left over from an editor never steals focus from the next one', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.tab();
    await user.keyboard('{Enter}{Escape}{Enter}');
    const input = screen.getByRole('textbox');
    await frame();
    expect(document.activeElement).toBe(input);
  });

  it('double-click opens the editor', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.dblClick(cell(1, 0));
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe('0');
  });

  it('does not edit a read-only grid', async () => {
    const user = userEvent.setup();
    render(<Harness editable={false} onEdit={undefined} />);
    expect(cell(0, 0).getAttribute('aria-readonly')).toBe('true');
    expect(grid().getAttribute('aria-label')).not.toContain('Enter');
    await user.tab();
    await user.keyboard('{Enter}5');
    await user.dblClick(cell(0, 0));
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});

describe('colour scale', () => {
  const bgOf = (props: Partial<MatrixGridProps>) => {
    const { container, unmount } = render(
      <MatrixGrid name="y" label="y" cellName={namer('y')} badge="" rows={1} cols={2} values={[1, Number.NaN]} rowAxis={null} colAxis="j" editable={false} {...props} />,
    );
    const bg = container.querySelector<HTMLElement>('[data-c="0"]')!.style.background;
    unmount();
    return bg;
  };
  /** The background of each cell of a one-row grid of these values, as [r, g, b]. */
  const rgbs = (values: number[]) => {
    const { container, unmount } = render(
      <MatrixGrid name="y" label="y" cellName={namer('y')} badge="" rows={1} cols={values.length} values={values} rowAxis={null} colAxis="j" editable={false} />,
    );
    const out = [...container.querySelectorAll<HTMLElement>('[role="gridcell"]')].map((c) => {
      const m = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(c.style.background);
      expect(m, c.style.background).not.toBeNull();
      return [Number(m![1]), Number(m![2]), Number(m![3])];
    });
    unmount();
    return out;
  };
  const light = ([r, g, b]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

  it('runs from purple for negative values through near-white at zero to orange for positive ones', () => {
    const [neg, half, zero, pos, big] = rgbs([-4, -2, 0, 2, 4]);
    // Purple: more blue than red; orange: more red than blue, with green between.
    expect(neg[2]).toBeGreaterThan(neg[0]);
    expect(half[2]).toBeGreaterThan(half[0]);
    expect(pos[0]).toBeGreaterThan(pos[2]);
    expect(big[0]).toBeGreaterThan(big[1]);
    expect(big[1]).toBeGreaterThan(big[2]);
    for (const ch of zero) expect(ch).toBeGreaterThan(225);
    // Further from zero is darker, on both sides.
    expect(light(neg)).toBeLessThan(light(half));
    expect(light(half)).toBeLessThan(light(zero));
    expect(light(big)).toBeLessThan(light(pos));
    expect(light(pos)).toBeLessThan(light(zero));
  });

  it('centres the scale on zero, not on the middle of the values', () => {
    // All positive: the smallest value is a pale orange, never the purple end.
    const [low, , high] = rgbs([1, 5, 10]);
    expect(low[0]).toBeGreaterThan(low[2]);
    expect(light(low)).toBeGreaterThan(light(high));
    // Zero keeps its colour whatever the range.
    const [, z1] = rgbs([-1, 0, 1]);
    const [, z2] = rgbs([-8, 0, 3]);
    expect(z2).toEqual(z1);
    // The scale runs from −max to +max of |values|: 3 looks the same beside −8 as beside 8, and −8 is as far out as 8.
    const [m8, , p3] = rgbs([-8, 0, 3]);
    const [p8, , q3] = rgbs([8, 0, 3]);
    expect(p3).toEqual(q3);
    expect(m8[2]).toBeGreaterThan(m8[0]);
    expect(p8[0]).toBeGreaterThan(p8[2]);
    expect(light(m8)).toBeLessThan(light(p3));
    expect(light(p8)).toBeLessThan(light(p3));
  });

  it('spans scaleValues when given, so a partial value keeps the colour it will have at the end', () => {
    const alone = bgOf({});
    const inFull = bgOf({ scaleValues: [1, 10] });
    expect(inFull).not.toBe(alone);
    expect(bgOf({ scaleValues: [1, 10], values: [1, 10] })).toBe(inFull);
  });
});
