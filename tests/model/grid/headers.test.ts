import { detectHeader, matchHeader, readLedger } from "../../../src/model/grid";
import { mapHeaderRowDetailed, missingFields, ReaderField } from "../../../src/model/grid/headers";

describe("headers as real exports write them", () => {
  it.each<[string, ReaderField]>([
    ["DEBET", "debit"],
    ["Debet ", "debit"],
    ["Bedrag debet", "debit"],
    ["Debit", "debit"],
    ["CREDIT", "credit"],
    ["Bedrag credit", "credit"],
    ["Saldo", "balance"],
    ["D/C", "debitCredit"],
    ["CREDITEURNAAM", "supplier"],
    ["Crediteur naam", "supplier"],
    ["Relatie", "supplier"],
    ["Leverancier naam", "supplier"],
    ["Crediteurnummer", "supplierNumber"],
    ["Crediteur nr.", "supplierNumber"],
    ["BOEKDATUM", "date"],
    ["Factuurdatum", "date"],
    ["Datum", "date"],
    ["Periode", "period"],
    ["Factuurnummer", "document"],
    ["Boekstuknummer", "document"],
    ["Omschrijving regel", "description"],
    ["Omschrijving boeking", "description"],
    ["KOSTENSOORT", "account"],
    ["Omschrijving kostensoort", "accountName"],
    ["Economische categorie", "iv3Category"],
    ["IV3 CATEGORIE", "iv3Category"],
    ["TAAKVELD", "taakveld"],
    ["  Taakveld  ", "taakveld"],
  ])("maps %j to %s", (header, field) => {
    expect(matchHeader(header)?.field).toBe(field);
  });

  it("does not take a running balance for a line amount", () => {
    expect(matchHeader("Saldo cumulatief")).toBeNull();
    expect(matchHeader("Lopend saldo")).toBeNull();
  });

  it("takes the supplier's name when its number sits beside it", () => {
    const m = mapHeaderRowDetailed(["Crediteur", "Crediteurnaam", "Omschrijving", "Bedrag"]);
    expect(m.mapping).toMatchObject({ supplier: 1, supplierNumber: 0 });
    expect(m.ambiguous).toEqual([]);
    const n = mapHeaderRowDetailed(["Crediteurnummer", "Crediteur", "Omschrijving", "Bedrag"]);
    expect(n.mapping).toMatchObject({ supplierNumber: 0, supplier: 1 });
  });

  it("prefers the line's description over the booking's", () => {
    const m = mapHeaderRowDetailed(["Omschrijving boeking", "Omschrijving regel", "Bedrag"]);
    expect(m.mapping.description).toBe(1);
    expect(m.ambiguous).toEqual([]);
  });

  it("prefers the booking date over the invoice date", () => {
    expect(mapHeaderRowDetailed(["Factuurdatum", "Boekdatum"]).mapping.date).toBe(1);
  });

  it("reports two equally strong candidates for one field as ambiguous", () => {
    const m = mapHeaderRowDetailed(["Omschrijving", "Bedrag excl. btw", "Bedrag incl. btw"]);
    expect(m.ambiguous).toEqual([{ field: "amount", columns: [1, 2] }]);
    const read = readLedger([
      ["Omschrijving", "Bedrag", "Bedrag"],
      ["Licentie", 1, 2],
    ]);
    expect(read.ambiguous).toEqual([{ field: "amount", columns: [1, 2] }]);
  });

  it("drops an ambiguity the user resolved by choosing a column", () => {
    const read = readLedger(
      [
        ["Omschrijving", "Bedrag", "Bedrag"],
        ["Licentie", 1, 2],
      ],
      { mapping: { amount: 2 } },
    );
    expect(read.ambiguous).toEqual([]);
    expect(read.lines[0].amount).toBe(2);
  });

  it("finds a header with Debet and Credit (or Saldo) and no Bedrag", () => {
    expect(detectHeader([["TITEL"], ["OMSCHRIJVING", "DEBET", "CREDIT"]])?.row).toBe(1);
    expect(detectHeader([["Omschrijving", "Saldo"]])?.mapping).toEqual({ description: 0, balance: 1 });
  });

  it("counts Debet, Credit or Saldo as the amount column", () => {
    expect(missingFields({ description: 0, debit: 1 })).toEqual([]);
    expect(missingFields({ description: 0, balance: 1 })).toEqual([]);
    expect(missingFields({ description: 0, debitCredit: 1 })).toEqual(["amount"]);
    expect(missingFields({})).toEqual(["description", "amount"]);
  });
});
