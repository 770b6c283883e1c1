/**
 * A staff member is bound to one sign-in identity (issuer and subject), on their first sign-in
 * with a verified e-mail address; after that the identity alone finds them.
 */

/** The staff member is already bound to another sign-in identity: a second account is refused. */
export class StaffBoundElsewhere extends Error {
  override readonly name = 'StaffBoundElsewhere';
  constructor(readonly staffId: string) {
    super(`Staff member ${staffId} is bound to another sign-in`);
  }
}

/** The sign-in identity is already bound to another staff member. */
export class SignInBoundElsewhere extends Error {
  override readonly name = 'SignInBoundElsewhere';
  constructor(readonly staffId: string) {
    super(`This sign-in is bound to another staff member than ${staffId}`);
  }
}
