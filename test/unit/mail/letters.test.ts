/** The 4-week case's invitation letter (policy appendix 4 §2): Dutch, the date, the consequences by legal status. */
import { describe, expect, it } from 'vitest';
import { type InvitationLetter, invitationLetter } from '../../../functions/mail/letters';

const base: InvitationLetter = {
  studentName: 'Sanne <de> Vries',
  from: '2026-11-23',
  to: '2026-12-18',
  date: '2027-01-07',
  details: '10.00 uur, lokaal B1.12',
  recipient: 'LPA',
  adult: false,
  officerName: 'S. Bakker',
  officerEmail: 'vb-bakker@school.example',
  schoolName: 'De Leijgraaf',
  createdOn: '2027-01-05',
};

describe('the invitation letter', () => {
  it('invites the student by name for the planned date, with the time and place and who to contact', () => {
    const { subject, html } = invitationLetter(base);
    expect(subject).toBe('Uitnodiging voor een gesprek over je verzuim');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Beste Sanne &lt;de&gt; Vries,');
    expect(html).toContain('7 januari 2027');
    expect(html).toContain('van 23 november 2026 tot en met 18 december 2026');
    expect(html).toContain('Tijd en plaats: 10.00 uur, lokaal B1.12');
    expect(html).toContain('S. Bakker (vb-bakker@school.example)');
    expect(html).toContain('Ook als je niet op het gesprek komt');
  });

  it('names the consequence that fits the legal status: LPA, RMC with studiefinanciering, or only studiefinanciering', () => {
    const lpa = invitationLetter(base).html;
    expect(lpa).toContain('leerplichtambtenaar');
    expect(lpa).not.toContain('studiefinanciering');
    const rmc = invitationLetter({ ...base, recipient: 'RMC', adult: true }).html;
    expect(rmc).toContain('RMC-consulent');
    expect(rmc).toContain('8.1.8a');
    expect(rmc).toContain('studiefinanciering');
    const older = invitationLetter({ ...base, recipient: null, adult: true }).html;
    expect(older).not.toContain('leerplichtambtenaar');
    expect(older).not.toContain('RMC');
    expect(older).toContain('studiefinanciering');
  });
});
