export function findChromium(): string | null;
export const CHROMIUM_ARGS: string[];
export const HOW_TO_INSTALL: string;
