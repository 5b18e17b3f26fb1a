/** Jest runs the TypeScript sources directly through ts-jest. */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  // office-addin-mock imports office-addin-manifest, which pulls in Node-only modules jest cannot load.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/tests/stubs/office-addin-manifest.js",
  },
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }],
  },
  testTimeout: 120000,
};
