// Presentation mode: its button, its bar, the blank screen and the spotlight
// Part of the English catalogue (../en.ts): messages use {name} placeholders and
// {n, plural, one {…} other {…}}, # standing for n.

/** Presentation mode. */
export const present = {
  'present.enter.label': 'Present: large type for a projector (P)',
  'present.bar': 'Presentation',
  'present.leave': 'Leave',
  'present.leave.label': 'Leave presentation mode (Escape)',
  'present.smaller': 'A−',
  'present.smaller.label': 'A− smaller (−)',
  'present.larger': 'A+',
  'present.larger.label': 'A+ larger (+)',
  'present.scale': 'Size {percent} %',
  'present.fullscreen': 'Fullscreen',
  'present.fullscreen.label': 'Fullscreen (F)',
  'present.fullscreen.leave': 'Leave fullscreen',
  'present.blank': 'Blank',
  'present.blank.label': 'Blank the screen (B or .)',
  'present.spotlight': 'Spotlight',
  'present.spotlight.label': 'Spotlight the explained cell and what it depends on (S)',
  'present.spotlight.none': 'Spotlight: point at a cell, or focus one, to pick what stays lit.',
  'present.all': 'All matrices',
  'present.all.label': 'All matrices of the lesson on the stage',
  'present.stage': 'The matrices of this step',
  'present.stage.all': 'Every matrix of the lesson',
  'present.blanked': 'The screen is blank. Press B, . or Escape to bring it back.',
};
