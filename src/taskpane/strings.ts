/**
 * Every text the task pane shows, Dutch first and English second. Texts with `{name}` placeholders are
 * filled by `t(language, key, { name: value })`.
 */
import { ReaderField } from "../model/grid";
import { Bilingual, Language } from "../model/types";

export const STRINGS = {
  appTitle: { nl: "ICT-kostenbenchmark", en: "ICT cost benchmark" },
  intro: {
    nl: "Vergelijk de ICT-kosten van uw gemeente met de ICT Benchmark Gemeenten van M&I/Partners. Werk de stappen van boven naar beneden af; de uitkomsten komen op eigen bladen in deze werkmap.",
    en: "Compare your municipality's ICT costs with the M&I/Partners ICT Benchmark for Dutch municipalities. Work through the steps from top to bottom; the results go to sheets of their own in this workbook.",
  },
  outsideOffice: {
    nl: "Open deze pagina in Excel: de ICT-kostenbenchmark is een invoegtoepassing voor Excel en werkt niet los in een browser. Zie de handleiding 'Sideloading' om hem in Excel te laden.",
    en: "Open this page in Excel: the ICT cost benchmark is an Excel add-in and does not work on its own in a browser. See the sideloading guide to load it in Excel.",
  },
  startupFailed: {
    nl: "De taakvenster kon niet starten: {message}. Sluit het taakvenster en open het opnieuw.",
    en: "The task pane could not start: {message}. Close the task pane and open it again.",
  },

  // step titles and help
  step1: { nl: "1. Start", en: "1. Start" },
  step1Help: {
    nl: "Begin met een leeg invoersjabloon voor uw eigen gegevens, of probeer de invoegtoepassing met een fictieve voorbeeldgemeente. Heeft u al een grootboek in deze werkmap? Ga dan door naar stap 2.",
    en: "Start with an empty input template for your own data, or try the add-in with a fictitious sample municipality. Already have a ledger in this workbook? Go on to step 2.",
  },
  insertTemplate: { nl: "Invoersjabloon", en: "Input template" },
  loadSample: { nl: "Voorbeeldgemeente", en: "Sample municipality" },
  step2: { nl: "2. Gegevens", en: "2. Data" },
  step2Help: {
    nl: "Welk grootboek en welke kerngegevens de invoegtoepassing gebruikt. Klopt een kolom niet, kies dan de juiste.",
    en: "Which ledger and which key figures the add-in uses. If a column is wrong, choose the right one.",
  },
  detect: { nl: "Gegevens zoeken", en: "Find data" },
  notDetected: {
    nl: "Nog niet gezocht. Kies 'Gegevens zoeken', of begin bij stap 1.",
    en: "Not searched yet. Choose 'Find data', or begin at step 1.",
  },
  noLedger: {
    nl: "Geen grootboek gevonden. Zet uw grootboek in een tabel of op een blad met een kopregel (Omschrijving, Bedrag), of selecteer het en kies 'Gegevens zoeken'.",
    en: "No ledger found. Put your ledger in a table or on a sheet with a header row (Description, Amount), or select it and choose 'Find data'.",
  },
  ledger: { nl: "Grootboek", en: "Ledger" },
  ledgerOption: { nl: "{label} ({rows} regels)", en: "{label} ({rows} lines)" },
  selectionOption: { nl: "De huidige selectie", en: "The current selection" },
  columns: { nl: "Kolommen", en: "Columns" },
  columnsMissing: {
    nl: "Kies de kolom voor: {fields}.",
    en: "Choose the column for: {fields}.",
  },
  columnsOk: { nl: "Alle verplichte kolommen zijn gevonden.", en: "All required columns were found." },
  columnsAmbiguous: {
    nl: "Kies de kolom voor {field}: {columns} heten even goed zo (nu gelezen: {first}).",
    en: "Choose the column for {field}: {columns} are equally good names for it (read now: {first}).",
  },
  columnsKept: {
    nl: "Uw kolomkeuze wordt in de werkmap bewaard en de volgende keer weer gebruikt.",
    en: "Your choice of columns is kept in the workbook and used again next time.",
  },
  ambiguousMark: { nl: "kies", en: "choose" },
  required: { nl: "verplicht", en: "required" },
  noColumn: { nl: "(geen)", en: "(none)" },
  keyFigures: { nl: "Kerngegevens", en: "Key figures" },
  noKeyFigures: { nl: "Geen kerngegevens gevonden.", en: "No key figures found." },
  gemeente: { nl: "Gemeente (CBS)", en: "Municipality (CBS)" },
  gemeenteHelp: {
    nl: "Typ de naam: het CBS vult wat de kerngegevens leeg laten (inwoners, totale begroting) en plaatst de overhead tussen alle gemeenten. Uw eigen cijfers gaan altijd voor.",
    en: "Type the name: CBS fills what the key figures leave empty (inhabitants, total budget) and places the overhead among all municipalities. Your own figures always win.",
  },
  gemeenteList: { nl: "Gemeenten (CBS)", en: "Municipalities (CBS)" },
  gemeenteChosen: {
    nl: "{name}: CBS-cijfers vullen lege kerngegevens aan.",
    en: "{name}: CBS figures fill empty key figures.",
  },
  keyFiguresMissing: {
    nl: "Ontbreekt in de werkmap; vul het hier in:",
    en: "Missing from the workbook; type it in here:",
  },
  inYear: { nl: "{label} {year}", en: "{label} {year}" },
  notANumber: {
    nl: "Vul een getal in, zonder punten of spaties (bijv. 45000).",
    en: "Type a number, without separators or spaces (e.g. 45000).",
  },
  step3: { nl: "3. Categoriseren", en: "3. Categorise" },
  step3Help: {
    nl: "Deelt elke grootboekregel in bij een categorie van het TCO-model en zet het resultaat op het blad ICT-categorisatie. Uw eigen keuzes in de kolom Handmatig blijven bewaard.",
    en: "Assigns every ledger line to a category of the TCO model and writes the result to the ICT-categorisatie sheet. Your own choices in the Handmatig (manual) column are kept.",
  },
  categorise: { nl: "Categoriseren", en: "Categorise" },
  showUnclassified: { nl: "Toon onbekende regels", en: "Show unknown lines" },
  unclassifiedInfoOne: {
    nl: "1 regel zonder categorie ({amount}). Vul de kolom Handmatig in en categoriseer opnieuw.",
    en: "1 line without a category ({amount}). Fill in the Handmatig column and categorise again.",
  },
  unclassifiedInfo: {
    nl: "{lines} regels zonder categorie ({amount}). Vul de kolom Handmatig in en categoriseer opnieuw.",
    en: "{lines} lines without a category ({amount}). Fill in the Handmatig column and categorise again.",
  },
  step4: { nl: "4. Vergelijken", en: "4. Compare" },
  step4Help: {
    nl: "Zet uw kosten per KPI naast de benchmark op het blad ICT-vergelijking, met grafieken.",
    en: "Sets your costs per KPI beside the benchmark on the ICT-vergelijking sheet, with charts.",
  },
  year: { nl: "Boekjaar", en: "Book year" },
  latestYear: { nl: "Laatste jaar", en: "Latest year" },
  edition: { nl: "Benchmark-editie", en: "Benchmark edition" },
  compare: { nl: "Vergelijken", en: "Compare" },
  snapshot: { nl: "Momentopname", en: "Snapshot" },
  functionErrors: { nl: "Foutwaarden en hun betekenis", en: "Error values and what they mean" },
  fingerprint: {
    nl: "Vingerafdruk (SHA-256 van de kostenregels en kerngegevens): {fingerprint}",
    en: "Fingerprint (SHA-256 of the cost lines and key figures): {fingerprint}",
  },
  explanationsTitle: {
    nl: "Verklaring per KPI (ook op het blad ICT-toelichting)",
    en: "Explanation per KPI (also on the ICT-toelichting sheet)",
  },
  mainlyFrom: { nl: "vooral {categories}", en: "mainly {categories}" },
  perInhabitant: { nl: "{amount} per inwoner", en: "{amount} per inhabitant" },
  showKpiLines: { nl: "Toon regels", en: "Show lines" },
  step5: { nl: "5. Trend", en: "5. Trend" },
  step5Help: {
    nl: "Uw kosten per inwoner door de jaren, ook in prijzen van het laatste jaar, naast de eerdere benchmarks (blad ICT-trend).",
    en: "Your cost per inhabitant over the years, also in prices of the latest year, beside earlier benchmarks (ICT-trend sheet).",
  },
  trend: { nl: "Trend maken", en: "Build trend" },

  // progress and results
  working: { nl: "Bezig…", en: "Working…" },
  progressLabel: { nl: "Voortgang", en: "Progress" },
  cancel: { nl: "Annuleren", en: "Cancel" },
  cancelled: {
    nl: "Geannuleerd. De bladen van de invoegtoepassing kunnen half bijgewerkt zijn; uw eigen bladen zijn niet veranderd. Start de stap opnieuw.",
    en: "Cancelled. The add-in's sheets may be partly updated; your own sheets are unchanged. Run the step again.",
  },
  unexpected: {
    nl: "Er ging iets mis: {message}. Probeer het opnieuw; blijft het misgaan, sluit dan het taakvenster en open het opnieuw.",
    en: "Something went wrong: {message}. Try again; if it keeps failing, close the task pane and open it again.",
  },
  resultTitle: { nl: "Resultaat", en: "Result" },
  errorTitle: { nl: "Niet gelukt", en: "Did not work" },
  sheetsWritten: { nl: "Bijgewerkte bladen: {sheets}.", en: "Sheets updated: {sheets}." },
  issuesTitle: { nl: "{count} meldingen over regels", en: "{count} notes about rows" },
  reconciliationOk: {
    nl: "Aansluiting met het grootboek: klopt",
    en: "Reconciliation with the ledger: agrees",
  },
  reconciliationWarning: {
    nl: "Aansluiting met het grootboek: let op (rijen overgeslagen of onleesbaar)",
    en: "Reconciliation with the ledger: note (rows skipped or unreadable)",
  },
  reconciliationDiffers: {
    nl: "Aansluiting met het grootboek: VERSCHIL met het totaal in de bron",
    en: "Reconciliation with the ledger: DIFFERS from the source's total",
  },
  reviewTitle: {
    nl: "Eerst controleren (bedrag × onzekerheid)",
    en: "Check first (amount × uncertainty)",
  },
  reviewLine: {
    nl: "Rij {row}: {description} — {amount}, {category}, zekerheid {confidence}%",
    en: "Row {row}: {description} — {amount}, {category}, confidence {confidence}%",
  },
  learnTitle: {
    nl: "Code {code} ook gebruiken voor {supplier}?",
    en: "Use code {code} for {supplier} too?",
  },
  learnIntro: {
    nl: "U typte {code} bij rij {row} ({description}). Nog {count} regel(s) hebben dezelfde leverancier ({supplier}) en grootboekrekening ({account}), samen {amount}. Toepassen bewaart een regel op het blad Regels; elke herberekening houdt die aan.",
    en: "You typed {code} on row {row} ({description}). {count} more line(s) have the same supplier ({supplier}) and account ({account}), {amount} together. Applying keeps a rule on the Regels sheet; every rebuild honours it.",
  },
  learnNothing: {
    nl: "U typte {code} bij rij {row} ({description}). Een regel voor {supplier} ({account}) zou niets veranderen:",
    en: "You typed {code} on row {row} ({description}). A rule for {supplier} ({account}) would change nothing:",
  },
  learnLinesLabel: { nl: "Regels die veranderen", en: "Lines that change" },
  learnLine: {
    nl: "Rij {row}: {description} — {amount}, nu {category}",
    en: "Row {row}: {description} — {amount}, now {category}",
  },
  learnKept: {
    nl: "Rij {row} heeft een eigen Handmatig-code en blijft zo.",
    en: "Row {row} has a Handmatig code of its own and keeps it.",
  },
  learnConflict: {
    nl: "Rij {row} blijft {category}: {rule} gaat voor. Pas het blad Regels aan als dat niet klopt.",
    en: "Row {row} stays {category}: {rule} comes first. Edit the Regels sheet if that is wrong.",
  },
  learnApply: { nl: "Toepassen op {count} regels", en: "Apply to {count} lines" },
  learnApplyOne: { nl: "Toepassen op 1 regel", en: "Apply to 1 line" },
  learnDismiss: { nl: "Niet nu", en: "Not now" },
  sourcesTitle: { nl: "Bronnen van de kerngegevens (CBS)", en: "Sources of the key figures (CBS)" },
  issueRow: { nl: "{sheet}rij {row}: {message}", en: "{sheet}row {row}: {message}" },
  needsMapping: {
    nl: "Kies bij stap 2 welk grootboek en welke kolommen bedoeld zijn, en vul ontbrekende kerngegevens in.",
    en: "In step 2, choose which ledger and columns are meant, and type in missing key figures.",
  },
  formulaInserted: { nl: "Formule ingevoegd: {formula}", en: "Formula inserted: {formula}" },

  // settings
  settings: { nl: "Instellingen", en: "Settings" },
  language: { nl: "Taal", en: "Language" },
  languageNl: { nl: "Nederlands", en: "Nederlands (Dutch)" },
  languageEn: { nl: "English (Engels)", en: "English" },
  defaultEdition: { nl: "Standaard benchmark-editie", en: "Default benchmark edition" },
  builtIn: { nl: "ingebouwd", en: "built in" },
  sheetNames: { nl: "Namen van de uitvoerbladen", en: "Names of the output sheets" },
  sheetCategorisation: { nl: "Blad categorisatie", en: "Categorisation sheet" },
  sheetComparison: { nl: "Blad vergelijking", en: "Comparison sheet" },
  sheetTrend: { nl: "Blad trend", en: "Trend sheet" },
  sheetNameHelp: {
    nl: "Leeg laten voor de standaardnaam. Een naam die al door een eigen blad gebruikt wordt, krijgt een volgnummer.",
    en: "Leave empty for the default name. A name already used by one of your sheets gets a number added.",
  },
  loadEdition: { nl: "Editie laden…", en: "Load edition…" },
  loadEditionHelp: {
    nl: "Een nieuwere editie van de benchmark als JSON-bestand (zie docs/benchmark-edition.md). Ze wordt in de werkmap bewaard en gekozen.",
    en: "A newer edition of the benchmark as a JSON file (see docs/benchmark-edition.md). It is kept in the workbook and chosen.",
  },
  editionFile: { nl: "JSON-bestand kiezen", en: "Choose a JSON file" },
  editionPaste: { nl: "Of plak de JSON hier", en: "Or paste the JSON here" },
  editionPasteLoad: { nl: "Geplakte editie laden", en: "Load pasted edition" },
  editionPasteEmpty: { nl: "Plak eerst de JSON van een editie.", en: "Paste an edition's JSON first." },
  editionLoaded: {
    nl: "{title} (boekjaar {year}) is geladen, gekozen en in de werkmap bewaard.",
    en: "{title} (book year {year}) is loaded, chosen and kept in the workbook.",
  },
  editionLoadedNotSaved: {
    nl: "{title} (boekjaar {year}) is geladen en gekozen, maar kon niet in de werkmap worden bewaard; ze geldt tot u het taakvenster sluit.",
    en: "{title} (book year {year}) is loaded and chosen, but could not be kept in the workbook; it applies until you close the task pane.",
  },
  editionTooLarge: {
    nl: "{name} is {size} kB; een editie mag hoogstens {max} kB zijn, omdat de werkmap maar ongeveer 2 MB aan instellingen kan bewaren.",
    en: "{name} is {size} kB; an edition may be at most {max} kB, as the workbook can keep only about 2 MB of settings.",
  },
  editionUnreadable: {
    nl: "{name} kon niet gelezen worden: {message}.",
    en: "{name} could not be read: {message}.",
  },
  editionInvalid: {
    nl: "Dit is geen geldige benchmarkeditie; er is niets geladen. Problemen ({count}):",
    en: "This is not a valid benchmark edition; nothing was loaded. Problems ({count}):",
  },
  editionMore: { nl: "… en nog {count}.", en: "… and {count} more." },
  editionBuiltinId: {
    nl: 'De editie heeft het id van de ingebouwde editie ("{id}"); geef uw editie een eigen id.',
    en: 'The edition has the id of the built-in edition ("{id}"); give your edition an id of its own.',
  },
  storedEditionInvalid: {
    nl: 'De in de werkmap bewaarde editie "{id}" is niet geldig en is niet geladen: {message}',
    en: 'The edition "{id}" kept in the workbook is not valid and was not loaded: {message}',
  },
  settingsSaved: { nl: "Instellingen opgeslagen in de werkmap.", en: "Settings saved in the workbook." },
  settingsNotSaved: {
    nl: "De instellingen konden niet in de werkmap worden opgeslagen; ze gelden tot u het taakvenster sluit.",
    en: "The settings could not be saved in the workbook; they apply until you close the task pane.",
  },

  // functions helper
  functions: { nl: "Functie invoegen", en: "Insert function" },
  functionsHelp: {
    nl: "De ICTCOST-functies werken in elke cel. Kies er een; 'Invoegen' zet een voorbeeld in de actieve cel, dat u daarna aanpast.",
    en: "The ICTCOST functions work in any cell. Choose one; 'Insert' puts an example in the active cell, which you then adjust.",
  },
  function: { nl: "Functie", en: "Function" },
  syntax: { nl: "Opbouw", en: "Syntax" },
  example: { nl: "Voorbeeld", en: "Example" },
  insert: { nl: "Invoegen", en: "Insert" },
} satisfies Record<string, Bilingual>;

export type StringKey = keyof typeof STRINGS;

/** The text in `language`, with `{name}` placeholders filled from `vars`. */
export function t(language: Language, key: StringKey, vars: Record<string, string | number> = {}): string {
  const text = STRINGS[key][language];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A Bilingual from the workflows (summary, error, issue) in the chosen language. */
export function pick(text: Bilingual, language: Language): string {
  return text[language] || text.nl;
}

export const FIELD_LABELS: Record<ReaderField, Bilingual> = {
  description: { nl: "Omschrijving", en: "Description" },
  amount: { nl: "Bedrag", en: "Amount" },
  supplier: { nl: "Leverancier", en: "Supplier" },
  account: { nl: "Grootboekrekening", en: "Account" },
  year: { nl: "Jaar", en: "Year" },
  costCentre: { nl: "Kostenplaats", en: "Cost centre" },
  fte: { nl: "Fte", en: "FTE" },
  category: { nl: "Categorie", en: "Category" },
  taakveld: { nl: "Taakveld (Iv3)", en: "Task field (Iv3)" },
  iv3Category: { nl: "Iv3-categorie", en: "Iv3 category" },
  debit: { nl: "Debet", en: "Debit" },
  credit: { nl: "Credit", en: "Credit" },
  debitCredit: { nl: "Debet/credit-teken (D/C)", en: "Debit/credit mark (D/C)" },
  balance: { nl: "Saldo", en: "Balance" },
  date: { nl: "Datum (boekdatum)", en: "Date (booking date)" },
  period: { nl: "Periode", en: "Period" },
  document: { nl: "Documentnummer (factuur, boekstuk)", en: "Document number (invoice, entry)" },
  supplierNumber: { nl: "Crediteurnummer", en: "Supplier number" },
  accountName: { nl: "Naam grootboekrekening", en: "Account name" },
};

/** The ledger fields in the order the mapping step shows them; the first two are required. */
export { LEDGER_FIELDS, REQUIRED_FIELDS } from "../model/grid/headers";

export const KEY_FIGURE_LABELS = {
  municipality: { nl: "Gemeente", en: "Municipality" },
  year: { nl: "Boekjaar", en: "Book year" },
  inhabitants: { nl: "Inwoners", en: "Inhabitants" },
  budget: { nl: "Totale begroting (€)", en: "Total budget (€)" },
  fteOwn: { nl: "ICT-fte eigen", en: "Own ICT FTE" },
  fteHired: { nl: "ICT-fte inhuur", en: "Hired ICT FTE" },
} satisfies Record<string, Bilingual>;

const LOCALES: Record<Language, string> = { nl: "nl-NL", en: "en-GB" };

export function formatMoney(amount: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }).format(value);
}
