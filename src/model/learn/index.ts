/** Learning from corrections (Handmatig → a rule for the same supplier and account): offers and where they go. */
export * from "./offers";
export * from "./regels";
