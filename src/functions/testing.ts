/** Test helper for the custom function wrappers (used by the *.test.ts files beside them). */
import { FunctionError } from "./common";

/** The FunctionError a wrapper throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): FunctionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FunctionError) return e;
    throw e;
  }
  throw new Error("no error");
}
