export * from "./split";
export * from "./cost";
export * from "./spend";
export * from "./flags";
export * from "./whatif";
export * from "./monitor";
export * from "./resources";
export * from "./report";
