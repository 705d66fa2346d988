/**
 * A result's reasons are worded when read, one language at a time (reasons.ts,
 * `wordedOnDemand`): whoever reads the result (a JSON log, a spread copy, a stored triage) must
 * still see them as plain data, in the admin's own typing of the cues.
 */
import { describe, expect, it } from 'vitest';
import { sharedRules } from '../support/rules.js';

const engine = sharedRules();
const MESSAGE = "Outlook can't send mail for the whole sales floor since 9am, NDR 550 5.7.1";

describe('reasons worded on demand', () => {
  it('are the same sentences whichever way the result is read', () => {
    const result = engine.triage(MESSAGE);
    const copy = { ...result };
    const parsed = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(result.reasons.length).toBeGreaterThan(1);
    expect(copy.reasons).toEqual(result.reasons);
    expect(parsed.reasons).toEqual(result.reasons);
    expect(parsed.reasonsByLang).toEqual({ en: result.reasons, 'zh-TW': result.reasonsByLang['zh-TW'] });
    // The cue is quoted as the admin typed it ("can't send"), not as normalized ("can not send").
    expect(result.reasons.join(' ')).toContain("can't send");
    expect(result.reasonsByLang['zh-TW'].join(' ')).toContain("can't send");
  });

  it('keep their place among the fields, so a result serializes as before', () => {
    const keys = Object.keys(engine.triage(MESSAGE));
    expect(keys.slice(keys.indexOf('confidence'), keys.indexOf('confidence') + 4)).toEqual(['confidence', 'reasons', 'reasonsByLang', 'links']);
    expect(Object.keys(engine.triage('zxqv plorb'))).toContain('reasons');
  });

  it('in one language do not depend on whether the other was read first', () => {
    const enFirst = engine.triage(MESSAGE);
    const en = [...enFirst.reasonsByLang.en];
    const zhFirst = engine.triage(MESSAGE);
    const zh = [...zhFirst.reasonsByLang['zh-TW']];
    expect(zhFirst.reasonsByLang.en).toEqual(en);
    expect(enFirst.reasonsByLang['zh-TW']).toEqual(zh);
  });
});
