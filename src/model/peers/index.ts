/** Many municipalities side by side (issue 13 item 4): the peers table, shared-cost allocation, the sheet. */
export * from "./table";
export * from "./allocate";
export * from "./layout";
