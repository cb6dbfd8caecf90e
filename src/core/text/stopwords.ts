// Words that say nothing about which topic is meant. Question words (when, why, how, where) and
// negations are deliberately absent: "when" points at the monthly grant, "not" at a missing one.
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the is are am was were be been being to of in on at by for from with about into as and or but
  it its this that these those there here i me we us our ours you yours he she him her they them their
  so just also very really do does did done doing would could should shall may might
  must will can cannot get getting some any all one s t please kindly dear sir madam hi hello hey
  guys everyone team anyone someone upwork platform site website`
    .split(/\s+/)
    .filter(Boolean),
);
