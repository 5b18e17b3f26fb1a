/**
 * Fluent UI web components (v2, Microsoft's Fluent design on FAST): only the components the pane uses are
 * registered, and the theme follows Office (Office.context.officeTheme) or else the system's light/dark mode.
 * FAST renders through templates and constructable/inline styles: no eval, so it runs under the page's CSP
 * (style-src 'unsafe-inline' is needed for the design tokens' style elements).
 */
import {
  StandardLuminance,
  SwatchRGB,
  accentBaseColor,
  baseLayerLuminance,
  fillColor,
  focusStrokeOuter,
  neutralForegroundHint,
  neutralForegroundRest,
  neutralStrokeDividerRest,
  fluentAccordion,
  fluentAccordionItem,
  fluentButton,
  fluentOption,
  fluentProgress,
  fluentSelect,
  fluentTextField,
  provideFluentDesignSystem,
} from "@fluentui/web-components";

let registered = false;

/** Defines fluent-button, fluent-select, fluent-option, fluent-text-field, fluent-progress, fluent-accordion(-item). */
export function registerFluent(): void {
  if (registered) return;
  registered = true;
  provideFluentDesignSystem().register(
    fluentAccordion(),
    fluentAccordionItem(),
    fluentButton(),
    fluentOption(),
    fluentProgress(),
    fluentSelect(),
    fluentTextField(),
  );
}

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** "#107c41" / "107C41" / "#fff" → {r, g, b} in 0..255; null for anything else. */
export function parseHexColor(text: string | undefined | null): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((text ?? "").trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return {
    r: parseInt(hex.slice(0, 2), 16),
    g: parseInt(hex.slice(2, 4), 16),
    b: parseInt(hex.slice(4, 6), 16),
  };
}

/** WCAG relative luminance, 0 (black) .. 1 (white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The part of Office.OfficeTheme the pane reads. */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
}

export interface Theme {
  dark: boolean;
  /** The Office body background, when Office gives one. */
  background: Rgb | null;
}

/** Office's theme where available (its background decides dark or light), else the system preference. */
export function resolveTheme(officeTheme: OfficeThemeLike | null | undefined, prefersDark: boolean): Theme {
  const background = parseHexColor(officeTheme?.bodyBackgroundColor);
  if (background) return { dark: relativeLuminance(background) < 0.2, background };
  return { dark: prefersDark, background: null };
}

const EXCEL_GREEN: Rgb = { r: 0x10, g: 0x7c, b: 0x41 };
const swatch = (c: Rgb) => SwatchRGB.create(c.r / 255, c.g / 255, c.b / 255);

/** Sets the Fluent design tokens on `element` (the pane's root) and a data-theme attribute for our CSS. */
export function applyTheme(element: HTMLElement, theme: Theme): void {
  baseLayerLuminance.setValueFor(
    element,
    theme.dark ? StandardLuminance.DarkMode : StandardLuminance.LightMode,
  );
  accentBaseColor.setValueFor(element, swatch(EXCEL_GREEN));
  if (theme.background) fillColor.setValueFor(element, swatch(theme.background));
  else fillColor.deleteValueFor(element);
  element.dataset.theme = theme.dark ? "dark" : "light";
  // The page's own CSS (taskpane.css) uses the same colours as the components.
  const css = document.documentElement.style;
  css.setProperty("--ict-surface", fillColor.getValueFor(element).toColorString());
  css.setProperty("--ict-text", neutralForegroundRest.getValueFor(element).toColorString());
  css.setProperty("--ict-muted", neutralForegroundHint.getValueFor(element).toColorString());
  css.setProperty("--ict-border", neutralStrokeDividerRest.getValueFor(element).toColorString());
  css.setProperty("--ict-focus", focusStrokeOuter.getValueFor(element).toColorString());
  document.documentElement.dataset.theme = element.dataset.theme;
}
