import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editableFields,
  FIELD_BOUNDS,
  NORM_PROFILES,
  type NormProfile,
  profileFor,
  profileProblemText,
  validateProfileChange,
} from '../../../shared/policy';

const standard = NORM_PROFILES.standard as NormProfile;
const routeX = NORM_PROFILES['route-x'] as NormProfile;

describe('editing a norm profile (the law’s values stay)', () => {
  it('keeps the legal 16 hours in 4 school weeks out of the editable fields; Route-X’s internal norm is editable', () => {
    expect(editableFields(standard)).not.toContain('reportMinutes');
    expect(editableFields(standard)).not.toContain('windowWeeks');
    expect(editableFields(routeX)).toEqual(expect.arrayContaining(['reportMinutes', 'windowWeeks']));
    expect(validateProfileChange(standard, { ...standard, reportMinutes: 1200 }).map((p) => p.code)).toEqual([
      'notEditable',
    ]);
    expect(validateProfileChange(standard, { ...standard, reportToDuo: false }).map((p) => p.field)).toEqual([
      'reportToDuo',
    ]);
  });

  it('refuses values that are not positive, out of bounds, or an 8-hour signal not below the report', () => {
    const next = { ...standard, sickLongDays: 0, reportDueWorkingDays: 5, signalMinutes: 960 };
    expect(validateProfileChange(standard, next).map((p) => profileProblemText('nl', p))).toEqual([
      expect.stringContaining(
        'Termijn coach (werkdagen, minder dan de 5 van DUO) moet tussen 1 en 4 liggen (nu 5)',
      ),
      expect.stringContaining('Langdurig ziek vanaf schooldag moet een positief geheel getal zijn (nu 0)'),
      'Het 8-uurssignaal (960 min) moet lager liggen dan de melding (960 min).',
    ]);
  });

  it('a profile changed within bounds is accepted and is the one the rules use', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 959 }), fc.integer({ min: 1, max: 4 }), (signal, term) => {
        const next = { ...standard, signalMinutes: signal, reportDueWorkingDays: term };
        expect(validateProfileChange(standard, next)).toEqual([]);
        expect(profileFor({ routeX: false }, { ...NORM_PROFILES, standard: next }).signalMinutes).toBe(
          signal,
        );
      }),
    );
  });

  it('every editable value outside its bounds is refused', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...editableFields(routeX)),
        fc.integer({ min: -100, max: 2000 }),
        (field, value) => {
          const { min, max } = FIELD_BOUNDS[field];
          fc.pre(value < min || value > max);
          expect(
            validateProfileChange(routeX, { ...routeX, [field]: value }).some((p) => p.field === field),
          ).toBe(true);
        },
      ),
    );
  });
});
