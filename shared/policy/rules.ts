/**
 * The rules that decide a classification, each with a stable id (stored with every classified
 * registration, so never rename one) and a short explanation a coach can read. The section is
 * where the rule comes from in the policy ("presentiebeleid").
 */
export interface Rule {
  section: string;
  nl: string;
  en: string;
}

export const RULES = {
  present: { section: 'H3', nl: 'Aanwezig.', en: 'Present.' },
  'decision.authorized': {
    section: 'Bijlage 1 – Te laat',
    nl: 'Uitzondering: Front Office of coach heeft besloten dat dit geoorloofd is.',
    en: 'Exception: the front office or the coach decided this is authorized.',
  },
  'decision.unauthorized': {
    section: 'Bijlage 1 – Te laat',
    nl: 'Front Office of coach heeft besloten dat dit ongeoorloofd is.',
    en: 'The front office or the coach decided this is unauthorized.',
  },
  unexplained: {
    section: 'H4',
    nl: 'Afwezig zonder bekende of geldige reden: ongeoorloofd.',
    en: 'Absent without a known or valid reason: unauthorized.',
  },
  'late.unexplained': {
    section: 'H4',
    nl: 'Te laat of eerder weg zonder bekende of geldige reden: ongeoorloofd.',
    en: 'Late or left early without a known or valid reason: unauthorized.',
  },
  truancy: { section: 'H4', nl: 'Spijbelen: ongeoorloofd.', en: 'Truancy: unauthorized.' },
  'day_off.without_permission': {
    section: 'H4',
    nl: 'Vrije dag zonder toestemming: ongeoorloofd.',
    en: 'A day off without permission: unauthorized.',
  },
  'day_off.approved': {
    section: 'H3',
    nl: 'Vrije dag met toestemming van coach of onderwijsmanager: geoorloofd.',
    en: 'A day off with permission of the coach or the education manager: authorized.',
  },
  'sick.phone': {
    section: 'Bijlage 1 – Ziekmelden',
    nl: 'Telefonisch ziek gemeld volgens de afspraken: geoorloofd.',
    en: 'Reported sick by phone as agreed: authorized.',
  },
  'sick.email': {
    section: 'Bijlage 1 – Ziekmelden',
    nl: 'Ziekmelden per e-mail wordt niet verwerkt: ongeoorloofd.',
    en: 'A sick report by e-mail is not processed: unauthorized.',
  },
  'sick.minor_not_parent': {
    section: 'Bijlage 1 – Ziekmelden',
    nl: 'Jonger dan 18: een ouder of verzorger moet ziek melden. Niet gedaan: ongeoorloofd.',
    en: 'Under 18 a parent or guardian must report sickness. Not done: unauthorized.',
  },
  'sick.not_reported': {
    section: 'Bijlage 1 – Ziekmelden',
    nl: 'Ziekte niet telefonisch gemeld volgens de afspraken: ongeoorloofd.',
    en: 'Sickness not reported by phone as agreed: unauthorized.',
  },
  'sick.doubtful': {
    section: 'H4',
    nl: 'Verdacht ziekteverzuim, getoetst door de (school)arts: ongeoorloofd.',
    en: 'Doubtful sickness, judged by the (school) doctor: unauthorized.',
  },
  'illness.long_term': {
    section: 'H3',
    nl: 'Langdurige ziekte of lichamelijke/psychische klachten: geoorloofd.',
    en: 'Long-term illness or physical/psychological complaints: authorized.',
  },
  pregnancy: { section: 'H3', nl: 'Zwangerschap: geoorloofd.', en: 'Pregnancy: authorized.' },
  'appointment.proof': {
    section: 'Bijlage 1 – Leveren van bewijs',
    nl: 'Afspraak gemeld met bewijs (datum en tijd): geoorloofd.',
    en: 'Appointment reported with proof (date and time): authorized.',
  },
  'appointment.no_proof_needed_23': {
    section: 'Bijlage 1 – Leveren van bewijs',
    nl: 'Vanaf 23 jaar is geen bewijs nodig: geoorloofd.',
    en: 'From 23 no proof is needed: authorized.',
  },
  'appointment.parent_called': {
    section: 'Bijlage 1 – Leveren van bewijs',
    nl: 'Geen bewijs, maar een ouder heeft gebeld: geoorloofd.',
    en: 'No proof, but a parent called: authorized.',
  },
  'appointment.coach_permission': {
    section: 'Bijlage 1 – Leveren van bewijs',
    nl: 'Geen bewijs, maar de coach heeft toestemming gegeven: geoorloofd.',
    en: 'No proof, but the coach gave permission: authorized.',
  },
  'appointment.no_proof': {
    section: 'Bijlage 1 – Leveren van bewijs',
    nl: 'Jonger dan 23 en geen bewijs: ongeoorloofd.',
    en: 'Under 23 and no proof: unauthorized.',
  },
  not_reported_in_advance: {
    section: 'Bijlage 1 – Afwezigheid',
    nl: 'Niet gemeld bij Front Office (telefonisch, per e-mail of aan de balie), terwijl je dit altijd moet doorgeven: ongeoorloofd.',
    en: 'Not reported to the front office (by phone, e-mail or at the desk), which must always be done: unauthorized.',
  },
  'wedding_or_funeral.no_proof': {
    section: 'Bijlage 1 – Bruiloft/Begrafenis',
    nl: 'Bruiloft of begrafenis zonder kopie van de uitnodiging of de rouwkaart: ongeoorloofd.',
    en: 'Wedding or funeral without a copy of the invitation or the funeral card: unauthorized.',
  },
  /** No longer produced (`not_reported_in_advance` took its place); kept for stored classifications. */
  'appointment.not_reported': {
    section: 'H4',
    nl: 'Afspraak niet gemeld bij Front Office volgens de afspraken: ongeoorloofd.',
    en: 'Appointment not reported to the front office as agreed: unauthorized.',
  },
  'driving.exam': {
    section: 'Bijlage 1 – Theorie- of rijexamen',
    nl: 'Theorie- of rijexamen met oproep van het CBR: geoorloofd.',
    en: 'Theory or driving exam with the CBR invitation: authorized.',
  },
  'driving.exam_no_invitation': {
    section: 'Bijlage 1 – Theorie- of rijexamen',
    nl: 'Theorie- of rijexamen zonder oproep van het CBR: ongeoorloofd.',
    en: 'Theory or driving exam without the CBR invitation: unauthorized.',
  },
  'driving.lesson_before_exam': {
    section: 'Bijlage 1 – Theorie- of rijexamen',
    nl: 'De rijles vlak voor het rijexamen: geoorloofd.',
    en: 'The driving lesson right before the exam: authorized.',
  },
  'driving.lesson': {
    section: 'Bijlage 1 – Theorie- of rijexamen',
    nl: 'Rijles onder lestijd is niet toegestaan: ongeoorloofd.',
    en: 'Driving lessons in class time are not allowed: unauthorized.',
  },
  'internship.email': {
    section: 'Bijlage 1 – Stagegesprek/stageactiviteit',
    nl: 'Stagegesprek of stageactiviteit per e-mail gemeld: geoorloofd.',
    en: 'Internship interview or activity reported by e-mail: authorized.',
  },
  'internship.not_by_email': {
    section: 'Bijlage 1 – Stagegesprek/stageactiviteit',
    nl: 'Stagegesprek of stageactiviteit niet per e-mail gemeld: ongeoorloofd.',
    en: 'Internship interview or activity not reported by e-mail: unauthorized.',
  },
  optician: {
    section: 'Bijlage 1 – Opticien',
    nl: 'Een afspraak bij de opticien is onder lestijd niet toegestaan: ongeoorloofd.',
    en: 'Optician appointments are not allowed in class time: unauthorized.',
  },
  'late.transport': {
    section: 'Bijlage 1 – Te laat',
    nl: 'Te laat door file, gemiste bus of trein, verslapen, pech of iemand wegbrengen: ongeoorloofd.',
    en: 'Late because of traffic, a missed bus or train, oversleeping, a breakdown or a drop-off: unauthorized.',
  },
  'transport.disruption_proof': {
    section: 'Bijlage 1 – Te laat',
    nl: 'Bus- of treinstoring, zichtbaar op de reisplanner of op foto: geoorloofd.',
    en: 'Bus or train disruption shown on the planner or in a photo: authorized.',
  },
  'transport.disruption_no_proof': {
    section: 'Bijlage 1 – Te laat',
    nl: 'Bus- of treinstoring zonder bewijs: ongeoorloofd.',
    en: 'Bus or train disruption without proof: unauthorized.',
  },
  'weather.portal_notice': {
    section: 'Bijlage 1 – Extreme weersomstandigheden',
    nl: 'Extreme weersomstandigheden met een melding op de Portal: geoorloofd.',
    en: 'Severe weather with a notice on the portal: authorized.',
  },
  'weather.no_portal_notice': {
    section: 'Bijlage 1 – Extreme weersomstandigheden',
    nl: 'Extreme weersomstandigheden zonder melding op de Portal: ongeoorloofd.',
    en: 'Severe weather without a notice on the portal: unauthorized.',
  },
  suspension: {
    section: 'H3',
    nl: 'Schorsing (maximaal 5 schooldagen): geoorloofd.',
    en: 'Suspension (at most 5 school days): authorized.',
  },
  'suspension.beyond_5_days': {
    section: 'H3',
    nl: 'Schorsing langer dan 5 schooldagen geregistreerd: geoorloofd en nooit gemeld, maar een schorsing mag niet langer duren. De verzuimbegeleider controleert de registratie.',
    en: 'Suspension registered beyond 5 school days: authorized and never reported, but a suspension may not last longer. The attendance officer checks the data.',
  },
  'special_leave.manager': {
    section: 'H3',
    nl: 'Bijzonder verlof toegekend door de onderwijsmanager (maximaal 10 schooldagen per schooljaar): geoorloofd.',
    en: 'Special leave granted by the education manager (at most 10 school days a school year): authorized.',
  },
  'special_leave.not_approved': {
    section: 'H3',
    nl: 'Bijzonder verlof zonder toestemming van de onderwijsmanager: ongeoorloofd.',
    en: 'Special leave without the education manager’s approval: unauthorized.',
  },
  'special_leave.too_long': {
    section: 'H3',
    nl: 'Meer dan 10 schooldagen bijzonder verlof in dit schooljaar (Leerplichtwet art. 14): ongeoorloofd, tenzij de leerplichtambtenaar toestemming gaf (besluit).',
    en: 'More than 10 school days of special leave this school year (Compulsory Education Act art. 14): unauthorized unless the municipality’s compulsory-education officer approved (a decision).',
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** A coach-readable explanation of a rule id; unknown ids (from a newer version) are echoed. */
export function ruleText(ruleId: string, lang: 'nl' | 'en'): string {
  return isRuleId(ruleId) ? RULES[ruleId][lang] : ruleId;
}
