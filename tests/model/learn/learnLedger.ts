/**
 * The ledger the learn tests of both faces use: six monthly lines of one supplier and account (one with the
 * supplier spelt otherwise), and two lines that share only the supplier or only the account.
 */
export const SUPPLIER = "Telecom Noord B.V.";
export const ACCOUNT = "4510 Verbindingen";
export const SIX = [1200, 1250, 1300, 1100, 1400, 900];

export const LEARN_LEDGER: (string | number)[][] = [
  ["Omschrijving", "Leverancier", "Grootboekrekening", "Bedrag", "Boekjaar"],
  ...SIX.map((amount, i) => [
    `Abonnement maand ${i + 1}`,
    i === 2 ? "TELECOM  noord b.v." : SUPPLIER,
    ACCOUNT,
    amount,
    2022,
  ]),
  ["Abonnement maand 1", SUPPLIER, "4520 Kantoorartikelen", 80, 2022],
  ["Abonnement maand 1", "Telecom Zuid B.V.", ACCOUNT, 70, 2022],
];
