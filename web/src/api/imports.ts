// Bulk data: the registry's .xlsx import templates, imports (all or nothing) and list exports.
import { api, download, type Query } from './client';

export const IMPORT_KINDS = ['residents', 'buildings', 'houses', 'organisations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** POST /api/imports/{kind}: every row written. A refusal is an ApiError (422 IMPORT_INVALID). */
export interface ImportResult {
  imported: number;
}

/**
 * How many problems the server lists at most (the import engine's `maxProblems`); a refusal
 * listing this many may have more, which its message counts.
 */
export const MAX_LISTED_PROBLEMS = 1000;

export function downloadTemplate(kind: ImportKind): Promise<void> {
  return download(`/api/imports/templates/${kind}.xlsx`, {}, `${kind}.xlsx`);
}

/** Sends the file as multipart (field `file`) with the session's CSRF token, like every mutation. */
export function uploadImport(kind: ImportKind, file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ImportResult>(`/api/imports/${kind}`, { method: 'POST', body: form });
}

export type ExportList = 'residents' | 'buildings' | 'houses' | 'organisations' | 'visits';

/** A list as .xlsx with the list's filters (masked and audited on the server). */
export function exportList(list: ExportList, filters: Query): Promise<void> {
  return download(`/api/exports/${list}.xlsx`, filters, `${list}.xlsx`);
}

/** One bad cell of a refused import (`column` is empty for a problem with the row as a whole). */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/**
 * The problems a 422 IMPORT_INVALID lists. Each detail carries `row` and `column` besides its
 * path `/row/column`; the path is the fallback.
 */
export function importProblems(details: readonly { path: string; message: string }[]): ImportProblem[] {
  return details.map((detail) => {
    const extra = detail as { row?: unknown; column?: unknown };
    const [, rowText = '', ...rest] = detail.path.split('/');
    return {
      row: typeof extra.row === 'number' ? extra.row : Number(rowText) || 0,
      column: typeof extra.column === 'string' ? extra.column : rest.join('/'),
      message: detail.message,
    };
  });
}
