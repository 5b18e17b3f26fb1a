/**
 * The workbook workflows (see ./workflow-api.ts), over Excel.run and the document settings. The task
 * pane and the ribbon command import `workflows`; tests build their own with `createWorkflows` over the
 * Excel fake. The implementation lives in ./workflows/.
 */
import { Workflows } from "./workflow-api";
import { insertTemplate, loadSampleMunicipality } from "./workflows/input-sheets";
import { buildComparison, buildTrend, categorise, rebuildAll, snapshot } from "./workflows/plan";
import { selectKpiLines } from "./workflows/drilldown";
import { learnRules } from "./workflows/learn";
import { detectInputs } from "./workflows/reading";
import { WorkflowEnv } from "./workflows/run";
import { insertFormula, selectUnclassified } from "./workflows/selection";

export type { WorkflowEnv } from "./workflows/run";
export { WorkflowError } from "./workflows/run";

export function createWorkflows(env: WorkflowEnv): Workflows {
  return {
    insertTemplate: (options) => insertTemplate(env, options),
    loadSampleMunicipality: (options) => loadSampleMunicipality(env, options),
    detectInputs: (options) => detectInputs(env, options),
    categorise: (options, choice) => categorise(env, options, choice),
    buildComparison: (options, year, choice) => buildComparison(env, options, year, choice),
    buildTrend: (options, choice) => buildTrend(env, options, choice),
    rebuildAll: (options, choice) => rebuildAll(env, options, choice),
    snapshot: (options, choice) => snapshot(env, options, choice),
    selectKpiLines: (options, request) => selectKpiLines(env, options, request),
    selectUnclassified: (options) => selectUnclassified(env, options),
    learnRules: (options, accepted, choice) => learnRules(env, options, accepted, choice),
    insertFormula: (formula) => insertFormula(env, formula),
  };
}

/** Office's own environment, looked up when a workflow runs (Office.js is loaded by then). */
export const officeEnv: WorkflowEnv = {
  run: (batch) => Excel.run(batch),
  get settings() {
    return Office.context.document.settings;
  },
};

export const workflows: Workflows = createWorkflows(officeEnv);

export {
  buildComparison,
  buildTrend,
  categorise,
  detectInputs,
  insertFormula,
  insertTemplate,
  learnRules,
  loadSampleMunicipality,
  rebuildAll,
  selectKpiLines,
  selectUnclassified,
  snapshot,
};
