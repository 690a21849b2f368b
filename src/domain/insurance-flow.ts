/** Rules of the insurance widget's steps that need no browser: its steps, and which insurers match what a person typed. */

/** The steps of `<iop-insurance-verification>`: payer, member, checking; self-pay and callback branch off. */
export type InsuranceStep = 'payer' | 'member' | 'checking' | 'self-pay' | 'callback';

/** What the insurer search matches on; the server's search uses the same rule. */
export interface SearchablePayer {
  readonly name: string;
  readonly aliases: readonly string[];
}

/**
 * Case-insensitive match on the name or any alias. The combobox applies it to the list on screen
 * at each keystroke, so Down and Enter pressed right after typing choose among insurers matching
 * what was typed, not among the answers to an earlier, shorter query still on screen.
 */
export function payersMatching<P extends SearchablePayer>(payers: readonly P[], query: string): P[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...payers];
  return payers.filter((payer) => [payer.name, ...payer.aliases].some((name) => name.toLowerCase().includes(needle)));
}
