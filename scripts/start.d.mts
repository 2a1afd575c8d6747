export const DEFAULT_HOST: string;
export const DEFAULT_PORT: number;
export function parseArgs(args: string[]): { host: string; port: number; rest: string[] };
export function portProblem(port: number, host?: string): Promise<string | null>;
export function problemMessage(port: number, host: string, problem: string): string;
