// Custom functions (placeholder until issue 5 lands).
export {};
