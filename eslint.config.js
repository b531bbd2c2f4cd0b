// ESLint flat config: Microsoft's office-addins rules (load/sync discipline) + prettier, for ts and tsx.
const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");

// The plugin's TypeScript block (typescript-eslint, office-addins load/sync rules, prettier) lists
// js/ts files only; widen it to tsx so the task pane gets the same rules and the plugins are defined there.
const TS_BLOCK_FILES = "**/*.{js,mjs,cjs,ts,cts,mts}";
const officeAddinsReact = officeAddins.configs.react.map((c) =>
  Array.isArray(c.files) && c.files.includes(TS_BLOCK_FILES) ? { ...c, files: [TS_BLOCK_FILES, "**/*.tsx"] } : c,
);

module.exports = [
  { ignores: ["node_modules/", "dist/", "lib/", "coverage/", "out/", "**/*.d.ts", "assets/"] },
  ...officeAddinsReact,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeRuntime: "readonly",
        console: "readonly",
        process: "readonly",
        window: "readonly",
        document: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        Blob: "readonly",
        URL: "readonly",
        File: "readonly",
        FileReader: "readonly",
        HTMLElement: "readonly",
        HTMLInputElement: "readonly",
        navigator: "readonly",
        Buffer: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        performance: "readonly",
        globalThis: "readonly",
      },
    },
    rules: {
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "prettier/prettier": ["error", { endOfLine: "auto" }],
    },
  },
  {
    // Code that never touches Office.js (pure engine, exceljs workbooks, CLI, browser preview, build tools):
    // the office-addins load/sync rules would read exceljs' `row.values` as an unloaded Office proxy.
    files: [
      "src/engine/**",
      "src/workbook/**",
      "src/sample/**",
      "src/cli/**",
      "src/preview/**",
      "bench/**",
      "tools/**",
      "test/**",
      "*.js",
    ],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "off"])),
  },
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        exports: "writable",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off", "no-undef": "off" },
  },
];
