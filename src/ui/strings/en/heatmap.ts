// The words of a matrix drawn as a canvas heatmap (past the grids' 12 × 12), and of a lesson too large for its link.
export const heatmap = {
  'heat.label': '{label}, {rows} by {cols}, drawn as a heatmap.',
  'heat.keys': 'Arrow keys move between cells, Home and End to the ends of a row, Page Up and Page Down to the ends of a column; Enter explains the cell, Escape lets it go.',
  'heat.editHint': 'Enter or F2 edits the cell’s value (Space explains it); Enter keeps the new value, Escape cancels.',
  'heat.readout': '{cell} = {value}',
  'heat.readout.none': 'Point at a cell, or focus the heatmap and use the arrow keys, to explain one value.',
  'heat.link': 'The link of this page holds the lesson’s settings but not its values: with {b, plural, one {# sample} other {# samples}}, {n, plural, one {# input} other {# inputs}} and {t, plural, one {# output} other {# outputs}} they would make the link far too long, and a link opens lessons of at most {max} of each.',
} as const;
