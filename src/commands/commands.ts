// Ribbon commands (placeholder until issue 5 lands).
export {};
