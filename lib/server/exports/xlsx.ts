import "server-only";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { spreadsheetSerial, type CellValue, type ReportColumn } from "@/lib/reports/columns";
import { drained } from "./stream";

/**
 * Real spreadsheets with exceljs' streaming writer: rows are zipped and sent as they are
 * committed, never kept. Numbers are numbers and dates are dates (typed cells with a date
 * format); the header row is bold and frozen, with filters on; columns have sensible widths.
 *
 * Formula injection: a text value is always written as a string cell, which Excel never
 * evaluates, and text columns carry the "@" (Text) format so that editing a cell such as
 * =HYPERLINK(...) keeps it text instead of turning it into a formula. Numbers stay numbers.
 * Shared strings are off: they would hold every distinct string of the sheet in memory.
 */

const FORMATS: Record<ReportColumn<unknown>["type"], string | undefined> = {
  text: "@",
  number: "0",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm:ss",
};

function cell(type: ReportColumn<unknown>["type"], value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  switch (type) {
    case "number":
      return typeof value === "number" ? value : String(value);
    case "date":
    case "datetime":
      // The number a date cell holds; the column's date format makes it a date in every spreadsheet.
      return spreadsheetSerial(String(value), type);
    case "text":
      return String(value);
  }
}

/**
 * Waits while the sheet's compressor is behind. exceljs writes each sheet into an internal
 * buffer (StreamBuf) piped into archiver's deflate stream without heeding backpressure, so when
 * rows come faster than they are compressed, the backlog grew by ~80 MB over a 100,000-row export
 * (measured). The stream it writes to still says when it wants no more (needDrain), so wait
 * for it. Reads exceljs 4.4's internals (StreamBuf.pipes): where they differ, it waits for nothing.
 */
async function compressorDrained(sheet: ExcelJS.Worksheet): Promise<void> {
  const internal = (sheet as unknown as { _stream?: { pipes?: (Writable & { _writableState?: { needDrain?: boolean } })[] } })._stream;
  for (const pipe of internal?.pipes ?? []) {
    // archiver hands exceljs a readable-stream v2 PassThrough, which has no writableNeedDrain.
    if ((pipe.writableNeedDrain ?? pipe._writableState?.needDrain) && !pipe.destroyed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          pipe.off("drain", done);
          pipe.off("close", done);
          resolve();
        };
        pipe.on("drain", done);
        pipe.on("close", done);
      });
    }
  }
}

/**
 * Rows written between turns of the event loop. The compressor works on libuv's thread pool, but
 * each chunk it finishes is handed back, and the next one given, on this thread: a batch of
 * 2,000 rows written in one go left it idle until the batch was done, and the writer then idle
 * while it caught up (0.8 s of a 3.1 s export of 100,000 rows, measured). Yielding every few rows
 * lets both work at once (2.6 s); 10 and 25 measured alike, 200 kept half the wait.
 */
const ROWS_PER_TURN = 25;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface XlsxSheet<Row> {
  addRows(rows: readonly Row[]): Promise<void>;
  /** Finishes the sheet (its filter range is written here). */
  commit(): void;
}

export class XlsxWorkbookWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;

  constructor(
    private readonly sink: Writable,
    meta: { title: string; creator: string },
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
    this.workbook.creator = meta.creator;
    this.workbook.title = meta.title;
    this.workbook.created = new Date();
  }

  /** A sheet with a frozen, filtered header row. Sheets are written one after the other. */
  addSheet<Row>(name: string, columns: readonly ReportColumn<Row>[]): XlsxSheet<Row> {
    const sheet = this.workbook.addWorksheet(name.slice(0, 31), {
      views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
    });
    sheet.columns = columns.map((c) => ({ key: c.key, width: c.width, style: FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {} }));
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: "top", wrapText: true };
    header.commit();
    let count = 0;
    const sink = this.sink;
    // exceljs gives every cell a fresh copy of its column's style, and its styles table caches
    // style ids by object: a copy always misses, and each miss renders the style's XML to look it
    // up (a quarter of a 100,000-row export's time, measured). One style object per column, the
    // same contents, so the same ids and the same file — found once, then by reference.
    const styles = columns.map((c) => (FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {}));
    return {
      async addRows(rows) {
        for (let r = 0; r < rows.length; r++) {
          const row = rows[r];
          const added = sheet.addRow(columns.map((c) => cell(c.type, c.value(row))));
          for (let i = 0; i < styles.length; i++) added.getCell(i + 1).style = styles[i];
          added.commit();
          if ((r + 1) % ROWS_PER_TURN === 0) await nextTurn();
        }
        count += rows.length;
        // exceljs ignores backpressure: wait here while the compressor or the reader is behind.
        await compressorDrained(sheet);
        await drained(sink);
      },
      commit() {
        sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + Math.max(count, 0), column: Math.max(columns.length, 1) } };
        sheet.commit();
      },
    };
  }

  /** Writes the workbook's remaining parts; exceljs ends the sink. */
  async commit(): Promise<void> {
    await this.workbook.commit();
  }
}
