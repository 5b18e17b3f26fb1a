/**
 * The CLI's commands as functions from parsed arguments to {exitCode, stdout, stderr}: no
 * printing, no process exit, so tests call them in-process. A new command (compare, template,
 * benchmark) is one more CommandSpec in COMMANDS; cli.ts parses flags and prints help from it.
 */
import { categorise } from "../model/pipeline";
import { formatEuro, formatNumber, formatPercent } from "../model/format";
import { categoryLabel } from "../model/taxonomy";
import { CategorisedLine, ReadIssue, Staffing } from "../model/types";
import { FlagSpec, ParsedArgs } from "./args";
import { userError } from "./errors";
import { findFileInputs, guessedColumnsHint, readInputFile } from "./input";
import { Column, renderTable } from "./table";
import { compareCommand } from "./compare";
import { flagKpi, flagPositive, flagYear } from "./flags";
import { benchmarkCommand, templateCommand } from "./reference";
import { withEditionFile } from "./editionFile";
import { peersCommand } from "./peers";

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CommandSpec {
  name: string;
  /** Arguments after the command name, e.g. "<bestand.csv|bestand.xlsx>". */
  usage: string;
  summary: { nl: string; en: string };
  flags: readonly FlagSpec[];
  /** How many positional arguments the command takes. */
  positionals: { min: number; max: number };
  run(args: ParsedArgs, context?: CommandContext): Promise<CommandResult>;
}

/** What the binary gives a command beyond its arguments: live progress (stderr) for long runs. */
export interface CommandContext {
  progress?: (text: string) => void;
}

/** "Grootboek: Rij 12: … / Row 12: …"; the row is added where the message does not name it. */
export function issueText(issue: ReadIssue): string {
  const { nl, en } = issue.message;
  const row = nl.startsWith(`Rij ${issue.row}`) ? "" : `rij ${issue.row}`;
  const where = [issue.sheet, row].filter(Boolean).join(", ");
  return `${where}: ${nl} / ${en}`;
}

// ---- classify ---------------------------------------------------------------------------

interface ClassifyCommandOptions {
  file: string;
  sheet?: string;
  map?: string;
  json?: boolean;
}

/** One cost line in `classify --json`, in source order. */
export interface ClassifiedJson {
  row: number;
  description: string;
  supplier: string;
  amount: number;
  category: string;
  delivery: "saas" | "on-premise" | null;
  staffing: "own" | "hired" | null;
  rule: string;
  /** How sure the rules are, 0–1 (1: the user's own category). */
  confidence: number;
}

export function toJson(line: CategorisedLine): ClassifiedJson {
  const { row, description, supplier, amount, category, delivery, staffing, rule } = line;
  const confidence = Math.round(line.confidence * 100) / 100;
  return { row, description, supplier, amount, category, delivery, staffing, rule, confidence };
}

const STAFFING_NL: Record<Exclude<Staffing, null>, string> = { own: "eigen", hired: "inhuur" };

const TABLE_COLUMNS: readonly Column[] = [
  { header: "Rij", align: "right" },
  { header: "Omschrijving", maxWidth: 44 },
  { header: "Bedrag", align: "right" },
  { header: "Categorie", maxWidth: 40 },
  { header: "Levering" },
  { header: "Personeel" },
  { header: "Regel", maxWidth: 40 },
  { header: "Zekerheid", align: "right" },
];

function tableRow(line: CategorisedLine): string[] {
  return [
    String(line.row),
    line.description,
    formatNumber(line.amount, "nl", 2),
    `${line.category} ${categoryLabel(line.category)}`,
    line.delivery ?? "",
    line.staffing ? STAFFING_NL[line.staffing] : "",
    line.rule,
    formatPercent(line.confidence, "nl", 0),
  ];
}

/** "74 regels gecategoriseerd, 1 onbekend (€ 1.236), 0 overgeslagen" and its English twin. */
function classifySummary(lines: readonly CategorisedLine[], unreadable: number): string {
  const unknown = lines.filter((l) => l.category === "XX.OO");
  const unknownSum = unknown.reduce((s, l) => s + l.amount, 0);
  const nl =
    `${lines.length} regels gecategoriseerd, ${unknown.length} onbekend ` +
    `(${formatEuro(unknownSum, "nl")}), ${unreadable} overgeslagen`;
  const en =
    `${lines.length} lines categorised, ${unknown.length} unclassified ` +
    `(${formatEuro(unknownSum, "en")}), ${unreadable} skipped`;
  return `${nl}\n${en}\n`;
}

/** Read a ledger file, categorise every cost line, report it as a table or as JSON. */
export async function classify(options: ClassifyCommandOptions): Promise<CommandResult> {
  const book = await readInputFile(options.file);
  const inputs = findFileInputs(book, options.sheet, options.map);
  const lines = categorise(inputs).counted;
  const guessed = guessedColumnsHint(inputs);
  const issues =
    inputs.issues.map((i) => issueText(i) + "\n").join("") +
    (guessed ? `${guessed.nl} / ${guessed.en}\n` : "");
  const summary = classifySummary(lines, inputs.read.issues.length);
  if (options.json) {
    return {
      exitCode: 0,
      stdout: JSON.stringify(lines.map(toJson), null, 2) + "\n",
      stderr: issues + summary,
    };
  }
  return {
    exitCode: 0,
    stdout: renderTable(TABLE_COLUMNS, lines.map(tableRow)) + "\n" + summary,
    stderr: issues,
  };
}

const CLASSIFY: CommandSpec = {
  name: "classify",
  usage: "<bestand.csv|bestand.xlsx>",
  summary: {
    nl: "Categoriseer elke kostenregel van een grootboek (TCO-categorie, levering, inhuur)",
    en: "Categorise every cost line of a ledger (TCO category, delivery, staffing)",
  },
  flags: [
    { name: "sheet", value: "S", help: { nl: "werkblad met het grootboek", en: "sheet holding the ledger" } },
    {
      name: "map",
      value: "VELD=KOP,…",
      help: {
        nl: "welke kolom wat is, bijv. amount=Bedrag excl. btw,supplier=Crediteur (velden: description, amount, debit, credit, supplier, account, year, date, costCentre, taakveld, iv3Category, …)",
        en: "which column is which, e.g. amount=Amount excl. VAT,supplier=Creditor",
      },
    },
    {
      name: "json",
      help: { nl: "JSON-uitvoer, één object per regel", en: "JSON output, one object per line" },
    },
  ],
  positionals: { min: 1, max: 1 },
  run: (args) =>
    classify({
      file: args.positionals[0],
      sheet: typeof args.flags.sheet === "string" ? args.flags.sheet : undefined,
      map: typeof args.flags.map === "string" ? args.flags.map : undefined,
      json: args.flags.json === true,
    }),
};

const str = (v: string | true | undefined) => (typeof v === "string" ? v : undefined);

const EDITION_FILE_FLAG: FlagSpec = {
  name: "edition-file",
  value: "EDITIE.json",
  help: {
    nl: "laad een (nieuwere) benchmarkeditie uit JSON; die geldt tenzij --edition een andere noemt",
    en: "load a (newer) benchmark edition from JSON; it applies unless --edition names another",
  },
};

const COMPARE: CommandSpec = {
  name: "compare",
  usage: "<bestand.xlsx|bestand.csv>",
  summary: {
    nl: "Vergelijk de ICT-kosten met de benchmark; met -o een kopie van de werkmap met de bladen van de invoegtoepassing",
    en: "Compare the ICT cost with the benchmark; with -o a copy of the workbook with the add-in's sheets",
  },
  flags: [
    {
      name: "out",
      short: "o",
      value: "UIT.xlsx",
      help: { nl: "schrijf de kopie hierheen", en: "write the copy here" },
    },
    { name: "year", value: "J", help: { nl: "boekjaar om te vergelijken", en: "book year to compare" } },
    {
      name: "inhabitants",
      value: "N",
      help: {
        nl: "aantal inwoners (wint van de kerngegevens)",
        en: "inhabitants (overrides the key figures)",
      },
    },
    {
      name: "budget",
      value: "B",
      help: {
        nl: "totale begroting in € (wint van de kerngegevens)",
        en: "total budget in € (overrides the key figures)",
      },
    },
    {
      name: "gemeente",
      value: "NAAM",
      help: {
        nl: "gemeente voor de CBS-cijfers (inwoners, begroting, overhead); anders de Gemeente uit de kerngegevens",
        en: "municipality for CBS's figures (inhabitants, budget, overhead); else the key figures' Gemeente",
      },
    },
    { name: "sheet", value: "S", help: { nl: "werkblad met het grootboek", en: "sheet holding the ledger" } },
    {
      name: "map",
      value: "VELD=KOP,…",
      help: {
        nl: "welke kolom wat is, bijv. amount=Bedrag excl. btw,supplier=Crediteur (velden: description, amount, debit, credit, supplier, account, year, date, costCentre, taakveld, iv3Category, …)",
        en: "which column is which, e.g. amount=Amount excl. VAT,supplier=Creditor",
      },
    },
    { name: "edition", value: "E", help: { nl: "benchmarkeditie (id)", en: "benchmark edition (id)" } },
    EDITION_FILE_FLAG,
    {
      name: "explain",
      value: "KPI",
      help: {
        nl: "verklaar één KPI: de categorieën die het verschil maken en hun grootste regels (KPI-ids: zie README)",
        en: "explain one KPI: the categories that make the difference and their biggest lines (KPI ids: see README)",
      },
    },
    {
      name: "snapshot",
      help: {
        nl: "controlemomentopname: met -o het blad ICT-controle (waarden, bronnen, vingerafdruk)",
        en: "audit snapshot: with -o the sheet ICT-controle (values, sources, fingerprint)",
      },
    },
    { name: "json", help: { nl: "JSON-uitvoer", en: "JSON output" } },
    {
      name: "learn",
      help: {
        nl: "maak van elke Handmatig-code op ICT-categorisatie een regel voor dezelfde leverancier en grootboekrekening (met -o op het blad Regels van de kopie, anders alleen getoond)",
        en: "turn every Handmatig code on ICT-categorisatie into a rule for the same supplier and account (with -o on the copy's Regels sheet, else only shown)",
      },
    },
  ],
  positionals: { min: 1, max: 1 },
  run: (args, context) => {
    const options = {
      explain: flagKpi(args.flags.explain),
      snapshot: args.flags.snapshot === true,
      file: args.positionals[0],
      learn: args.flags.learn === true,
      out: str(args.flags.out),
      sheet: str(args.flags.sheet),
      map: str(args.flags.map),
      year: flagYear(args.flags.year),
      inhabitants: flagPositive("inhabitants", args.flags.inhabitants),
      budget: flagPositive("budget", args.flags.budget),
      gemeente: str(args.flags.gemeente),
      json: args.flags.json === true,
      progress: context?.progress,
    };
    return withEditionFile(str(args.flags["edition-file"]), str(args.flags.edition), (edition) =>
      compareCommand({ ...options, edition }),
    );
  },
};

const TEMPLATE: CommandSpec = {
  name: "template",
  usage: "<uit.xlsx>",
  summary: {
    nl: "Schrijf een leeg invoersjabloon (Kerngegevens, Grootboek, Regels)",
    en: "Write an empty input template (key figures, ledger, rules)",
  },
  flags: [{ name: "force", help: { nl: "bestaand bestand vervangen", en: "replace an existing file" } }],
  positionals: { min: 1, max: 1 },
  run: (args) => templateCommand({ out: args.positionals[0], force: args.flags.force === true }),
};

const BENCHMARK: CommandSpec = {
  name: "benchmark",
  usage: "",
  summary: {
    nl: "Toon de referentiecijfers van de benchmark met hun bron (editie, regels in het rapport)",
    en: "Show the benchmark's reference figures with their source (edition, report lines)",
  },
  flags: [
    { name: "edition", value: "E", help: { nl: "benchmarkeditie (id)", en: "benchmark edition (id)" } },
    EDITION_FILE_FLAG,
    { name: "json", help: { nl: "JSON-uitvoer", en: "JSON output" } },
  ],
  positionals: { min: 0, max: 0 },
  run: (args) =>
    withEditionFile(str(args.flags["edition-file"]), str(args.flags.edition), async (edition) =>
      benchmarkCommand({ edition, json: args.flags.json === true }),
    ),
};

const PEERS: CommandSpec = {
  name: "peers",
  usage: "<map|bestand.xlsx…>",
  summary: {
    nl: "Deelnemers naast elkaar (SSC, regio, benchmarkclub): kengetallen, mediaan, kwartielen, rang; gedeelde kosten verdeeld",
    en: "Members side by side (SSC, region, benchmark club): KPIs, median, quartiles, rank; shared costs allocated",
  },
  flags: [
    {
      name: "out",
      short: "o",
      value: "UIT.xlsx",
      help: { nl: "schrijf het deelnemersblad hierheen", en: "write the peers sheet here" },
    },
    { name: "year", value: "J", help: { nl: "boekjaar om te vergelijken", en: "book year to compare" } },
    {
      name: "shared",
      value: "BESTAND",
      help: {
        nl: "grootboek met gedeelde kosten (bijv. van de SSC), verdeeld over de deelnemers",
        en: "ledger of shared costs (e.g. the SSC's), allocated to the members",
      },
    },
    {
      name: "key",
      value: "SLEUTEL.csv",
      help: {
        nl: "verdeelsleutel gemeente;aandeel (anders naar inwoners)",
        en: "allocation key gemeente;aandeel (else by inhabitants)",
      },
    },
    { name: "edition", value: "E", help: { nl: "benchmarkeditie (id)", en: "benchmark edition (id)" } },
    EDITION_FILE_FLAG,
    { name: "json", help: { nl: "JSON-uitvoer", en: "JSON output" } },
  ],
  positionals: { min: 1, max: 10_000 },
  run: (args, context) => {
    const options = {
      inputs: args.positionals,
      out: str(args.flags.out),
      year: flagYear(args.flags.year),
      shared: str(args.flags.shared),
      key: str(args.flags.key),
      json: args.flags.json === true,
      progress: context?.progress,
    };
    return withEditionFile(str(args.flags["edition-file"]), str(args.flags.edition), (edition) =>
      peersCommand({ ...options, ...(edition !== undefined ? { edition } : {}) }),
    );
  },
};

export const COMMANDS: readonly CommandSpec[] = [CLASSIFY, COMPARE, PEERS, TEMPLATE, BENCHMARK];

export function findCommand(name: string): CommandSpec {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  throw userError(
    `Onbekend commando: ${name} (zie ictcost --help)`,
    `Unknown command: ${name} (see ictcost --help)`,
  );
}
