/**
 * CBS's shipped years all have the same 342 names, so a merger is simulated with a data set of its own:
 * Oudstad exists in 2023 only, Nieuwstad from 2024.
 */
import { CbsData, loadCbsData } from "../../../src/model/cbs/data";

export function mergerData(): CbsData {
  return loadCbsData(
    {
      source: "test",
      licence: "",
      names: ["Oudstad", "Nieuwstad"],
      cbsNames: {},
      classes: ["20000tot50000inwoners"],
      urbanity: ["Matigstedelijk"],
      provinces: ["Utrecht"],
      years: {
        "2023": {
          source: "CBS, gemeenteklassen 2023",
          inh: [30000, null],
          cls: [0, null],
          urb: [0, null],
          prov: [0, null],
        },
        "2024": {
          source: "CBS, gemeenteklassen 2024",
          inh: [null, 45000],
          cls: [null, 0],
          urb: [null, 0],
          prov: [null, 0],
        },
      },
    },
    { source: "test", licence: "", unit: "k€", count: 2, docs: {} },
  );
}
