/** Gaming and lowballing flags: the public surface of src/engine/flags. */
export * from "./types";
export { detectors, detectorById, runFlags, type FlagOptions, type FlagRun } from "./registry";
export { densityJump, narrowBins } from "./detectors/threshold";
export { binomialUpperTail, benfordFirstDigit, firstDigit } from "./stats";
