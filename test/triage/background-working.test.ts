/**
 * A clause that only says something works ("Teams and OneDrive are fine for them") names what is
 * NOT the problem, wherever it stands: its products and phrases never place the message. A
 * clause that says something works and something fails still counts. Every message here is
 * written for the test; none comes from a set.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

const categoryOf = (message: string) => engine.triage(message).category;

describe('a clause that only says something works', () => {
  it.each([
    ['Nobody in the legal team can open their mailbox in Outlook.', ' Teams and OneDrive are working fine for them.'],
    ['Two people in purchasing cannot open the shared mailbox in Outlook since Monday.', ' Teams works fine on their laptops.'],
  ])('after the request, does not move the category: %s', (request, fine) => {
    const alone = categoryOf(request);
    expect(alone).not.toBe('unknown');
    expect(categoryOf(request + fine)).toBe(alone);
  });

  it('still counts when the same clause says what fails', () => {
    expect(categoryOf('Teams works fine on the desktop but the mobile app cannot join any meeting.')).toBe('skype.communication');
  });
});
