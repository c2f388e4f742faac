const os = require("node:os");

/**
 * Workers: at least two, even on a 2-core machine. Much of the suite waits on other processes
 * (headless Chromium, LibreOffice, the CLI spawned as a user runs it), so two files side by side
 * finish sooner than one after the other; JEST_WORKERS overrides.
 */
const workers = Number(process.env.JEST_WORKERS) || Math.max(2, (os.availableParallelism?.() ?? os.cpus().length) - 1);

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: workers,
  testEnvironment: "node",
  roots: ["<rootDir>/tests", "<rootDir>/src"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx", "**/*.spec.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true, target: "ES2022" }, diagnostics: false }],
  },
  testTimeout: 120000,
  reporters: ["default", "<rootDir>/tests/summary-reporter.js"],
};
