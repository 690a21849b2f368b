/**
 * The page a monitor opens to check an attendance letter: a plain HTML form (no script at all), the
 * answer rendered by the server. Strict CSP (nothing may load but the page's own hashed style), never
 * framed or cached. It shows only what the letter shows, and only to someone who has the code.
 */
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { LetterContent } from '../../src/domain/attendance.js';
import { sortLetterEntries } from '../../src/domain/attendance.js';
import { instantToWallClock } from '../../src/domain/zoned-time.js';
import type { AppEnv } from '../http/app-env.js';
import { VERIFY_LETTER_PATH, verifyLetter, type Verification } from './attendance-letters.js';
import type { AttendanceDeps } from './attendance-records.js';

/** A letter PDF is tens of kilobytes; a generous bound still stops an abuser. */
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1f}
label{display:block;font-weight:600;margin-top:1rem}.hint{color:#4a4a55;margin:.25rem 0}
input{font:inherit;margin-top:.25rem}input[type=text]{padding:.4rem;border:2px solid #555;border-radius:4px;width:16rem}
button{font:inherit;margin-top:1rem;padding:.5rem 1rem;border-radius:4px;border:2px solid #1a4d8f;background:#1a4d8f;color:#fff}
.verdict{border-left:6px solid;padding:.5rem 1rem;margin:1rem 0}.genuine{border-color:#1d7a3a;background:#eef8f0}
.changed,.unknown-code,.tampered{border-color:#b3261e;background:#fdeeee}.shown{border-color:#1a4d8f;background:#eef3fb}
table{border-collapse:collapse;margin-top:.5rem}th,td{border:1px solid #999;padding:.25rem .6rem;text-align:left}
:focus-visible{outline:3px solid #1a4d8f;outline-offset:2px}`;

let styleHash: Promise<string> | undefined;
function contentSecurityPolicy(): Promise<string> {
  styleHash ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(STYLE)).then((digest) => btoa(String.fromCharCode(...new Uint8Array(digest))));
  return styleHash.then((hash) => `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const WORDS = {
  en: {
    title: 'Verify an attendance letter',
    intro: 'Enter the verification code printed at the foot of the letter. Upload the PDF you received to check that it is exactly the letter we issued; without it, this page shows what the letter says, so you can compare.',
    code: 'Verification code',
    codeHint: 'Sixteen letters and numbers, for example K7QF-3MZP-X9TD-H2WA.',
    file: 'The letter (PDF, optional)',
    submit: 'Check the letter',
    other: 'Versión en español',
    genuine: 'Genuine and unchanged: this PDF is exactly the letter issued with this code.',
    changed: 'Not genuine: this PDF is not the letter issued with this code. It has been changed, or it is a different letter. Below is what the genuine letter shows.',
    shown: 'A letter with this code was issued. Compare the details below with the letter you received.',
    unknown: 'We could not find a letter with this code. Please check the code and try again.',
    tampered: 'Not genuine: the record of this letter does not pass its signature check. Please contact the center.',
    name: 'Participant',
    period: 'Period',
    issued: 'Issued',
    center: 'Center',
    date: 'Date',
    session: 'Session',
    arrived: 'Arrived',
    left: 'Left',
    zone: 'Times are in the time zone',
  },
  es: {
    title: 'Verificar una carta de asistencia',
    intro: 'Ingrese el código de verificación impreso al pie de la carta. Suba el PDF que recibió para comprobar que es exactamente la carta que emitimos; sin él, esta página muestra lo que dice la carta para que pueda compararla.',
    code: 'Código de verificación',
    codeHint: 'Dieciséis letras y números, por ejemplo K7QF-3MZP-X9TD-H2WA.',
    file: 'La carta (PDF, opcional)',
    submit: 'Comprobar la carta',
    other: 'English version',
    genuine: 'Auténtica y sin cambios: este PDF es exactamente la carta emitida con este código.',
    changed: 'No es auténtica: este PDF no es la carta emitida con este código. Fue modificado o es otra carta. Abajo se muestra lo que dice la carta auténtica.',
    shown: 'Se emitió una carta con este código. Compare los datos de abajo con la carta que recibió.',
    unknown: 'No encontramos una carta con este código. Revise el código e inténtelo de nuevo.',
    tampered: 'No es auténtica: el registro de esta carta no supera la comprobación de su firma. Comuníquese con el centro.',
    name: 'Participante',
    period: 'Periodo',
    issued: 'Emitida',
    center: 'Centro',
    date: 'Fecha',
    session: 'Sesión',
    arrived: 'Llegada',
    left: 'Salida',
    zone: 'Las horas están en la zona horaria',
  },
} as const;
type Lang = keyof typeof WORDS;

function letterDetails(words: (typeof WORDS)[Lang], content: LetterContent): string {
  const time = (instant: string | null) => (instant ? instantToWallClock(new Date(instant), content.center.timeZone).time : '-');
  const rows = sortLetterEntries(content.entries)
    .map((entry) => `<tr><td>${escapeHtml(entry.date)}</td><td>${escapeHtml(entry.title)}</td><td>${time(entry.arrivedAt)}</td><td>${time(entry.leftAt)}</td></tr>`)
    .join('');
  return `<dl>
<dt>${words.name}</dt><dd>${escapeHtml(content.participantName)}</dd>
<dt>${words.period}</dt><dd>${escapeHtml(content.periodFrom)} – ${escapeHtml(content.periodTo)}</dd>
<dt>${words.issued}</dt><dd>${escapeHtml(content.issuedAt.slice(0, 10))}</dd>
<dt>${words.center}</dt><dd>${escapeHtml(content.center.name)}, ${escapeHtml(content.center.phone)}</dd>
</dl>
<table><caption>${words.zone} ${escapeHtml(content.center.timeZone)}</caption>
<thead><tr><th scope="col">${words.date}</th><th scope="col">${words.session}</th><th scope="col">${words.arrived}</th><th scope="col">${words.left}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function page(lang: Lang, typedCode: string, verification?: Verification): string {
  const words = WORDS[lang];
  let result = '';
  if (verification) {
    const message = { genuine: words.genuine, changed: words.changed, shown: words.shown, 'unknown-code': words.unknown, tampered: words.tampered }[verification.verdict];
    result = `<section aria-labelledby="verdict"><p id="verdict" class="verdict ${verification.verdict}" role="status" data-verdict="${verification.verdict}">${message}</p>
${'content' in verification ? letterDetails(words, verification.content) : ''}</section>`;
  }
  const other: Lang = lang === 'en' ? 'es' : 'en';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<title>${words.title}</title><style>${STYLE}</style></head>
<body><main>
<p><a href="${VERIFY_LETTER_PATH}?lang=${other}" lang="${other}">${WORDS[other].other}</a></p>
<h1>${words.title}</h1>
${result}
<p>${words.intro}</p>
<form method="post" action="${VERIFY_LETTER_PATH}?lang=${lang}" enctype="multipart/form-data">
<label for="code">${words.code}</label><p class="hint" id="code-hint">${words.codeHint}</p>
<input type="text" id="code" name="code" required autocomplete="off" spellcheck="false" aria-describedby="code-hint" value="${escapeHtml(typedCode)}">
<label for="letter">${words.file}</label>
<input type="file" id="letter" name="letter" accept="application/pdf">
<button type="submit">${words.submit}</button>
</form></main></body></html>`;
}

async function htmlResponse(html: string, status = 200): Promise<Response> {
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': await contentSecurityPolicy(),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    },
  });
}

/** Refused by the per-address write budget: both languages, since the page's own choice is not read. */
export function tooManyVerificationsPage(retryAfterSeconds: number): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many attempts</title>
<h1>Too many attempts</h1><p>This address has checked many letters in the last minute. Please wait a minute and try again.</p>
<p lang="es">Demasiados intentos desde esta dirección en el último minuto. Espere un minuto y vuelva a intentarlo.</p></html>`;
  return new Response(html, {
    status: 429,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
      'retry-after': String(retryAfterSeconds),
      'x-content-type-options': 'nosniff',
    },
  });
}

/** `c` is the request, for the audit row's source address. */
export type VerificationAudit = (verification: Verification, c: Context<AppEnv>) => Promise<void>;

export function mountLetterVerificationPage(app: Hono<AppEnv>, deps: AttendanceDeps, audit: VerificationAudit): void {
  const langOf = (query: string | undefined, accept: string | undefined): Lang => (query === 'es' || query === 'en' ? query : /^es\b/i.test(accept ?? '') ? 'es' : 'en');

  app.get(VERIFY_LETTER_PATH, async (c) => {
    c.set('route', `GET ${VERIFY_LETTER_PATH}`);
    return htmlResponse(page(langOf(c.req.query('lang'), c.req.header('accept-language')), ''));
  });

  app.post(
    VERIFY_LETTER_PATH,
    bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: () => new Response('The file is too large.', { status: 413 }) }),
    async (c) => {
      c.set('route', `POST ${VERIFY_LETTER_PATH}`);
      const lang = langOf(c.req.query('lang'), c.req.header('accept-language'));
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const typed = typeof form['code'] === 'string' ? form['code'].slice(0, 64) : '';
      const file = form['letter'];
      const pdf = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
      const verification = await verifyLetter(deps, typed, pdf);
      await audit(verification, c);
      return htmlResponse(page(lang, typed, verification), verification.verdict === 'unknown-code' ? 404 : 200);
    },
  );
}
