/** The terminal channel (`npm run chat`): replies rendered as text with numbered choices, and the case form filled field by field. */
export { renderForTerminal } from './render.js';
export { fillCaseForm } from './case-form.js';
