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
