import type { AccessExport } from '../../shared/api/access-export';
import { type DashboardKey, formatMinutes, type Lang, translate, translateOr } from '../../shared/i18n';
import { ruleText } from '../../shared/policy/rules';
import { escapeHtml, formatDate as formatMailDate } from '../mail/format';

/**
 * The access export (AVG art. 15) as a document the attendance officer prints or hands over: one
 * self-contained page (no script, no outside resource), a heading per kind of data, dates written
 * out, and how to have something corrected. Every value is escaped; a letter is shown as text.
 */
export function accessExportHtml(data: AccessExport, lang: Lang): string {
  const t = (key: DashboardKey, values?: Record<string, string | number>) => translate(lang, key, values);
  const term = (prefix: string, value: unknown) =>
    translateOr(lang, `${prefix}.${String(value)}`, String(value));
  const day = (iso: unknown) => formatDate(lang, iso);
  const when = (iso: unknown) => formatInstant(lang, iso);
  const name = data.student.displayName;

  const section = (title: string, rows: readonly unknown[], body: () => string) =>
    `<section><h2>${esc(title)}</h2>${rows.length === 0 ? `<p>${esc(t('access.none'))}</p>` : body()}</section>`;
  const table = (head: string[], rows: string[][]) =>
    `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const fields = (record: Record<string, unknown>) =>
    table(
      [t('access.field'), t('access.value')],
      Object.entries(record)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => [esc(k), esc(typeof v === 'object' ? JSON.stringify(v) : String(v))]),
    );

  const registrations = section(t('access.registrations'), data.registrations, () =>
    table(
      [
        t('access.date'),
        t('access.lesson'),
        t('access.status'),
        t('access.classification'),
        t('access.reason'),
        t('access.minutes'),
        t('access.keptUntil'),
      ],
      data.registrations.map((r) => {
        const lesson = r.lesson as
          | (Record<string, unknown> & {
              classification?: { kind?: string; ruleId?: string; minutesMissed?: number };
            })
          | null;
        const c = lesson?.classification;
        return [
          esc(day(r.date)),
          esc(lesson ? `${lesson.start}–${lesson.end}` : t('access.deleted')),
          esc(lesson ? term('access.lesson', lesson.status) : ''),
          esc(
            c
              ? `${term('access.classification', c.kind)}${c.ruleId ? ` (${ruleText(c.ruleId, lang)})` : ''}`
              : '',
          ),
          esc(lesson?.reason ? String(lesson.reason) : ''),
          esc(typeof c?.minutesMissed === 'number' ? formatMinutes(lang, c.minutesMissed) : ''),
          esc(day(r.keptUntil)),
        ];
      }),
    ),
  );

  const signals = `<section><h2>${esc(t('access.signals'))}</h2><h3>${esc(t('access.signalState'))}</h3>${
    data.signalState ? fields(data.signalState) : `<p>${esc(t('access.none'))}</p>`
  }<h3>${esc(t('access.eightHours'))}</h3>${
    data.eightHourLists.length === 0
      ? `<p>${esc(t('access.none'))}</p>`
      : table(
          [
            t('access.date'),
            t('access.period'),
            t('access.minutes'),
            t('access.status'),
            t('access.keptUntil'),
          ],
          data.eightHourLists.map((l) => [
            esc(day(l.createdOn)),
            esc(`${day(l.from)} – ${day(l.to)}`),
            esc(formatMinutes(lang, l.unauthorizedMinutes)),
            esc(term('taskStatus', l.status)),
            esc(day(l.keptUntil)),
          ]),
        )
  }</section>`;

  const reports = section(t('access.reports'), data.reports, () =>
    table(
      [
        t('access.date'),
        t('access.period'),
        t('access.minutes'),
        t('access.status'),
        t('access.actions'),
        t('access.keptUntil'),
      ],
      data.reports.map((r) => [
        esc(day(r.createdOn)),
        esc(`${day(r.from)} – ${day(r.to)}`),
        esc(formatMinutes(lang, r.unauthorizedMinutes)),
        esc(term('status', r.status)),
        r.actions
          .map(
            (a) =>
              `${esc(when(a.at))}: ${esc(term('action', a.action))}${a.explanation ? `, “${esc(a.explanation)}”` : ''}`,
          )
          .join('<br>'),
        esc(day(r.keptUntil)),
      ]),
    ),
  );

  const tasks = section(t('access.tasks'), data.tasks, () =>
    table(
      [
        t('access.date'),
        t('access.kind'),
        t('access.status'),
        t('access.what'),
        t('access.steps'),
        t('access.keptUntil'),
      ],
      data.tasks.map((task) => {
        const steps = (task.steps ?? []) as {
          key: string;
          outcome: string;
          on?: string;
          note?: string;
          date?: string;
        }[];
        return [
          esc(day(task.createdOn)),
          esc(term('task', task.kind)),
          esc(term('taskStatus', task.status)),
          esc([task.explanation, task.note].filter(Boolean).join(' · ')),
          steps
            .map(
              (s) =>
                `${esc(day(s.on))}: ${esc(s.key)} → ${esc(s.outcome)}${s.date ? ` (${esc(day(s.date))})` : ''}${s.note ? `, “${esc(s.note)}”` : ''}`,
            )
            .join('<br>'),
          esc(day(task.keptUntil)),
        ];
      }),
    ),
  );

  const cases = section(t('access.cases'), data.cases, () =>
    table(
      [t('access.date'), t('access.status'), t('access.steps'), t('access.keptUntil')],
      data.cases.map((c) => [
        esc(day(c.leftOn)),
        esc(term('status', c.status)),
        esc(Object.keys((c.steps ?? {}) as object).join(', ')),
        esc(day(c.keptUntil)),
      ]),
    ),
  );

  const letters = section(t('access.letters'), data.letters, () =>
    data.letters
      .map(
        (l) =>
          `<article class="letter"><h3>${esc(day(l.createdOn))}: ${esc(l.subject)}</h3><p class="pre">${esc(textOf(l.html))}</p><p class="muted">${esc(t('access.keptUntil'))}: ${esc(day(l.keptUntil))}</p></article>`,
      )
      .join(''),
  );

  const mails = section(t('access.mails'), data.mails, () =>
    table(
      [
        t('access.date'),
        t('access.subject'),
        t('access.recipients'),
        t('access.sentAt'),
        t('access.keptUntil'),
      ],
      data.mails.map((m) => [
        esc(when(m.createdAt)),
        `${esc(m.subject)}${m.otherStudents > 0 ? ` <span class="muted">${esc(t('access.otherStudents', { n: m.otherStudents }))}</span>` : ''}`,
        esc(m.recipients.map((r) => translateOr(lang, `access.role.${r}`, term('role', r))).join(', ')),
        esc(m.sentAt ? when(m.sentAt) : term('status', m.status)),
        esc(day(m.keptUntil)),
      ]),
    ),
  );

  const audit = section(t('access.audit'), data.audit, () =>
    table(
      [t('access.at'), t('access.by'), t('access.what'), t('access.keptUntil')],
      data.audit.map((a) => [
        esc(when(a.at)),
        esc(a.byName ?? a.by),
        esc(`${a.what} (${a.entity} ${a.entityId})`),
        esc(day(a.keptUntil)),
      ]),
    ),
  );

  const weeks = data.archivedWeeks ?? [];
  const archivedWeeks =
    weeks.length === 0
      ? ''
      : section(t('access.archivedWeeks'), weeks, () =>
          table(
            [
              t('access.schoolYear'),
              t('access.date'),
              t('access.lessons'),
              t('access.present'),
              t('access.authorized'),
              t('access.unauthorized'),
              t('access.keptUntil'),
            ],
            weeks.map((w) => [
              esc(w.schoolYear),
              esc(day(w.weekStart)),
              esc(String(w.lessons)),
              esc(formatMinutes(lang, w.presentMinutes)),
              esc(formatMinutes(lang, w.authorizedMinutes)),
              esc(formatMinutes(lang, w.unauthorizedMinutes)),
              esc(day(w.keptUntil)),
            ]),
          ),
        );

  const other = section(t('access.other'), data.other, () =>
    table(
      [t('access.date'), t('access.kind'), t('access.value')],
      data.other.map((o) => [
        esc(day(o.date)),
        esc(t(`access.other.${o.kind}`)),
        esc(JSON.stringify(o.details)),
      ]),
    ),
  );

  const { displayName: _n, ...profile } = data.student;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t('access.title', { name }))}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(t('access.title', { name }))}</h1>
<p>${esc(t('access.intro'))}</p>
<p>${esc(t('access.madeBy', { date: when(data.exportedAt), name: data.exportedBy.name }))}</p>
</header>
<section class="note"><h2>${esc(t('access.rectification.title'))}</h2><p>${esc(t('access.rectification'))}</p></section>
<section><h2>${esc(t('access.student'))}</h2>${fields(profile)}</section>
${registrations}
${archivedWeeks}
${signals}
${reports}
${tasks}
${cases}
${letters}
${mails}
${audit}
${other}
<footer>${esc(t('access.footer', { studentId: data.student.studentId, date: day(data.exportedAt) }))}</footer>
</body>
</html>
`;
}

const STYLE = `
body{font-family:system-ui,sans-serif;font-size:11pt;line-height:1.4;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#111}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#eee}.muted{color:#555}.pre{white-space:pre-wrap}.note{border:2px solid #333;padding:0 1rem;margin-top:1rem}
footer{margin-top:2rem;font-size:.9rem;color:#555}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}tr,.letter{break-inside:avoid}thead{display:table-header-group}}
`;

const esc = escapeHtml;

/** "20 november 2026" of an ISO date (or the date part of an instant); a dash when there is none. */
function formatDate(lang: Lang, iso: unknown): string {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return '–';
  return formatMailDate(iso.slice(0, 10), lang);
}

/** An instant in the school's time zone: "20 november 2026, 11:00". */
function formatInstant(lang: Lang, iso: unknown): string {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return '–';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${formatDate(lang, `${parts.year}-${parts.month}-${parts.day}`)}, ${parts.hour}:${parts.minute}`;
}

/** A letter's HTML as plain text: its paragraphs and line breaks kept, its tags and entities gone. */
function textOf(html: string): string {
  return html
    .replace(/<(br|\/p|\/h\d|\/li|\/div)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
