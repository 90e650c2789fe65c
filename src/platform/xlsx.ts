import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

/** The media type of an .xlsx file. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

/** A list export: its file name, sheet and columns, and its rows a batch at a time. */
export interface XlsxDownload<T> {
  filename: string;
  sheet: string;
  columns: XlsxColumn<T>[];
  batches: AsyncIterable<T[]>;
}

/**
 * Streams rows into an .xlsx download: rows are written as they come, so an export of a large
 * list needs memory for one batch, not for the whole sheet. Every list export goes through here.
 */
export async function sendXlsx<T>(reply: FastifyReply, options: XlsxDownload<T>) {
  // The first batch is read before the 200 goes out: a query that fails answers in the error
  // shape instead of a download cut short.
  const batches = options.batches[Symbol.asyncIterator]();
  const first = await batches.next();
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(options.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  const write = async () => {
    for (let batch = first; !batch.done; batch = await batches.next()) {
      for (const row of batch.value) sheet.addRow(options.columns.map((c) => c.value(row))).commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: unknown) => stream.destroy(err instanceof Error ? err : new Error(String(err))));
  return download(reply, options.filename).send(stream);
}

function download(reply: FastifyReply, filename: string) {
  const encoded = encodeURIComponent(filename);
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encoded}`);
}

/** A sheet of a small report: its title, columns and rows, all in memory. */
export interface XlsxSheet {
  name: string;
  columns: XlsxColumn<Record<string, string | number | null>>[];
  rows: Record<string, string | number | null>[];
}

/**
 * A report of several small sheets (figures, not lists): built in memory and sent whole.
 * Lists go through `sendXlsx`, which streams.
 */
export async function sendWorkbook(reply: FastifyReply, filename: string, sheets: XlsxSheet[]) {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = s.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of s.rows) sheet.addRow(s.columns.map((c) => c.value(row)));
  }
  return download(reply, filename).send(Buffer.from(await workbook.xlsx.writeBuffer()));
}
