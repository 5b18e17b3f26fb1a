/** The layouts of every sheet the add-in and the CLI write. */
export * from "./a1";
export * from "./categorisation";
export * from "./comparison";
export * from "./trend";
export * from "./explanation";
export * from "./audit";
export * from "./templates";
export * from "./types";
export * from "./iv3";
export * from "./outputSheets";
