/**
 * The in-memory Excel lives in src/office/memory (the browser preview runs on it, so it ships with
 * the pane and must not import tests). Tests and benches keep this short path to it.
 */
export * from "../../src/office/memory";
