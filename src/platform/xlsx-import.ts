import { finished, Readable, Transform, type Writable } from 'node:stream';
import { finished as streamFinished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { type AppContext, inTransaction } from './context.js';
import { AppError } from './errors.js';
import { addMessages, type Lang, message } from './i18n.js';

/**
 * One column of an import template. Cells arrive as trimmed text; `parse` turns non-empty text
 * into the stored value or refuses it with a message the caller has already localised.
 */
export interface ImportColumn<K extends string = string> {
  key: K;
  /** The header as in row 1 of the template, without the '*' the template adds to required ones. */
  header: string;
  required?: boolean;
  /** Shown on the template's notes sheet and as a comment on the header cell. */
  note?: string;
  /** Shown on the template's notes sheet only: a row of examples would itself be imported. */
  example?: string;
  /** Called for non-empty cells only; without it the value is the text. */
  parse?: (text: string) => { value: unknown } | { error: string };
}

/** A bad cell (or row, when `column` is '') as the user sees it: sheet row number and header. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/** A problem the caller finds, named by column key; no column means the row as a whole. */
export interface ImportFieldProblem<K extends string> {
  column?: K;
  message: string;
}

export interface ImportRow<K extends string> {
  /** The sheet row number as Excel shows it. */
  row: number;
  /** Parsed values; an empty cell is null. */
  values: Record<K, unknown>;
}

export interface ImportMessages {
  required: string;
  missingColumn: (header: string) => string;
  duplicateColumn: (header: string) => string;
  noColumns: string;
  tooManyRows: (max: number) => string;
  numberTruncated: string;
  cellError: string;
}

export interface ImportOptions<K extends string> {
  /**
   * Receives the valid rows in order, at most `batchSize` at a time, one batch at a time, while
   * the file is still being read (the next batch is read while this one is written). It may
   * return problems of its own (a duplicate in the database, say). Rows keep coming after the
   * first problem so that every problem is reported; `problems` says how many there are so far,
   * so a caller can stop writing and only keep checking.
   */
  onBatch: (
    rows: ImportRow<K>[],
    progress: { problems: number },
    // biome-ignore lint/suspicious/noConfusingVoidType: a consumer with nothing to report is `async () => {}`
  ) => Promise<void | readonly (ImportFieldProblem<K> & { row: number })[] | undefined>;
  /** Cross-field rules, called for rows whose every cell is valid. */
  check?: (
    values: Record<K, unknown>,
    row: number,
  ) => readonly ImportFieldProblem<K>[] | undefined | Promise<readonly ImportFieldProblem<K>[] | undefined>;
  /** Default 500. */
  batchSize?: number;
  /** Non-empty data rows accepted before the import stops with a problem. Default 200,000. */
  maxRows?: number;
  /** Problems listed before the rest are only counted (`truncated`). Default 1,000. */
  maxProblems?: number;
  /** Default: Chinese, from the message catalog (see `importMessages`). */
  messages?: Partial<ImportMessages>;
}

export interface ImportResult {
  /** Valid rows handed to `onBatch`. */
  rows: number;
  problems: ImportProblem[];
  /** Problems found beyond `maxProblems`, counted but not listed. */
  truncated: number;
}

addMessages({
  IMPORT_NOT_XLSX: {
    zh: '上传的文件不是 Excel .xlsx 文件或为空文件，请使用下载的模板填写后上传',
    en: 'The file is not an Excel .xlsx workbook, or it is empty; fill in the downloadable template',
  },
  IMPORT_LEGACY_XLS: {
    zh: '不支持旧版 .xls 文件或设置了密码的文件，请在 Excel 或 WPS 中另存为 .xlsx（不设密码）后上传',
    en: 'Old .xls files and password-protected files are not supported; save it as .xlsx without a password',
  },
  IMPORT_UNREADABLE: {
    zh: '无法读取该 .xlsx 文件，文件可能已损坏或上传不完整，请重新保存后上传',
    en: 'The .xlsx file cannot be read; it may be damaged or incomplete; save it again and retry',
  },
  IMPORT_INVALID: {
    zh: '文件中有 {count} 处错误（列出 {listed} 处），没有导入任何数据',
    en: 'The file has {count} problems ({listed} listed); nothing was imported',
  },
  IMPORT_CELL_REQUIRED: { zh: '必填', en: 'Required' },
  IMPORT_MISSING_COLUMN: { zh: '缺少必填列“{header}”', en: 'The required column "{header}" is missing' },
  IMPORT_DUPLICATE_COLUMN: {
    zh: '列“{header}”出现了不止一次',
    en: 'The column "{header}" appears more than once',
  },
  IMPORT_NO_COLUMNS: {
    zh: '第一行没有模板中的任何列名，请使用下载的模板',
    en: "Row 1 holds none of the template's column headers; use the downloadable template",
  },
  IMPORT_TOO_MANY_ROWS: {
    zh: '数据超过 {max} 行，请拆分成多个文件分别导入',
    en: 'More than {max} rows; split the file and import the parts one by one',
  },
  IMPORT_NUMBER_TRUNCATED: {
    zh: '超过 15 位的数字已被 Excel 改掉末尾几位，请把该列设为“文本”格式后重新填写',
    en: 'Excel has changed the last digits of this number longer than 15 digits; format the column as Text and type it again',
  },
  IMPORT_CELL_ERROR: {
    zh: '单元格是错误值（如 #N/A、#VALUE!），请填写实际内容',
    en: 'The cell holds an error value (such as #N/A or #VALUE!); type the actual content',
  },
});

/** The engine's messages in one language, from the catalog. */
export function importMessages(lang: Lang): ImportMessages {
  return {
    required: message('IMPORT_CELL_REQUIRED', lang),
    missingColumn: (header) => message('IMPORT_MISSING_COLUMN', lang, { header }),
    duplicateColumn: (header) => message('IMPORT_DUPLICATE_COLUMN', lang, { header }),
    noColumns: message('IMPORT_NO_COLUMNS', lang),
    tooManyRows: (max) => message('IMPORT_TOO_MANY_ROWS', lang, { max }),
    numberTruncated: message('IMPORT_NUMBER_TRUNCATED', lang),
    cellError: message('IMPORT_CELL_ERROR', lang),
  };
}

export type ImportFileErrorCode = 'IMPORT_NOT_XLSX' | 'IMPORT_LEGACY_XLS' | 'IMPORT_UNREADABLE';

/** The upload is not a readable .xlsx. A 400 through the error handler, in the client's language. */
export class ImportFileError extends AppError {
  constructor(
    override readonly code: ImportFileErrorCode,
    options?: { cause?: unknown },
  ) {
    super(400, code);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** The all-or-nothing refusal for an import that found problems: a 422 listing them. */
export function importProblemsError(result: ImportResult): AppError {
  const count = result.problems.length + result.truncated;
  return new AppError(
    422,
    'IMPORT_INVALID',
    { count, listed: result.problems.length },
    result.problems.map((p) => ({ path: `/${p.row}/${p.column}`, ...p })),
  );
}

const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  // Without the styles a date cell is indistinguishable from a number.
  styles: 'cache',
  entries: 'ignore',
} as const;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// OLE2 compound files: .xls, and also .xlsx files saved with a password.
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Internals of ExcelJS's reader this module relies on (see where they are used). */
interface ReaderInternals {
  model?: { sheets?: { name?: string; state?: string }[] };
  properties?: unknown;
}
interface SheetInternals {
  name?: string;
  iterator?: unknown;
}

type Cell = { text: string } | { issue: 'numberTruncated' | 'cellError' };

/**
 * Reads the first worksheet of an .xlsx upload, row by row, never holding more than one batch of
 * rows. Row 1 holds the headers, in any order; unknown columns are ignored, and so are rows with
 * nothing in any known column. Every cell is checked and every problem reported (up to
 * `maxProblems`); a problem with the headers themselves stops the import after row 1, since no
 * row can be read correctly then.
 *
 * Valid rows go to `onBatch` as they are read, so the caller writes them inside one open
 * transaction and throws to roll it back when the result has problems (`importProblemsError`).
 *
 * Throws ImportFileError when the upload is not a readable .xlsx, the input stream's own error
 * when it fails, and whatever the caller's callbacks throw.
 */
export async function readImport<K extends string>(
  input: Readable,
  columns: readonly ImportColumn<K>[],
  options: ImportOptions<K>,
): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 500;
  const maxRows = options.maxRows ?? 200_000;
  const maxProblems = options.maxProblems ?? 1000;
  const messages = { ...importMessages('zh'), ...options.messages };
  const headerOf = new Map<K, string>(columns.map((c) => [c.key, c.header]));

  const result: ImportResult = { rows: 0, problems: [], truncated: 0 };
  const report = (problem: ImportProblem, always = false) => {
    // A problem that stops the import is listed even past the cap: it explains the rest.
    if (result.problems.length < maxProblems || always) result.problems.push(problem);
    else result.truncated++;
  };
  const problemCount = () => result.problems.length + result.truncated;

  let batch: ImportRow<K>[] = [];
  // The batch being written. The next one is read meanwhile (the file's parsing and the
  // database's writing overlap), and handed over only once this one is done: batches are
  // written one at a time, in order, each knowing the problems found before it.
  let writing: Promise<void> = Promise.resolve();
  const write = async (rows: ImportRow<K>[]) => {
    const found = await options.onBatch(rows, { problems: problemCount() });
    for (const p of found ?? []) {
      report({
        row: p.row,
        column: p.column ? (headerOf.get(p.column) ?? p.column) : '',
        message: p.message,
      });
    }
  };
  const flush = async () => {
    await writing;
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    result.rows += rows.length;
    writing = write(rows);
    // Its failure surfaces at the next flush; until then it must not count as unhandled.
    writing.catch(() => undefined);
  };

  const source = guard(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source.stream, READER_OPTIONS);
  const internals = reader as unknown as ReaderInternals;
  // ExcelJS crashes on a sheet streamed ahead of workbook.xml (on its list of sheets, and on its
  // 1904-date flag at the first date cell); these stand in until workbook.xml is read.
  internals.model = { sheets: [] };
  internals.properties = {};
  const step = async <T>(iterator: AsyncIterator<T>) => {
    try {
      return await iterator.next();
    } catch (err) {
      throw source.failure(err);
    }
  };

  let header: Map<number, ImportColumn<K>> | undefined;
  let headerRead = false;
  let lastRow = 0;
  let dataRows = 0;
  /** Returns false when the headers leave no row readable. */
  const readHeader = (values: unknown[]) => {
    headerRead = true;
    const { map, problems } = matchHeaders(values, columns, messages);
    for (const p of problems) report(p);
    if (problems.length === 0) header = map;
    return problems.length === 0;
  };

  /** Returns false to stop reading. */
  const readRow = async (number: number, values: unknown[]): Promise<boolean> => {
    // Row 1 must be the headers; a sheet starting lower has none, which readHeader reports.
    if (!headerRead) return readHeader(number === 1 ? values : []);
    if (!header) return false;
    const cells: [ImportColumn<K>, Cell][] = [];
    let empty = true;
    for (const [col, spec] of header) {
      const cell = cellText(values[col]);
      if (!('text' in cell) || cell.text !== '') empty = false;
      cells.push([spec, cell]);
    }
    if (empty) return true;
    if (++dataRows > maxRows) {
      report({ row: number, column: '', message: messages.tooManyRows(maxRows) }, true);
      return false;
    }
    const parsed = Object.fromEntries(columns.map((c) => [c.key, null])) as Record<K, unknown>;
    let bad = false;
    const problem = (column: string, text: string) => {
      bad = true;
      report({ row: number, column, message: text });
    };
    for (const [spec, cell] of cells) {
      if (!('text' in cell)) problem(spec.header, messages[cell.issue]);
      else if (cell.text === '') {
        if (spec.required) problem(spec.header, messages.required);
      } else if (!spec.parse) parsed[spec.key] = cell.text;
      else {
        const outcome = spec.parse(cell.text);
        if ('error' in outcome) problem(spec.header, outcome.error);
        else parsed[spec.key] = outcome.value;
      }
    }
    if (!bad && options.check) {
      for (const p of (await options.check(parsed, number)) ?? []) {
        problem(p.column ? (headerOf.get(p.column) ?? p.column) : '', p.message);
      }
    }
    if (!bad) {
      batch.push({ row: number, values: parsed });
      if (batch.length >= batchSize) await flush();
    }
    return true;
  };

  let found = false;
  const sheets = reader[Symbol.asyncIterator]();
  try {
    for (let next = await step(sheets); !next.done; next = await step(sheets)) {
      const sheet = next.value;
      const sheetInternals = sheet as unknown as SheetInternals;
      // A sheet parked in a temp file (the usual case: Excel, WPS and ExcelJS all write the
      // shared strings after the sheets) is read from a file stream; one streamed straight from
      // the zip has to be read to its end, or ExcelJS buffers the rest of it in memory.
      const fromFile = sheetInternals.iterator instanceof Readable;
      if (found || !isFirstSheet(internals, sheetInternals)) {
        // A sheet nobody reads is read to its end all the same: a parked one from its temp file,
        // which ExcelJS removes as soon as it moves on. Destroyed unread instead, its stream could
        // still be opening the file when it went (an uncaught ENOENT, a server down); a streamed
        // one is drained by ExcelJS itself.
        if (fromFile) {
          const parked = sheetInternals.iterator as Readable;
          parked.resume();
          await streamFinished(parked).catch(() => undefined);
        }
        continue;
      }
      found = true;
      const rows = sheet[Symbol.asyncIterator]();
      for (let row = await step(rows); !row.done; row = await step(rows)) {
        const number = Number.isFinite(row.value.number) ? row.value.number : lastRow + 1;
        lastRow = number;
        if (await readRow(number, row.value.values as unknown[])) continue;
        if (fromFile) await rows.return(undefined);
        else while (!(await step(rows)).done);
        break;
      }
      if (!headerRead) readHeader([]);
      await flush();
      await writing;
    }
  } finally {
    // A batch still being written when reading fails ends before the caller rolls back.
    await writing.catch(() => undefined);
    // Ended early (a consumer's error, a broken file), ExcelJS's reading is ended too: that
    // removes the temp files it parks sheets in (patches/exceljs+4.4.0.patch).
    await sheets.return?.(undefined).catch(() => undefined);
    source.release();
  }
  if (source.error) throw source.error;
  if (!found) throw new ImportFileError('IMPORT_NOT_XLSX');
  return result;
}

/** A batch of valid rows as an import sees it: the problems only the database shows, and how to write it. */
export interface ImportBatch<K extends string> {
  problems: readonly (ImportFieldProblem<K> & { row: number })[];
  write: () => Promise<unknown>;
}

/**
 * An import as the platform runs every one: in one transaction, every row checked, a batch
 * written only while no problem has been found (checking goes on after the first, writing does
 * not), and any problem rolls back everything and answers the full list (422 IMPORT_INVALID).
 */
export function importAllOrNothing<K extends string>(
  ctx: AppContext,
  file: Readable,
  columns: readonly ImportColumn<K>[],
  lang: Lang,
  steps: {
    check?: ImportOptions<K>['check'];
    batch: (tx: AppContext, rows: ImportRow<K>[]) => Promise<ImportBatch<K>>;
  },
): Promise<{ imported: number }> {
  return inTransaction(ctx, async (tx) => {
    const result = await readImport(file, columns, {
      messages: importMessages(lang),
      ...(steps.check ? { check: steps.check } : {}),
      onBatch: async (rows, progress) => {
        const { problems, write } = await steps.batch(tx, rows);
        if (problems.length === 0 && progress.problems === 0) await write();
        return problems;
      },
    });
    if (result.problems.length > 0 || result.truncated > 0) throw importProblemsError(result);
    return { imported: result.rows };
  });
}

/** The first visible sheet in tab order, or whatever comes first when the order is unknown. */
function isFirstSheet(reader: ReaderInternals, sheet: SheetInternals): boolean {
  const all = reader.model?.sheets ?? [];
  const visible = all.filter((s) => !s.state || s.state === 'visible');
  const names = (visible.length > 0 ? visible : all).map((s) => s.name);
  if (!all.some((s) => s.name === sheet.name)) return true;
  return names[0] === sheet.name;
}

function normaliseHeader(text: string): string {
  return text
    .trim()
    .replace(/[*＊]+$/, '')
    .trim();
}

/** Maps sheet column numbers to the template columns their headers name. */
function matchHeaders<K extends string>(
  values: unknown[],
  columns: readonly ImportColumn<K>[],
  messages: ImportMessages,
) {
  const byHeader = new Map(columns.map((c) => [c.header.trim(), c]));
  const map = new Map<number, ImportColumn<K>>();
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const repeated = new Set<string>();
  values.forEach((value, col) => {
    const cell = cellText(value);
    const spec = 'text' in cell ? byHeader.get(normaliseHeader(cell.text)) : undefined;
    if (!spec) return;
    if (seen.has(spec.key) && !repeated.has(spec.key)) {
      repeated.add(spec.key);
      problems.push({ row: 1, column: spec.header, message: messages.duplicateColumn(spec.header) });
    }
    seen.add(spec.key);
    map.set(col, spec);
  });
  for (const spec of columns) {
    if (spec.required && !seen.has(spec.key)) {
      problems.push({ row: 1, column: spec.header, message: messages.missingColumn(spec.header) });
    }
  }
  if (seen.size === 0 && problems.length === 0)
    problems.push({ row: 1, column: '', message: messages.noColumns });
  return { map, problems };
}

/** A cell as the text the user sees in it. */
function cellText(value: unknown): Cell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { issue: 'cellError' };
    // Excel keeps 15 significant digits: a longer number (an ID number typed into a cell not
    // formatted as text) has already lost its last digits, and no parse can bring them back.
    if (Math.abs(value) >= 1e15) return { issue: 'numberTruncated' };
    return { text: plainNumber(value) };
  }
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? { issue: 'cellError' } : { text: dateText(value) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('error' in v) return { issue: 'cellError' };
    if (Array.isArray(v.richText)) {
      return {
        text: v.richText
          .map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : ''))
          .join('')
          .trim(),
      };
    }
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
  }
  return { text: String(value).trim() };
}

/** As Excel shows a number in a General cell: 15 significant digits, never an exponent. */
function plainNumber(n: number): string {
  const rounded = Number(n.toPrecision(15));
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  return rounded.toFixed(20).replace(/\.?0+$/, '');
}

/** Excel dates carry no time zone: ExcelJS hands them over as UTC fields. */
function dateText(date: Date): string {
  const seconds = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const time = seconds.slice(11, 19);
  return time === '00:00:00' ? seconds.slice(0, 10) : `${seconds.slice(0, 10)} ${time}`;
}

/**
 * Puts the input behind a stream ExcelJS can be trusted with. ExcelJS pipes its input into the
 * unzipper, and a pipe neither forwards an error nor ends on a premature close, so a failing
 * upload would crash the process with an unhandled 'error' or hang the import; the relay ends
 * instead, which the unzipper reports as a truncated file.
 *
 * A zip that ends (or breaks) inside an entry hangs ExcelJS too: the unzipper reports the error
 * on the zip stream, while ExcelJS waits for the entry itself to end. So on a zip error the
 * entry being read is ended, and ExcelJS goes on to find the zip's error.
 */
function guard(input: Readable) {
  let head = Buffer.alloc(0);
  let error: Error | undefined;
  const relay = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (head.length < 4) head = Buffer.concat([head, chunk]).subarray(0, 4);
      callback(null, chunk);
    },
  });
  finished(input, { writable: false }, (err) => {
    if (!err) return;
    error ??= err;
    if (!relay.writableEnded) relay.end();
  });
  const pipe = relay.pipe.bind(relay);
  relay.pipe = ((zip: Readable, options?: { end?: boolean }) => {
    let entry: Writable | undefined;
    // ExcelJS attaches its own reader in the same tick, before any entry can have arrived.
    zip.on('data', (next: Writable) => {
      entry = next;
      entry.on('error', () => {});
    });
    zip.on('error', () => {
      if (entry && !entry.writableEnded) entry.end();
    });
    return pipe(zip as unknown as Writable, options);
  }) as typeof relay.pipe;
  input.pipe(relay);
  return {
    stream: relay,
    get error() {
      return error;
    },
    /** What an exception out of ExcelJS means for the caller. */
    failure(cause: unknown): Error {
      if (error) return error;
      if (head.length < 4 || !head.equals(ZIP_MAGIC)) {
        return new ImportFileError(head.equals(OLE_MAGIC) ? 'IMPORT_LEGACY_XLS' : 'IMPORT_NOT_XLSX', {
          cause,
        });
      }
      return new ImportFileError('IMPORT_UNREADABLE', { cause });
    },
    /** Stops reading. What is left of the upload is drained, so an HTTP request can be answered. */
    release() {
      input.unpipe(relay);
      relay.destroy();
      if (!input.destroyed && !input.readableEnded) input.resume();
    },
  };
}
