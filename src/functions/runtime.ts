/**
 * Imported first by functions.ts. The custom function files end with `CustomFunctions.associate(…)` calls
 * (added by CustomFunctionsMetadataPlugin). When office.js is loaded (its script tag comes before the
 * bundles), it provides `CustomFunctions.associate`, in Excel or not. When office.js could not be loaded at
 * all (offline browser preview), those calls would throw a ReferenceError: this gives them a no-op there.
 * It defines no `Error`, so src/functions/common.ts still knows it is outside Excel.
 */
const g = globalThis as unknown as { Office?: unknown; CustomFunctions?: { associate?: unknown } };
if (typeof g.Office === "undefined" && typeof g.CustomFunctions === "undefined") {
  g.CustomFunctions = { associate: () => undefined };
}

export {};
