export * from "./types";
export * from "./chain";
export * from "./audit";
export * from "./flags";
