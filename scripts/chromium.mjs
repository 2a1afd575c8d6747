// Finds a Chromium for the browser tests: CHROMIUM_PATH first, then the usual system paths.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The path of a Chromium executable, or null. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** The flags every test run starts Chromium with. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export const HOW_TO_INSTALL = `No Chromium found for the browser tests.
Looked at CHROMIUM_PATH${process.env.CHROMIUM_PATH ? ` (${process.env.CHROMIUM_PATH}, which does not exist)` : ' (unset)'} and ${CANDIDATES.join(', ')}.
Install one, for example on Debian or Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
or point CHROMIUM_PATH at an existing Chrome or Chromium executable.`;
