/**
 * A streaming (SAX-style) XML tokenizer for the big parts of a workbook: sheet data and shared
 * strings. fast-xml-parser builds a tree of the whole text and read a grid sheet at about
 * 0.3 MB/s on this machine under load, saxes at about 9 MB/s; a 50 MB workbook holds several
 * hundred MB of sheet XML, so those take minutes. This tokenizer walks the text with indexOf,
 * hands each element's local name and raw attributes to a handler, and decodes text only
 * where the handler asks for it. It understands what well-formed XML may hold (namespace
 * prefixes, either quote, `>` inside attribute values, comments, CDATA, processing
 * instructions, character and entity references); it does not validate, and a DOCTYPE's
 * internal subset is skipped (OOXML forbids DTDs).
 */

/** What a tokenizer walk reports. */
export interface XmlHandler {
  /**
   * An element starts. `attrs` is its raw attribute text (read it with `attribute`). Return
   * true to skip everything up to its end tag (not called for the skipped elements).
   */
  open(name: string, attrs: string, selfClosing: boolean): boolean | void;
  close(name: string): void;
  /** Text between tags, decoded; called only while `wantText` is true. */
  text(value: string): void;
  wantText: boolean;
}

const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?

/** The name after any namespace prefix: "x:row" is "row". */
function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Index of the `>` ending a start tag from `from`, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i += 1) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === GT) return i;
  }
  return -1;
}

function nameEnd(xml: string, from: number, to: number): number {
  for (let i = from; i < to; i += 1) {
    const c = xml.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH) return i;
  }
  return to;
}

/** Walk `xml` (whole elements, or a slice cut after an end tag), calling the handler. */
export function scanXml(xml: string, handler: XmlHandler): void {
  let i = 0;
  const length = xml.length;
  while (i < length) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? length : lt;
    if (handler.wantText && textEnd > i) handler.text(decodeXmlText(xml.slice(i, textEnd)));
    if (lt < 0) return;
    const next = xml.charCodeAt(lt + 1);
    if (next === SLASH) {
      const gt = xml.indexOf(">", lt);
      if (gt < 0) return;
      handler.close(localName(xml.slice(lt + 2, gt).trim()));
      i = gt + 1;
    } else if (next === BANG) {
      if (xml.startsWith("<!--", lt)) i = after(xml, "-->", lt + 4);
      else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (handler.wantText) handler.text(xml.slice(lt + 9, end < 0 ? length : end));
        i = end < 0 ? length : end + 3;
      } else i = skipDoctype(xml, lt);
    } else if (next === QUESTION) {
      i = after(xml, "?>", lt + 2);
    } else {
      const gt = tagEnd(xml, lt + 1);
      if (gt < 0) return;
      const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
      const end = selfClosing ? gt - 1 : gt;
      const stop = nameEnd(xml, lt + 1, end);
      const rawName = xml.slice(lt + 1, stop);
      const skip = handler.open(localName(rawName), xml.slice(stop, end), selfClosing);
      i = gt + 1;
      if (skip && !selfClosing) i = after(xml, `</${rawName}>`, i);
    }
  }
}

function after(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  return at < 0 ? xml.length : at + token.length;
}

/** A DOCTYPE, with any bracketed internal subset, is passed over whole. */
function skipDoctype(xml: string, lt: number): number {
  const bracket = xml.indexOf("[", lt);
  const gt = xml.indexOf(">", lt);
  if (bracket >= 0 && bracket < gt) return after(xml, "]>", bracket);
  return gt < 0 ? xml.length : gt + 1;
}

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

/** One attribute's decoded value from a tag's raw attribute text, by its full (prefixed) name. */
export function attribute(attrs: string, name: string): string | undefined {
  let i = 0;
  const length = attrs.length;
  while (i < length) {
    while (i < length && isSpace(attrs.charCodeAt(i))) i += 1;
    const eq = attrs.indexOf("=", i);
    if (eq < 0) return undefined;
    const key = attrs.slice(i, eq).trim();
    let q = eq + 1;
    while (q < length && isSpace(attrs.charCodeAt(q))) q += 1;
    const quote = attrs[q];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = attrs.indexOf(quote, q + 1);
    if (close < 0) return undefined;
    if (key === name) return decodeXmlText(attrs.slice(q + 1, close));
    i = close + 1;
  }
  return undefined;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
