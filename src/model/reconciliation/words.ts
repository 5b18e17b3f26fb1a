/**
 * The words the reconciliation text uses, Dutch and English: reader fields, sources of a year,
 * kinds of skipped rows (singular and plural), sources of the amounts; and column letters.
 */
import { AmountSource, SkipKind } from "../grid/read";
import { ReaderField } from "../grid/headers";
import { columnLetter } from "../layout/a1";
import { Bilingual, YearSource } from "../types";

export const FIELD_WORDS: Record<ReaderField, Bilingual> = {
  description: { nl: "omschrijving", en: "description" },
  amount: { nl: "bedrag", en: "amount" },
  supplier: { nl: "leverancier", en: "supplier" },
  account: { nl: "grootboekrekening", en: "account" },
  year: { nl: "boekjaar", en: "book year" },
  costCentre: { nl: "kostenplaats", en: "cost centre" },
  fte: { nl: "fte", en: "fte" },
  category: { nl: "categorie", en: "category" },
  taakveld: { nl: "taakveld", en: "taakveld (Iv3 task field)" },
  iv3Category: { nl: "Iv3-categorie", en: "Iv3 category" },
  debit: { nl: "debet", en: "debit" },
  credit: { nl: "credit", en: "credit" },
  debitCredit: { nl: "debet/credit-teken", en: "debit/credit mark" },
  balance: { nl: "saldo", en: "balance" },
  date: { nl: "datum", en: "date" },
  period: { nl: "periode", en: "period" },
  document: { nl: "documentnummer", en: "document number" },
  supplierNumber: { nl: "crediteurnummer", en: "supplier number" },
  accountName: { nl: "naam grootboekrekening", en: "account name" },
};

export const SOURCE_WORDS: Record<YearSource | "geen", Bilingual> = {
  boekjaar: { nl: "boekjaar", en: "book year column" },
  datum: { nl: "datum", en: "date" },
  periode: { nl: "periode", en: "period" },
  blad: { nl: "bladnaam", en: "sheet name" },
  kerngegevens: { nl: "kerngegevens", en: "key figures" },
  geen: { nl: "zonder jaar", en: "no year" },
};

/** Singular and plural words per kind. */
export const KIND_WORDS: Record<SkipKind, [Bilingual, Bilingual]> = {
  blank: [
    { nl: "lege rij", en: "blank row" },
    { nl: "lege rijen", en: "blank rows" },
  ],
  header: [
    { nl: "herhaalde kopregel", en: "repeated header row" },
    { nl: "herhaalde kopregels", en: "repeated header rows" },
  ],
  subtotal: [
    { nl: "subtotaalrij", en: "subtotal row" },
    { nl: "subtotaalrijen", en: "subtotal rows" },
  ],
  total: [
    { nl: "totaalrij", en: "total row" },
    { nl: "totaalrijen", en: "total rows" },
  ],
  tableTotal: [
    { nl: "totaalrij van de tabel", en: "table total row" },
    { nl: "totaalrijen van de tabel", en: "table total rows" },
  ],
};

export const AMOUNT_WORDS: Record<AmountSource, Bilingual> = {
  amount: { nl: "kolom bedrag", en: "amount column" },
  debitCredit: { nl: "debet − credit", en: "debit − credit" },
  balance: { nl: "kolom saldo", en: "balance column" },
};

/** 0-based column index (as the reader reports them, never negative) → letters: 0 → "A". */
export function col(index: number): string {
  return columnLetter(index + 1);
}
