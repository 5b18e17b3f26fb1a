/** Types of locale-plugin.js (CommonJS, shared by webpack.config.js and the tests). */
export interface LocaleStrings {
  locale?: string;
  functions: Record<string, { description: string; parameters?: Record<string, string> }>;
}
export interface FunctionMetadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: { name: string; description?: string }[];
  }[];
  [key: string]: unknown;
}
export function localiseMetadata<T extends FunctionMetadata>(
  metadata: T,
  strings: LocaleStrings,
): { metadata: T; problems: string[] };
export function renderHelpPage(markdown: string, title: string): string;
export function helpAnchors(markdown: string): string[];
export interface FunctionsLocalePluginOptions {
  metadata?: string;
  output?: string;
  strings: string;
  helpPage?: { from: string; to: string; title?: string };
  transformUrls?: (text: string) => string;
}
export class FunctionsLocalePlugin {
  constructor(options: FunctionsLocalePluginOptions);
  apply(compiler: unknown): void;
}
export default FunctionsLocalePlugin;
