/**
 * The shape of the rule files in `intents/`, as zod schemas. Rule authors are not developers,
 * so every constraint carries a message that says what to write instead.
 */
import { z } from 'zod';
import { isCategoryId } from '../../domain/taxonomy.js';

const SELF_SERVICE_HOSTS = ['learn.microsoft.com', 'support.microsoft.com'];

const nonEmptyText = z.string().trim().min(1, 'must not be empty: delete the line or write the text');

export const linkSchema = z.object({
  title: nonEmptyText,
  url: z
    .string()
    .url('must be a full https:// address')
    .refine((url) => {
      try {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' && SELF_SERVICE_HOSTS.includes(parsed.hostname);
      } catch {
        return false;
      }
    }, `must be an https:// page on ${SELF_SERVICE_HOSTS.join(' or ')} (public Microsoft documentation)`),
});

/** Authors write `503` or `0x8004010f` unquoted; YAML reads those as numbers, we take them as text. */
const termText = z.union([z.number().transform(String), z.string()]).pipe(nonEmptyText);
/** An empty list may be written as `negative:` with nothing under it. */
const termList = z
  .array(termText)
  .nullish()
  .transform((terms) => terms ?? []);

export const intentSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]*$/, 'use lower-case letters, digits, dots and dashes, e.g. "mailflow-ndr"'),
    category: z.string().refine(isCategoryId, 'is not a category id of taxonomy.md: use one of its table, e.g. "exchange.mailflow"'),
    description: z.string().optional(),
    /** Strong cues: a few words that on their own point at this intent. */
    phrases: termList,
    /** Supporting words: each adds a little; several together point at this intent. */
    keywords: termList,
    /** Regular expressions over the lower-cased message, for error codes and the like. */
    patterns: termList,
    /** Cues that mean the message is NOT about this intent even when phrases match. */
    negative: termList,
    /**
     * Product names ("SharePoint", "Outlook"): when no rule places a message, a product it names
     * places it here, with low confidence, instead of leaving it unknown.
     */
    products: termList,
    /**
     * The intent names what a taxonomy tie-break makes the cause whatever symptom the message
     * also names: a platform the admin builds on (SharePoint Embedded, SPFx, add-in manifests),
     * a user account's own state behind a product's sign-in, a group's own rule on who may send
     * to it behind a bounce. When it places the message, it decides.
     */
    decides: z.boolean().default(false),
    /**
     * A standing fact about the tenant that stays true when told as history ("we bought our
     * licenses through GoDaddy years ago": the partner still bills and supports them), so the
     * engine's background reader does not discount it.
     */
    standing: z.boolean().default(false),
    examples: z.array(nonEmptyText).min(2, 'needs at least 2 example messages, written as an admin would'),
    links: z
      .array(linkSchema)
      .min(2, 'needs 2 to 4 self-service links (title + url)')
      .max(4, 'has more than 4 links: keep the 2 to 4 most useful'),
  })
  .strict()
  .refine((intent) => intent.phrases.length + intent.patterns.length > 0, {
    message: 'needs at least one phrase or pattern: keywords alone are too weak to place a message',
    path: ['phrases'],
  });

export const intentFileSchema = z
  .object({
    area: nonEmptyText,
    intents: z.array(intentSchema).min(1, 'lists no intents: add at least one under "intents:"'),
  })
  .strict();

export type IntentRule = z.infer<typeof intentSchema>;

/**
 * `intents/training/*.yaml`: example messages per category that train the statistical layer.
 * Unlike an intent's `examples`, the rules need not place them: they teach what the rules miss.
 */
export const trainingFileSchema = z
  .object({
    examples: z.record(
      z.string().refine(isCategoryId, 'is not a category id of taxonomy.md: use one of its table, e.g. "exchange.mailflow"'),
      z.array(nonEmptyText).min(3, 'needs at least 3 example messages: write them as admins would, in your own words'),
    ),
  })
  .strict();

export type TrainingFile = z.infer<typeof trainingFileSchema>;
export type IntentFile = z.infer<typeof intentFileSchema>;

/** A group of severity cues: phrases (word sequences, `*` skips up to three words) and regexes. */
const cueGroup = z
  .object({
    phrases: termList,
    patterns: termList,
  })
  .strict();

export const SEVERITY_CUE_GROUPS = [
  'question',
  'hypothetical',
  'asks_fix',
  'help_request',
  'config_ask',
  'regression',
  'documentation',
  'nothing_broken',
  'page_remark',
  'request',
  'failure',
  'impaired',
  'vague_failure',
  'everyone',
  'every_item',
  'several',
  'single',
  'one_person',
  'others_fine',
  'partial',
  'still_working',
  'working_fine',
  'refers_back',
  'group_name',
  'outage',
  'deadline',
  'workaround',
  'cosmetic',
  'display_fault',
  'control',
  'past',
  'past_event',
  'warning',
  'admin_only_workaround',
  'cut_off',
  'service_lapsed',
  'impact_field',
  'negation',
  'negation_after',
  'doubt',
] as const;
export type SeverityCueGroup = (typeof SEVERITY_CUE_GROUPS)[number];

export const severityFileSchema = z
  .object({
    cues: z
      .object(Object.fromEntries(SEVERITY_CUE_GROUPS.map((group) => [group, cueGroup])) as Record<SeverityCueGroup, typeof cueGroup>)
      .strict(),
  })
  .strict();

export type SeverityFile = z.infer<typeof severityFileSchema>;
