/**
 * The attendance letter as a PDF (pdf-lib: pure JavaScript, so it also runs in the in-page backend).
 * One page per ~30 entries; the standard Helvetica font, so no font file ships with the server.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { LetterContent } from '../../src/domain/attendance.js';
import { sortLetterEntries } from '../../src/domain/attendance.js';
import { instantToWallClock } from '../../src/domain/zoned-time.js';

const WORDING = {
  en: {
    title: 'Attendance letter',
    intro: (name: string, from: string, to: string) => `This letter confirms that ${name} attended the sessions listed below between ${from} and ${to}.`,
    recorded: 'Attendance was recorded at each session by check-in code or by the facilitator.',
    date: 'Date',
    session: 'Session',
    arrived: 'Arrived',
    left: 'Left',
    total: (count: number) => `Sessions attended: ${count}`,
    issued: (date: string) => `Issued on ${date}`,
    verifyHeading: 'Verify this letter',
    verifyAt: (url: string) => `Go to ${url} and enter the verification code below, then upload this PDF or compare the details shown.`,
    code: 'Verification code',
    phone: 'Telephone',
    zone: 'Times are in the time zone',
    page: (n: number, total: number) => `Page ${n} of ${total}`,
  },
  es: {
    title: 'Carta de asistencia',
    intro: (name: string, from: string, to: string) => `Esta carta confirma que ${name} asistió a las sesiones que se indican abajo entre el ${from} y el ${to}.`,
    recorded: 'La asistencia se registró en cada sesión con un código de registro o por la persona facilitadora.',
    date: 'Fecha',
    session: 'Sesión',
    arrived: 'Llegada',
    left: 'Salida',
    total: (count: number) => `Sesiones a las que asistió: ${count}`,
    issued: (date: string) => `Emitida el ${date}`,
    verifyHeading: 'Verifique esta carta',
    verifyAt: (url: string) => `Vaya a ${url} e ingrese el código de verificación de abajo; luego suba este PDF o compare los datos que se muestran.`,
    code: 'Código de verificación',
    phone: 'Teléfono',
    zone: 'Las horas están en la zona horaria',
    page: (n: number, total: number) => `Página ${n} de ${total}`,
  },
} as const;

const ENTRIES_PER_PAGE = 28;

/** WinAnsi (the standard fonts' encoding) covers English and Spanish; anything else becomes "?". */
function printable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text].map((char) => (supported.has(char.codePointAt(0)!) ? char : '?')).join('');
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const time = (instant: string | null, timeZone: string) => (instant ? instantToWallClock(new Date(instant), timeZone).time.slice(0, 5) : '-');

export async function renderLetterPdf(content: LetterContent, verificationUrl: string): Promise<Uint8Array> {
  const words = WORDING[content.locale];
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  // Fixed metadata: the same content always gives the same bytes, which keeps the signed digest meaningful.
  const issued = new Date(content.issuedAt);
  doc.setTitle(words.title);
  doc.setCreator(content.center.name);
  doc.setProducer('IOP Widgets');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  doc.setLanguage(content.locale === 'es' ? 'es' : 'en');

  const entries = sortLetterEntries(content.entries);
  const pageCount = Math.max(1, Math.ceil(entries.length / ENTRIES_PER_PAGE));
  const ink = rgb(0.1, 0.1, 0.12);
  const margin = 56;

  const text = (page: PDFPage, value: string, x: number, y: number, size = 11, font = regular) =>
    page.drawText(printable(font, value), { x, y, size, font, color: ink });

  for (let index = 0; index < pageCount; index++) {
    const page = doc.addPage([612, 792]);
    const { width } = page.getSize();
    let y = 740;
    text(page, content.center.name, margin, y, 14, bold);
    y -= 16;
    text(page, `${words.phone}: ${content.center.phone}  ·  ${content.center.website}`.replace('·', '-'), margin, y, 10);
    y -= 36;
    if (index === 0) {
      text(page, words.title, margin, y, 18, bold);
      y -= 26;
      for (const line of wrap(regular, printable(regular, words.intro(content.participantName, content.periodFrom, content.periodTo)), 11, width - 2 * margin)) {
        text(page, line, margin, y);
        y -= 15;
      }
      text(page, words.recorded, margin, y, 10);
      y -= 15;
      text(page, `${words.zone} ${content.center.timeZone}.`, margin, y, 10);
      y -= 26;
    }
    const columns = [margin, margin + 90, margin + 330, margin + 410];
    [words.date, words.session, words.arrived, words.left].forEach((label, column) => text(page, label, columns[column]!, y, 11, bold));
    y -= 18;
    for (const entry of entries.slice(index * ENTRIES_PER_PAGE, (index + 1) * ENTRIES_PER_PAGE)) {
      text(page, entry.date, columns[0]!, y);
      text(page, entry.title.slice(0, 40), columns[1]!, y);
      text(page, time(entry.arrivedAt, content.center.timeZone), columns[2]!, y);
      text(page, time(entry.leftAt, content.center.timeZone), columns[3]!, y);
      y -= 16;
    }
    if (index === pageCount - 1) {
      y -= 10;
      text(page, words.total(entries.length), margin, y, 11, bold);
      y -= 16;
      text(page, words.issued(content.issuedAt.slice(0, 10)), margin, y, 10);
    }
    // The verification box sits at the foot of every page, so a single page still carries it.
    let foot = 128;
    text(page, words.verifyHeading, margin, foot, 12, bold);
    foot -= 16;
    for (const line of wrap(regular, printable(regular, words.verifyAt(verificationUrl)), 10, width - 2 * margin)) {
      text(page, line, margin, foot, 10);
      foot -= 13;
    }
    foot -= 6;
    text(page, `${words.code}: ${content.verificationCode}`, margin, foot, 13, bold);
    text(page, words.page(index + 1, pageCount), width - margin - 70, 40, 9);
  }
  return doc.save();
}
