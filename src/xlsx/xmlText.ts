/**
 * Decoding text of the small parts read with fast-xml-parser (XML's five entities and numeric
 * character references), and OOXML's own `_xHHHH_` escapes, which no XML parser knows.
 */

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g;

/**
 * Text with XML's references replaced: the five named entities and numeric character references
 * (`&#8364;` and `&#x20AC;` are both "€"). An unknown or out-of-range reference stays as written.
 */
export function decodeXmlText(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(REFERENCE, (all, ref: string) => {
    if (ref.charCodeAt(0) !== 35) return NAMED[ref] ?? all;
    const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : all;
  });
}

/**
 * OOXML's own escape for characters XML cannot carry: `_x000D_` is a carriage return, and
 * `_x005F_` escapes the underscore of a literal "_x0041_" typed in a cell.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
