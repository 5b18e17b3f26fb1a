/** Text helpers shared by the readers and the categoriser. */

const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-case, accents removed, whitespace collapsed: how labels and headers are compared. */
export function fold(s: string): string {
  const shape = asciiShape(s);
  if (shape === AsciiShape.Folded) return s;
  if (shape === AsciiShape.Capitals) return s.toLowerCase();
  // ASCII text has nothing to decompose or strip: skip the (costly) normalisation, same result.
  return (NON_ASCII.test(s) ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s)
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const enum AsciiShape {
  /** fold(s) is s. */
  Folded,
  /** fold(s) is s lower-cased: printable ASCII with capitals, spacing already single. */
  Capitals,
  /** Anything else (other characters, double or edge spaces, tabs): the full fold. */
  Other,
}

/** Whether fold(s) is s lower-cased (printable ASCII, single spaces, none at the ends): no other change. */
export function asciiFoldable(s: string): boolean {
  return asciiShape(s) !== AsciiShape.Other;
}

/**
 * What fold has to do with s, from one look at each character: most of a ledger's fields are printable
 * ASCII with single spaces, and this is much cheaper than fold's three string passes (line keys fold five
 * fields of every line).
 */
function asciiShape(s: string): AsciiShape {
  let capitals = false;
  let previousSpace = true; // a leading space is not folded
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 32) {
      if (previousSpace) return AsciiShape.Other;
      previousSpace = true;
      continue;
    }
    if (ch < 33 || ch > 126) return AsciiShape.Other;
    if (ch >= 65 && ch <= 90) capitals = true;
    previousSpace = false;
  }
  if (previousSpace && s.length > 0) return AsciiShape.Other;
  return capitals ? AsciiShape.Capitals : AsciiShape.Folded;
}
