/**
 * A scripted Workflows for the pane's unit tests: records every call with its options and choice, and
 * answers from `responses` (or a default success). No Office, no DOM.
 */
import { SettingsStore } from "../../src/taskpane/settings";
import {
  InputChoice,
  InputDetection,
  LinesRequest,
  LearnChoice,
  WorkflowOptions,
  WorkflowResult,
  Workflows,
} from "../../src/excel/workflow-api";

export interface Call {
  method: keyof Workflows;
  options?: WorkflowOptions;
  choice?: InputChoice;
  year?: number;
  formula?: string;
  request?: LinesRequest;
  accepted?: LearnChoice[];
}

export function ok(summary: string, extra: Partial<WorkflowResult> = {}): WorkflowResult {
  return { ok: true, summary: { nl: summary, en: `EN ${summary}` }, issues: [], sheets: [], ...extra };
}

export const DETECTION: InputDetection = {
  ledgers: [
    {
      source: { kind: "table", name: "Grootboek" },
      label: "Tabel Grootboek",
      headers: ["Omschrijving", "Leverancier", "Bedrag", "Jaar"],
      mapping: { description: 0, supplier: 1, amount: 2, year: 3 },
      missing: [],
      rows: 74,
    },
    {
      source: { kind: "sheet", name: "Export" },
      label: "Blad Export",
      headers: ["Tekst", "Waarde"],
      mapping: { description: 0 },
      missing: ["amount"],
      rows: 12,
    },
  ],
  chosen: 0,
  keyFigures: [{ municipality: "Voorbeeldrade", year: 2022, budget: 180000000 }],
  missingKeyFigures: ["inhabitants"],
  years: [2021, 2022],
};

type Handler = (call: Call) => Promise<unknown>;

export class FakeWorkflows implements Workflows {
  calls: Call[] = [];
  handlers: Partial<Record<keyof Workflows, Handler>> = {};
  detection: InputDetection = DETECTION;

  private answer<T>(call: Call, fallback: () => T): Promise<T> {
    this.calls.push(call);
    const h = this.handlers[call.method];
    return h ? (h(call) as Promise<T>) : Promise.resolve(fallback());
  }

  insertTemplate(options: WorkflowOptions) {
    return this.answer({ method: "insertTemplate", options }, () => ok("Sjabloon ingevoegd"));
  }
  loadSampleMunicipality(options: WorkflowOptions) {
    return this.answer({ method: "loadSampleMunicipality", options }, () => ok("Voorbeeld geladen"));
  }
  detectInputs(options: WorkflowOptions) {
    return this.answer({ method: "detectInputs", options }, () => this.detection);
  }
  categorise(options: WorkflowOptions, choice?: InputChoice) {
    return this.answer({ method: "categorise", options, choice }, () => ok("Gecategoriseerd"));
  }
  buildComparison(options: WorkflowOptions, year?: number, choice?: InputChoice) {
    return this.answer({ method: "buildComparison", options, year, choice }, () => ok("Vergeleken"));
  }
  buildTrend(options: WorkflowOptions, choice?: InputChoice) {
    return this.answer({ method: "buildTrend", options, choice }, () => ok("Trend"));
  }
  rebuildAll(options: WorkflowOptions, choice?: InputChoice) {
    return this.answer({ method: "rebuildAll", options, choice }, () => ok("Alles"));
  }
  snapshot(options: WorkflowOptions, choice?: InputChoice) {
    return this.answer({ method: "snapshot", options, choice }, () =>
      ok("Momentopname", { fingerprint: "sha256:00" }),
    );
  }
  selectKpiLines(options: WorkflowOptions, request: LinesRequest) {
    return this.answer({ method: "selectKpiLines", options, request }, () => ok("Regels getoond"));
  }
  selectUnclassified(options: WorkflowOptions) {
    return this.answer({ method: "selectUnclassified", options }, () => ok("Geselecteerd"));
  }
  learnRules(options: WorkflowOptions, accepted: LearnChoice[], choice?: InputChoice) {
    return this.answer({ method: "learnRules", options, accepted, choice }, () => ok("Geleerd"));
  }
  insertFormula(formula: string) {
    return this.answer({ method: "insertFormula", formula }, () => undefined);
  }

  last(method: keyof Workflows): Call | undefined {
    return [...this.calls].reverse().find((c) => c.method === method);
  }
}

/** Document settings in memory, as Office.context.document.settings behaves; `fail` makes saveAsync fail. */
export function memoryStore(fail = false): SettingsStore & { data: Record<string, unknown>; saves: number } {
  const data: Record<string, unknown> = {};
  return {
    data,
    saves: 0,
    get: (k) => data[k] ?? null,
    set: (k, v) => void (data[k] = JSON.parse(JSON.stringify(v))),
    saveAsync(cb) {
      this.saves++;
      cb?.({ status: fail ? "failed" : "succeeded" });
    },
  };
}
