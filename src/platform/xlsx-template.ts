import ExcelJS from 'exceljs';
import type { ImportColumn } from './xlsx-import.js';

/** How a required column's header reads in the template; the importer ignores the mark. */
export const templateHeader = (column: ImportColumn) =>
  column.required ? `${column.header}*` : column.header;

// Column widths are in characters of the default font; a Chinese character takes about two.
const visualWidth = (text: string) =>
  [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) < 0x100 ? 1 : 2), 0);
const columnWidth = (texts: (string | undefined)[], min: number, max: number) =>
  Math.min(max, Math.max(min, ...texts.map((t) => visualWidth(t ?? '') + 4)));

/**
 * The downloadable template of an import: one sheet with just the header row (bold, frozen,
 * required headers marked '*', every column formatted as text so that Excel keeps ID and phone
 * numbers as typed), and a second sheet listing each column's rule and an example. Examples are
 * kept off the first sheet because the importer would read them as data.
 */
export async function writeTemplate(
  columns: readonly ImportColumn[],
  options: { sheet: string; notesSheet?: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: templateHeader(c),
    key: c.key,
    width: columnWidth([templateHeader(c), c.example], 10, 40),
    style: { numFmt: '@' },
  }));
  const headerRow = sheet.getRow(1);
  headerRow.height = 20;
  columns.forEach((c, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.font = { bold: true, ...(c.required ? { color: { argb: 'FFC00000' } } : {}) };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.alignment = { vertical: 'middle' };
    if (c.note) cell.note = c.note;
  });

  const notes = workbook.addWorksheet(options.notesSheet ?? '填写说明', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  notes.columns = [
    { header: '列名', key: 'header', width: columnWidth([...columns.map((c) => c.header), '列名'], 10, 30) },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'note', width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
    {
      header: '示例',
      key: 'example',
      width: columnWidth([...columns.map((c) => c.example), '示例'], 12, 40),
    },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) {
    notes.addRow({
      header: c.header,
      required: c.required ? '必填' : '选填',
      note: c.note ?? '',
      example: c.example ?? '',
    });
  }
  notes.addRow([]);
  for (const line of [
    `只导入第一个工作表“${options.sheet}”：请从第 2 行起逐行填写，不要修改第 1 行的列名。`,
    '列名带 * 的为必填项。表格已设为文本格式，身份证号、手机号等请按原样填写。',
    '任何一处有错误时整个文件都不会导入，系统会列出每处错误所在的行和列。',
  ]) {
    notes.addRow([line]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
