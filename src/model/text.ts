/** Text helpers shared by the readers and the categoriser. */

/** Lower-case, accents removed, whitespace collapsed: how labels and headers are compared. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
