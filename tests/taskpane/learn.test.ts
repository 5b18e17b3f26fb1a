/** The pane's side of learning from corrections: the offer is shown, and only a yes writes. */
import { PaneController } from "../../src/taskpane/controller";
import { LearnOffer } from "../../src/model/learn";
import { FakeWorkflows, ok } from "./fake-workflows";

const offer: LearnOffer = {
  supplier: "Telecom Noord B.V.",
  account: "4510",
  category: "IN.ND",
  from: { sheet: "Grootboek", row: 2, description: "Abonnement jan", amount: 1200, category: "IN.ND" },
  rule: {
    pattern: "Telecom Noord B.V.",
    field: "supplierAccount",
    account: "4510",
    category: "IN.ND",
    source: "Grootboek rij 2: Abonnement jan",
  },
  changes: [{ sheet: "Grootboek", row: 3, description: "Abonnement feb", amount: 1250, category: "XX.OO" }],
  manual: [],
  conflicts: [],
};

function setup() {
  const workflows = new FakeWorkflows();
  workflows.handlers.categorise = async () => ok("Gecategoriseerd", { learn: [offer] });
  const controller = new PaneController({
    workflows,
    settings: { language: "nl", sheetNames: {} },
    store: null,
  });
  return { workflows, controller };
}

describe("learn offers in the pane", () => {
  test("Categoriseren shows the offer; nothing is learnt until the controller applies it", async () => {
    const { workflows, controller } = setup();
    await controller.categorise();
    expect(controller.state.outcome?.learn).toEqual([offer]);
    expect(workflows.last("learnRules")).toBeUndefined();
    await controller.learn(offer);
    expect(workflows.last("learnRules")?.accepted).toEqual([
      { supplier: "Telecom Noord B.V.", account: "4510", category: "IN.ND" },
    ]);
    expect(controller.state.outcome?.action).toBe("learn");
    expect(controller.state.outcome?.summary?.nl).toBe("Geleerd");
  });

  test("Niet nu takes the offer away without asking the workbook anything", async () => {
    const { workflows, controller } = setup();
    await controller.categorise();
    const calls = workflows.calls.length;
    controller.dismissLearn(offer);
    expect(controller.state.outcome?.learn).toBeUndefined();
    expect(controller.state.outcome?.summary?.nl).toBe("Gecategoriseerd");
    expect(workflows.calls.length).toBe(calls);
  });
});
