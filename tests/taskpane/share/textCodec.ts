/** jsdom has no TextDecoder/TextEncoder; the xlsx reader and writer need them (every browser has them). */
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextDecoder, TextEncoder });
