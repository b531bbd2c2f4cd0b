/** The whole reform: `runReform` and its types. */
export * from "./types";
export * from "./run";
