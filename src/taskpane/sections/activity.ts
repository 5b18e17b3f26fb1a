/**
 * The activity area: while a workflow runs, its step text, a progress bar and (for the long ones) Cancel;
 * afterwards its outcome. It moves to the section of the action that ran, so the result appears where the
 * user clicked.
 */
import { LearnOffer } from "../../model/learn";
import { Bilingual } from "../../model/types";
import { ActionId, Outcome, PaneState } from "../paneState";
import { h, replaceChildren } from "../dom";
import { formatMoney, pick } from "../strings";
import { formatEuro } from "../../model/format";
import { Widgets } from "../widgets";

/** Which section an action's progress and result appear in. */
const ACTION_SECTION: Record<ActionId, string> = {
  insertTemplate: "step1",
  loadSample: "step1",
  detect: "step2",
  categorise: "step3",
  selectUnclassified: "step3",
  snapshot: "step4",
  selectKpiLines: "step4",
  learn: "step3",
  compare: "step4",
  trend: "step5",
  insertFormula: "functions",
};

/** Learn offers shown per result, and lines listed per offer (the rest as "…"). */
const MAX_OFFERS_SHOWN = 3;
const MAX_OFFER_LINES = 10;

/** Row-level notes listed at most (a messy ledger can have thousands); the rest is shown as "…". */
const MAX_ISSUES_SHOWN = 200;

export class Activity {
  readonly element = h("div", { class: "activity", "data-testid": "activity" });
  private rendered: { outcome: unknown; busy: unknown } = { outcome: undefined, busy: undefined };

  constructor(private w: Widgets) {}

  update(state: PaneState): void {
    if (state.busy === this.rendered.busy && state.outcome === this.rendered.outcome) return;
    const wasBusy = this.rendered.busy !== undefined && this.rendered.busy !== null;
    this.render(state);
    this.rendered = { busy: state.busy, outcome: state.outcome };
    // A disabled button loses focus; give it to the result so keyboard users go on from there.
    if (
      wasBusy &&
      !state.busy &&
      (document.activeElement === document.body || document.activeElement === null)
    ) {
      (this.element.querySelector(".outcome") as HTMLElement | null)?.focus();
    }
  }

  private render(state: PaneState): void {
    const action = state.busy?.action ?? state.outcome?.action;
    const section = action ? this.w.sections.get(ACTION_SECTION[action]) : undefined;
    if (section && this.element.parentElement !== section) section.appendChild(this.element);
    if (state.busy) return this.renderBusy(state.busy);
    this.element.dataset.cancelFocused = "";
    if (!state.outcome) {
      replaceChildren(this.element);
      return;
    }
    replaceChildren(this.element, this.outcome(state.outcome));
  }

  private renderBusy({ progress, cancellable }: NonNullable<PaneState["busy"]>): void {
    const activity = this.element;
    const bar = h("fluent-progress", { "aria-label": this.w.t("progressLabel"), min: 0, max: 100 });
    if (progress?.fraction !== undefined) {
      bar.setAttribute("value", String(Math.round(Math.max(0, Math.min(1, progress.fraction)) * 100)));
    }
    replaceChildren(
      activity,
      h(
        "p",
        { class: "progress-step", role: "status" },
        progress ? pick(progress.step, this.w.lang) : this.w.t("working"),
      ),
      bar,
      cancellable ? this.w.button(this.w.t("cancel"), () => this.w.controller.cancel(), false, false) : null,
    );
    // keep the Cancel button focused across progress updates
    const cancel = activity.querySelector("fluent-button") as HTMLElement | null;
    if (cancel && activity.dataset.cancelFocused === "1") cancel.focus();
    cancel?.addEventListener("focus", () => (activity.dataset.cancelFocused = "1"));
    cancel?.addEventListener("blur", () => (activity.dataset.cancelFocused = ""));
  }

  /** The result: summary, sheets written, error in words, unclassified lines, row-level notes. */
  private outcome(o: Outcome): HTMLElement {
    const { w } = this;
    const box = h("div", {
      class: `outcome ${o.ok ? "ok" : "failed"}`,
      tabindex: -1,
      role: o.ok ? "status" : "alert",
      "data-testid": "outcome",
    });
    box.appendChild(h("h3", {}, `${o.ok ? "✓" : "✕"} ${w.t(o.ok ? "resultTitle" : "errorTitle")}`));
    if (o.summary && (o.ok || !o.error))
      box.appendChild(h("p", { class: "summary" }, pick(o.summary, w.lang)));
    if (o.error) box.appendChild(h("p", { class: "error" }, pick(o.error, w.lang)));
    if (o.sheets.length > 0)
      box.appendChild(h("p", { class: "note" }, w.t("sheetsWritten", { sheets: o.sheets.join(", ") })));
    if (o.unclassified && o.unclassified.lines > 0) {
      const { lines, amount } = o.unclassified;
      box.appendChild(
        h(
          "p",
          { class: "warning" },
          `⚠ ${w.t(lines === 1 ? "unclassifiedInfoOne" : "unclassifiedInfo", { lines, amount: formatMoney(amount, w.lang) })}`,
        ),
      );
      const show = w.button(w.t("showUnclassified"), () => void w.controller.selectUnclassified());
      box.appendChild(w.actions(show));
    }
    if (o.reconciliation) box.appendChild(this.reconciliation(o.reconciliation));
    if (o.sources) box.appendChild(this.lines(w.t("sourcesTitle"), o.sources, "sources", false));
    if (o.overhead) box.appendChild(h("p", { class: "note overhead" }, pick(o.overhead, w.lang)));
    if (o.review) box.appendChild(this.review(o.review));
    if (o.explanations) box.appendChild(this.explanations(o.explanations));
    if (o.fingerprint)
      box.appendChild(
        h("p", { class: "note fingerprint" }, w.t("fingerprint", { fingerprint: o.fingerprint })),
      );
    for (const offer of (o.learn ?? []).slice(0, MAX_OFFERS_SHOWN)) box.appendChild(this.offer(offer));
    if (o.issues.length > 0) box.appendChild(this.issues(o.issues));
    return box;
  }

  /**
   * The reconciliation of the ledger read, shown with every result that has KPIs: open and in red when
   * the sum read differs from the source's own total, folded otherwise.
   */
  private reconciliation(r: NonNullable<Outcome["reconciliation"]>): HTMLElement {
    const title = this.w.t(RECONCILIATION_TITLES[r.status]);
    return this.lines(title, r.lines, `reconciliation ${r.status}`, r.status === "differs");
  }

  /** The lines to check first (amount × uncertainty): where a Handmatig code matters most. */
  private review(review: NonNullable<Outcome["review"]>): HTMLElement {
    const { w } = this;
    const lines = review.map((l) => {
      const text = w.t("reviewLine", {
        row: l.row,
        description: l.description,
        amount: formatMoney(l.amount, w.lang),
        category: l.category,
        confidence: Math.round(l.confidence * 100),
      });
      return { nl: text, en: text };
    });
    return this.lines(w.t("reviewTitle"), lines, "review", false);
  }

  /**
   * Per KPI: its verdict, the three categories that make the difference and a "Toon regels" button that
   * filters the categorisation table to the lines behind it. Folded: the KPI table is on the sheet.
   */
  private explanations(list: NonNullable<Outcome["explanations"]>): HTMLElement {
    const { w } = this;
    const items = list.map((e) => {
      const cats = e.categories
        .slice(0, 3)
        .map((c) =>
          c.perInhabitant === null
            ? `${pick(c.label, w.lang)} (${formatMoney(c.amount, w.lang)})`
            : `${pick(c.label, w.lang)} (${w.t("perInhabitant", { amount: formatEuro(c.perInhabitant, w.lang, 2) })})`,
        )
        .join(", ");
      const show =
        e.categories.length > 0
          ? w.button(w.t("showKpiLines"), () => void w.controller.selectKpiLines(e), false, false)
          : null;
      return h(
        "li",
        { "data-kpi": e.kpi.id },
        h("span", {}, pick(e.kpi.verdict, w.lang)),
        cats ? h("span", { class: "note" }, ` — ${w.t("mainlyFrom", { categories: cats })}`) : null,
        show,
      );
    });
    return h(
      "details",
      { class: "explanations", "data-testid": "explanations" },
      h("summary", {}, w.t("explanationsTitle")),
      h("ul", {}, ...items),
    );
  }

  /**
   * One learn offer: the code typed and where, the lines it would change (shown before anything is
   * written), the lines it leaves alone and why, and the question — apply, or not now.
   */
  private offer(offer: LearnOffer): HTMLElement {
    const { w } = this;
    const headingId = w.id("learn-title");
    const money = (n: number) => formatMoney(n, w.lang);
    const account = offer.account || "—";
    const group = h(
      "div",
      { class: "learn-offer", role: "group", "aria-labelledby": headingId, "data-testid": "learn-offer" },
      h("h3", { id: headingId }, w.t("learnTitle", { code: offer.category, supplier: offer.supplier })),
    );
    if (offer.disagreement) {
      group.appendChild(h("p", { class: "warning" }, pick(offer.disagreement, w.lang)));
      return group;
    }
    const amount = offer.changes.reduce((s, l) => s + l.amount, 0);
    group.appendChild(
      h(
        "p",
        {},
        w.t(offer.changes.length > 0 ? "learnIntro" : "learnNothing", {
          code: offer.category,
          row: offer.from.row,
          description: offer.from.description,
          supplier: offer.supplier,
          account,
          count: offer.changes.length,
          amount: money(amount),
        }),
      ),
    );
    const shown = offer.changes.slice(0, MAX_OFFER_LINES);
    if (shown.length > 0)
      group.appendChild(
        h(
          "ul",
          { "aria-label": w.t("learnLinesLabel") },
          ...shown.map((l) =>
            h(
              "li",
              {},
              w.t("learnLine", {
                row: l.row,
                description: l.description,
                amount: money(l.amount),
                category: l.category,
              }),
            ),
          ),
          offer.changes.length > shown.length ? h("li", {}, "…") : null,
        ),
      );
    const notes = [
      ...offer.manual.map((l) => w.t("learnKept", { row: l.row })),
      ...offer.conflicts.map((c) => w.t("learnConflict", { row: c.row, category: c.category, rule: c.rule })),
    ];
    if (notes.length > 0) group.appendChild(h("ul", { class: "note" }, ...notes.map((n) => h("li", {}, n))));
    if (offer.rule) {
      group.appendChild(
        w.actions(
          w.button(
            offer.changes.length === 1
              ? w.t("learnApplyOne")
              : w.t("learnApply", { count: offer.changes.length }),
            () => void w.controller.learn(offer),
            true,
          ),
          w.button(w.t("learnDismiss"), () => w.controller.dismissLearn(offer), false, false),
        ),
      );
    }
    return group;
  }

  private lines(title: string, lines: Bilingual[], cls: string, open: boolean): HTMLElement {
    const { w } = this;
    return h(
      "details",
      { class: cls, "data-testid": cls.split(" ")[0], ...(open ? { open: "" } : {}) },
      h("summary", {}, title),
      h("ul", {}, ...lines.map((l) => h("li", {}, pick(l, w.lang)))),
    );
  }

  /** Row-level notes (sheet and row number), folded. */
  private issues(issues: Outcome["issues"]): HTMLElement {
    const { w } = this;
    const shown = issues.slice(0, MAX_ISSUES_SHOWN);
    return h(
      "details",
      { class: "issues" },
      h("summary", {}, w.t("issuesTitle", { count: issues.length })),
      h(
        "ul",
        {},
        ...shown.map((i) =>
          h(
            "li",
            {},
            w.t("issueRow", {
              sheet: i.sheet ? `${i.sheet}, ` : "",
              row: i.row,
              message: pick(i.message, w.lang),
            }),
          ),
        ),
        issues.length > shown.length ? h("li", {}, "…") : null,
      ),
    );
  }
}

const RECONCILIATION_TITLES = {
  ok: "reconciliationOk",
  warning: "reconciliationWarning",
  differs: "reconciliationDiffers",
} as const;
