/**
 * Entry of the custom functions bundle (webpack entry "functions", loaded by taskpane.html: the shared
 * runtime). Each area file below holds its JSDoc-tagged wrappers; CustomFunctionsMetadataPlugin reads
 * their tags (every src/functions/*.ts with a tag, see tools/functions-sources.js) and appends the
 * `CustomFunctions.associate` calls to those files, so importing them here is all that is needed.
 * Add a new area by adding its import after "./runtime" (test/functions-metadata.test.ts checks it).
 */
import "./runtime";
import "./headcount";
import "./rebid";
import "./pay";

export {};
