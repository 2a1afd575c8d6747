// Shared test set-up for Testing Library's queries.
// - A failed getBy… builds its error with a print of the whole DOM, and findBy…/waitFor retry every 50 ms: over the
//   app's thousands of elements on a loaded machine those prints took all the worker's time, so a lazily imported
//   component (the Export dialog's body) never got to arrive. The error here names what was looked for, and no more.
// - A lazily imported component arrives after Vite has transformed its module graph: about 0.3 s on an idle 2-core
//   machine, over 1 s on a loaded one, which is the default wait. Five seconds keeps load from failing a test; a
//   component that never arrives still fails it.
import { configure } from '@testing-library/dom';

configure({
  asyncUtilTimeout: 5_000,
  getElementError: (message) => {
    const error = new Error(message ?? 'element not found');
    error.name = 'TestingLibraryElementError';
    return error;
  },
});
