import { escapeHtml } from './format';
import { plainText } from './plain-text';
import type { Locale } from './types';

/** What a template says; the layout turns it into a plain-text and an HTML body from the same words. */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Where the reader has something to do. */
  action?: { label: string; url: string };
  /** A combined mail's things, one line each with its own link. */
  list?: { text: string; url?: string }[];
}

const FOOTER: Record<Locale, string> = {
  nl: 'Dit bericht is automatisch verstuurd door Presentie. Je kunt er niet op antwoorden.',
  en: 'This message was sent automatically by Presentie. Replies are not read.',
};

export function layout(
  content: MailContent,
  locale: Locale,
): { subject: string; text: string; html: string } {
  // A subject is one line: a line break in it would start a header of its own.
  const subject = plainText(content.subject);
  const list = content.list ?? [];
  const textParts = [content.greeting, ...content.paragraphs];
  if (list.length > 0) textParts.push(list.map((i) => `- ${i.text}${i.url ? `: ${i.url}` : ''}`).join('\n'));
  if (content.action) textParts.push(`${content.action.label}: ${content.action.url}`);
  textParts.push('--', FOOTER[locale]);

  const paragraphs = content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const items = list.length
    ? `<ul>\n${list.map((i) => `<li>${escapeHtml(i.text)}${i.url ? ` <a href="${escapeHtml(i.url)}">${escapeHtml(i.url)}</a>` : ''}</li>`).join('\n')}\n</ul>`
    : '';
  const action = content.action
    ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#0b5394;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>`
    : '';
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(content.greeting)}</p>
${paragraphs}
${items}
${action}
<hr><p style="font-size:12px;color:#555555">${escapeHtml(FOOTER[locale])}</p>
</body>
</html>`;
  return { subject, text: `${textParts.join('\n\n')}\n`, html };
}
