// Type declarations for the few deep modules of `natural` the triage imports. Importing the
// package root costs ~0.85 s and ~110 MB (it drags in database clients), so we load only these.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function DamerauLevenshteinDistance(source: string, target: string, options?: object): number;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
  export default JaroWinklerDistance;
}
