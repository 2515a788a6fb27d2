/** Jest: node by default; UI tests opt into jsdom with a `@jest-environment jsdom` docblock. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true } },
    ],
  },
  setupFilesAfterEnv: ["<rootDir>/tests/support/jest.setup.ts"],
  collectCoverageFrom: ["src/**/*.{ts,tsx}", "!src/**/*.d.ts"],
  coverageReporters: ["text-summary", "lcov"],
  testTimeout: 60000,
  // Two cores: jest's default (cores - 1) would run every suite in one worker.
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
};
