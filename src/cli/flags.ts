/** Command-line flags that carry numbers: checked here, so a typo is a message, never a wrong figure. */
import { parseAmount, parseNumber, parseYear } from "../model/amount";
import { KpiId } from "../model/benchmark";
import { KPI_ID_LIST, parseKpiId } from "../model/explain/drilldown";
import { userError } from "./errors";

export function flagYear(value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = typeof value === "string" && /^\d{4}$/.test(value.trim()) ? parseYear(value) : null;
  if (year === null) {
    throw userError(
      `--year verwacht een jaartal (bijv. 2022), niet '${value}'`,
      `--year needs a year (e.g. 2022), not '${value}'`,
    );
  }
  return year;
}

export function flagPositive(name: string, value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "string" ? (name === "budget" ? parseAmount(value) : parseNumber(value)) : null;
  if (n === null || !(n > 0)) {
    throw userError(
      `--${name} verwacht een positief getal, niet '${value}'`,
      `--${name} needs a positive number, not '${value}'`,
    );
  }
  return n;
}

/** `--explain KPI`: a KPI id of the comparison; anything else lists the ids there are (exit 2). */
export function flagKpi(value: string | true | undefined): KpiId | undefined {
  if (value === undefined) return undefined;
  const id = typeof value === "string" ? parseKpiId(value) : null;
  if (id === null) {
    const ids = KPI_ID_LIST.join(", ");
    throw userError(
      `--explain verwacht een KPI-id, niet '${value === true ? "" : value}'. Geldig: ${ids}`,
      `--explain needs a KPI id, not '${value === true ? "" : value}'. Valid: ${ids}`,
    );
  }
  return id;
}
