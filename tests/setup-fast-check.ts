import fc from "fast-check";

/**
 * In CI the property tests run with a fixed seed, so a run is repeatable and a red CI is never a roll of
 * the dice; locally (no CI variable) every run explores new inputs. Reproduce any run with FC_SEED=<n>.
 */
const seed = process.env.FC_SEED ?? (process.env.CI ? "20261128" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
