export * from "./split";
export * from "./cost";
