/**
 * The Dutch and English messages of the .xlsx check, each saying what the file is and what to do:
 * empty, password-protected, an .xls or older Office file, text (a CSV named .xlsx), no zip or a
 * damaged one, and a workbook too large to load (its largest sheet, range and the limit).
 */
import { formatNumber } from "../../model/format";
import { UserError, userError } from "../errors";

/** Bytes of XML per cell, to put the limit in cells for the message (`<c r="B12" s="3"><v>1250</v></c>`). */
const BYTES_PER_CELL = 32;

const unreadable = (path: string, nl: string, en: string) =>
  userError(`Excel-bestand onleesbaar: ${path}: ${nl}`, `Unreadable Excel file: ${path}: ${en}`);

export const emptyFile = (path: string) =>
  unreadable(path, "het bestand is leeg (0 bytes)", "the file is empty (0 bytes)");

export const passwordProtected = (path: string) =>
  unreadable(
    path,
    "de werkmap is beveiligd met een wachtwoord. Open hem in Excel en sla hem op zonder wachtwoord " +
      "(Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord: leegmaken), of exporteer het grootboek als CSV",
    "the workbook is password-protected. Open it in Excel and save it without a password " +
      "(File > Info > Protect Workbook > Encrypt with Password: clear it), or export the ledger as CSV",
  );

export const xlsNamedXlsx = (path: string) =>
  unreadable(
    path,
    "dit is een .xls-bestand (Excel 97-2003) met de naam .xlsx. Open het in Excel en kies Opslaan als > Excel-werkmap (.xlsx)",
    "this is an .xls file (Excel 97-2003) named .xlsx. Open it in Excel and choose Save As > Excel Workbook (.xlsx)",
  );

export const olderOfficeFile = (path: string) =>
  unreadable(
    path,
    "dit is een ouder Office-bestand, geen .xlsx. Sla het in Excel op als Excel-werkmap (.xlsx)",
    "this is an older Office file, not an .xlsx. Save it in Excel as Excel Workbook (.xlsx)",
  );

export const textNamedXlsx = (path: string) =>
  unreadable(
    path,
    "geen geldig .xlsx-bestand: het is tekst (een CSV-bestand met de naam .xlsx?). Geef een CSV-bestand de extensie .csv",
    "not a valid .xlsx file: it is text (a CSV file named .xlsx?). Give a CSV file the extension .csv",
  );

export const noZip = (path: string) =>
  unreadable(
    path,
    "geen geldig .xlsx-bestand (geen zip-archief). Open het in Excel en sla het op als Excel-werkmap (.xlsx)",
    "not a valid .xlsx file (no zip archive). Open it in Excel and save it as Excel Workbook (.xlsx)",
  );

export const damagedZip = (path: string) =>
  unreadable(
    path,
    "geen geldig .xlsx-bestand: het zip-archief is onvolledig of beschadigd (afgebroken download of kopie?)",
    "not a valid .xlsx file: the zip archive is incomplete or damaged (an interrupted download or copy?)",
  );

const mb = (bytes: number, language: "nl" | "en") => formatNumber(Math.round(bytes / 1e6), language) + " MB";
/** "12,6 miljoen" / "12.6 million"; below a million the number itself. */
const millions = (n: number, language: "nl" | "en") =>
  n < 1e6
    ? formatNumber(n, language)
    : `${formatNumber(n / 1e6, language, 1)} ${language === "nl" ? "miljoen" : "million"}`;

/** What the too-large message names: the largest sheet, its <dimension ref> and cells in it. */
export interface TooLarge {
  path: string;
  /** The sheet's name, else its entry name, else "(gedeelde teksten)". */
  name: string;
  /** Uncompressed XML of the largest sheet (of everything counted when there is no sheet). */
  largestBytes: number;
  /** Uncompressed worksheet and shared-string XML of the whole workbook. */
  totalBytes: number;
  maxBytes: number;
  ref: string | undefined;
  area: number | undefined;
}

export function tooLarge(t: TooLarge): UserError {
  const { path, name, largestBytes, totalBytes: total, maxBytes, ref, area } = t;
  const where = (language: "nl" | "en") =>
    ref && area !== undefined
      ? language === "nl"
        ? `, bereik ${ref}: ${millions(area, "nl")} cellen`
        : `, range ${ref}: ${millions(area, "en")} cells`
      : "";
  const cellsNl = `ongeveer ${millions(maxBytes / BYTES_PER_CELL, "nl")} cellen`;
  const cellsEn = `about ${millions(maxBytes / BYTES_PER_CELL, "en")} cells`;
  return userError(
    `Werkmap te groot om te lezen: ${path}: werkblad '${name}' heeft ${mb(largestBytes, "nl")} aan celgegevens` +
      `${where("nl")} (de hele werkmap ${mb(total, "nl")}; de grens is ${mb(maxBytes, "nl")}, ${cellsNl}). ` +
      "Sla alleen het grootboekblad op in een nieuwe werkmap, of exporteer het grootboek als CSV.",
    `Workbook too large to read: ${path}: sheet '${name}' has ${mb(largestBytes, "en")} of cell data` +
      `${where("en")} (the whole workbook ${mb(total, "en")}; the limit is ${mb(maxBytes, "en")}, ${cellsEn}). ` +
      "Save only the ledger sheet in a new workbook, or export the ledger as CSV.",
  );
}
