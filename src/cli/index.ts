/** Command-line entries, each run by an npm script: `chat.ts` (npm run chat), `triage.ts` (npm run triage), `eval.ts` (npm run eval); `rules.ts` is shared by the last two. */
export {};
