/**
 * Who a case may be assigned to: only the engineers SUPPORT_ENGINEERS lists (their id or email,
 * compared without letter case). Free text ("Mallory <script>") is refused with the list, so a
 * typo never parks a case with nobody.
 */
import type { SupportDeskConfig } from './config.js';

export type AssigneeCheck = { readonly ok: true; readonly engineer: string } | { readonly ok: false; readonly message: string };

export function checkAssignee(config: Pick<SupportDeskConfig, 'engineers'>, typed: string | undefined): AssigneeCheck {
  const wanted = typed?.trim().toLowerCase();
  if (!wanted) return { ok: false, message: 'Say who to assign the case to.' };
  if (config.engineers.length === 0) {
    return { ok: false, message: 'Assign needs SUPPORT_ENGINEERS to list who may be assigned; use Claim to take the case yourself.' };
  }
  const engineer = config.engineers.find((entry) => entry === wanted);
  if (!engineer) return { ok: false, message: `Only support engineers can be assigned. Pick one of: ${config.engineers.join(', ')}.` };
  return { ok: true, engineer };
}

/** The support channel's line that tells the assignee (every support channel shows it). */
export function assignedNote(engineer: string, by: string, number: string, title: string): string {
  return `📌 ${engineer}: ${by} assigned ${number} (${title}) to you.`;
}
