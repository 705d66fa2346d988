// Stands in for `adaptivecards/src/schema`, which adaptivecards-templating's declarations import:
// it is a TypeScript source file of the adaptivecards package that does not compile under our
// strict NodeNext settings. tsconfig.json maps the import here. Only the card's shape is needed.
export interface IAdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly [key: string]: unknown;
}
