/**
 * Letters a case produces, in Dutch (the school writes to its students in Dutch), laid out like
 * the mails: the invitation to a conversation after a 4-week report (policy appendix 4 §2). The
 * letter is generated once, stored and archived for the auditor; the attendance officer prints or
 * sends it.
 */
import { escapeHtml, formatDate } from './format';
import { formatPeriod } from './templates';

/** Who receives DUO's report if the absence does not change (WEB 8.1.8a, legal status on the letter's date). */
export type LetterRecipient = 'LPA' | 'RMC' | null;

export interface InvitationLetter {
  studentName: string;
  /** The run of absence the 4-week signal was about. */
  from: string;
  to: string;
  /** The conversation's date. */
  date: string;
  /** Time and place, as the officer wrote them with the step. */
  details?: string;
  recipient: LetterRecipient;
  /** 18 or older: studiefinanciering (and the student travel product) may be stopped. */
  adult: boolean;
  officerName: string;
  officerEmail: string;
  schoolName: string;
  createdOn: string;
}

function consequences(d: InvitationLetter): string[] {
  const lines: string[] = [];
  if (d.recipient === 'LPA') {
    lines.push(
      'Je bent leerplichtig of kwalificatieplichtig. Verandert je verzuim niet, dan is de school wettelijk verplicht je te melden bij DUO. De leerplichtambtenaar van je gemeente neemt dan contact met je en je ouders of verzorgers op.',
    );
  } else if (d.recipient === 'RMC') {
    lines.push(
      'Verandert je verzuim niet, dan is de school wettelijk verplicht je te melden bij DUO (artikel 8.1.8a van de Wet educatie en beroepsonderwijs). De RMC-consulent van je gemeente neemt dan contact met je op.',
    );
  }
  if (d.adult) {
    lines.push(
      'Ontvang je studiefinanciering? Bij langdurig ongeoorloofd verzuim kan DUO je studiefinanciering en je studentenreisproduct stopzetten of terugvorderen.',
    );
  }
  return lines;
}

export function invitationLetter(d: InvitationLetter): { subject: string; html: string } {
  const subject = 'Uitnodiging voor een gesprek over je verzuim';
  const paragraphs = [
    `Volgens onze registratie ben je ${formatPeriod(d.from, d.to, 'nl')} aaneengesloten ongeoorloofd afwezig geweest: vier weken of langer.`,
    `Daarom nodigen wij je uit voor een gesprek met de verzuimbegeleider op ${formatDate(d.date, 'nl')}. In dit gesprek kun je je verzuim toelichten en kijken we samen hoe je weer naar school kunt komen.`,
    ...(d.details ? [`Tijd en plaats: ${d.details}`] : []),
    'Na het gesprek volgen wij je aanwezigheid drie weken. Ook als je niet op het gesprek komt, volgen wij je aanwezigheid drie weken.',
    ...consequences(d),
    `Kun je niet op deze datum, of heb je vragen? Neem dan contact op met ${d.officerName} (${d.officerEmail}).`,
  ];
  const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(d.schoolName)}<br>Datum: ${escapeHtml(formatDate(d.createdOn, 'nl'))}</p>
<h1 style="font-size:18px">${escapeHtml(subject)}</h1>
<p>Beste ${escapeHtml(d.studentName)},</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p>Met vriendelijke groet,<br>${escapeHtml(d.officerName)}<br>Verzuimbegeleider, ${escapeHtml(d.schoolName)}</p>
</body>
</html>`;
  return { subject, html };
}
