/** Jest: every test in src/ (beside the code) and test/. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose ESM-only dependencies jest cannot load;
    // the mock only needs the OfficeApp enum (see OFFICE-NOTES.md).
    "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.js",
    "\\.(css|less)$": "<rootDir>/test/shims/style.js",
  },
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
