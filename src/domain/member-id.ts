/**
 * Member ID rules per payer family (../shared/DOMAIN.md): Medicare's MBI has an exact CMS format,
 * Blue Cross Blue Shield IDs carry a 3-character prefix, everything else is checked for length and
 * characters only. Pure: the widget shows the problem, the server checks again.
 */

export type MemberIdRule = 'medicare-mbi' | 'bcbs' | 'generic';

/** What is wrong, so the widget can say what to do about it. */
export type MemberIdProblem = 'empty' | 'characters' | 'too-short' | 'too-long' | 'mbi-format' | 'bcbs-prefix';

export type MemberIdCheck = { ok: true; value: string } | { ok: false; problem: MemberIdProblem };

// CMS MBI format: C A AN N A AN N A A N N. "A" is a letter except S, L, O, I, B, Z (they look like digits).
const MBI_LETTER = '[AC-HJKMNP-RT-Y]';
const MBI_ALNUM = '[0-9AC-HJKMNP-RT-Y]';
const MBI = new RegExp(`^[1-9]${MBI_LETTER}${MBI_ALNUM}[0-9]${MBI_LETTER}${MBI_ALNUM}[0-9]${MBI_LETTER}${MBI_LETTER}[0-9]{2}$`);

/** Cards print IDs with spaces and sometimes dashes (the MBI is shown as 1EG4-TE5-MK73); people copy them so. */
export function normalizeMemberId(raw: string, rule: MemberIdRule): string {
  const upper = raw.trim().toUpperCase().replace(/\s+/g, '');
  return rule === 'generic' ? upper : upper.replace(/-/g, '');
}

/** True when `id` (already normalised) has the exact CMS Medicare Beneficiary Identifier format. */
export function isMedicareMbi(id: string): boolean {
  return MBI.test(id);
}

/**
 * BCBS: a 3-character alphanumeric prefix (the Federal Employee Program uses one letter followed by
 * digits, which has the same shape), then the rest of the ID, 17 characters at most in all.
 */
export function hasBcbsPrefix(id: string): boolean {
  return /^[A-Z0-9]{3}[A-Z0-9]{1,14}$/.test(id);
}

export function checkMemberId(raw: string, rule: MemberIdRule): MemberIdCheck {
  const value = normalizeMemberId(raw, rule);
  if (!value) return { ok: false, problem: 'empty' };
  switch (rule) {
    case 'medicare-mbi':
      if (/[^A-Z0-9]/.test(value)) return { ok: false, problem: 'characters' };
      return isMedicareMbi(value) ? { ok: true, value } : { ok: false, problem: 'mbi-format' };
    case 'bcbs':
      if (/[^A-Z0-9]/.test(value)) return { ok: false, problem: 'characters' };
      if (value.length > 17) return { ok: false, problem: 'too-long' };
      return hasBcbsPrefix(value) ? { ok: true, value } : { ok: false, problem: 'bcbs-prefix' };
    default:
      // The contract's own limits: letters, digits and dashes, 2 to 30 characters.
      if (/[^A-Z0-9-]/.test(value)) return { ok: false, problem: 'characters' };
      if (value.replace(/-/g, '').length < 2) return { ok: false, problem: 'too-short' };
      if (value.length > 30) return { ok: false, problem: 'too-long' };
      return { ok: true, value };
  }
}
