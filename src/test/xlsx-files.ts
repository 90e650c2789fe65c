import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** An .xlsx made the way a user's Excel would hold it: a header row, then rows of text cells. */
export async function xlsxOf(headers: string[], rows: Iterable<(string | null)[]>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => stream.on('end', resolve));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
  const sheet = book.addWorksheet('居民');
  sheet.addRow(headers).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
  await done;
  return Buffer.concat(chunks);
}

/** A multipart/form-data body with one file field, for `app.inject`. */
export function multipartFile(buffer: Buffer, field = 'file', filename = 'upload.xlsx') {
  const boundary = `----jiceng${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, buffer, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A downloaded workbook's sheet (the first, or the one named) as rows of text. */
export async function sheetRows(body: Buffer, sheetName?: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = sheetName === undefined ? book.worksheets[0] : book.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName ?? ''} among ${book.worksheets.map((s) => s.name)}`);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
    );
  });
  return rows;
}

/** A sheet's rows as records by header. */
export async function records(body: Buffer, sheetName?: string): Promise<Record<string, string>[]> {
  const [header = [], ...rows] = await sheetRows(body, sheetName);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
