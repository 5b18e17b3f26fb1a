/** What the file readers hand to the commands: the sheets of a workbook (a CSV file is one sheet). */
import { Grid } from "../model/types";

export interface SheetGrid {
  /** Worksheet name, or the file name for a CSV file. */
  name: string;
  /** The used range, as Excel's Range.values: numbers, strings, booleans, "" for blanks. */
  grid: Grid;
  /** Spreadsheet row number (1-based) of grid[0], so reported rows are the user's. */
  firstRow: number;
  /** Spreadsheet column number (1-based) of grid[r][0]. */
  firstColumn: number;
}
