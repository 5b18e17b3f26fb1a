/** Jest runs the TypeScript sources directly through ts-jest. */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // isolatedModules (in tsconfig.json): ts-jest transpiles file by file; tsc --noEmit does the type check.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  setupFilesAfterEnv: ["<rootDir>/tests/setup-fast-check.ts"],
  testTimeout: 120000,
};
