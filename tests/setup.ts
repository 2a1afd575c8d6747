// Shared test set-up: nothing global yet beyond what Vitest provides.
export {};
