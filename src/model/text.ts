/** Text helpers shared by the readers and the categoriser. */

const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-case, accents removed, whitespace collapsed: how labels and headers are compared. */
export function fold(s: string): string {
  // ASCII text has nothing to decompose or strip: skip the (costly) normalisation, same result.
  return (NON_ASCII.test(s) ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s)
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
