// Shared test set-up for Testing Library's queries.
// - A failed getBy… builds its error with a print of the whole DOM, and findBy…/waitFor retry every 50 ms: over the
//   app's thousands of elements on a loaded machine those prints took all the worker's time, so a lazily imported
//   component (the Export dialog's body) never got to arrive. The error here names what was looked for, and no more.
// - A lazily imported component arrives after Vite has transformed its module graph: about 0.3 s on an idle 2-core
//   machine, over 1 s on a loaded one, which is the default wait. Five seconds keeps load from failing a test; a
//   component that never arrives still fails it.
import { configure } from '@testing-library/dom';
import { afterEach, expect } from 'vitest';

configure({
  asyncUtilTimeout: 5_000,
  getElementError: (message) => {
    const error = new Error(message ?? 'element not found');
    error.name = 'TestingLibraryElementError';
    return error;
  },
});

// A message with no wording in the strings a view has (a later view that did not bring its part of the catalogue,
// en/lazy/) is reported on the console, and fails the test that showed it.
const unworded: string[] = [];
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('backprop-dense: no wording')) unworded.push(args[0]);
  consoleError(...args);
};
afterEach(() => {
  const said = unworded.splice(0);
  expect(said, 'messages shown without their wording').toEqual([]);
});
