/**
 * Words that carry no topic in a help-center query ("how do I …", "why is my …").
 * Dropped from both documents and queries so that long pasted text and questions
 * are scored on their content words.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are aren as at be because been before being ' +
    'below between both but by can cannot could couldn did didn do does doesn doing don down during each ' +
    'few for from further had hadn has hasn have haven having he her here hers herself him himself his how ' +
    'i if in into is isn it its itself just let me more most mustn my myself no nor not of off on once only ' +
    'or other ought our ours ourselves out over own same she should shouldn so some such than that the their ' +
    'theirs them themselves then there these they this those through to too under until up very was wasn we ' +
    'were weren what when where which while who whom why will with won would wouldn you your yours yourself ' +
    'yourselves s t d ll m re ve also etc e g eg ie via please thanks thank hi hello anyone someone something ' +
    'want wants need needs trying tried try get got getting keep keeps still every suddenly really way ways ' +
    'able like one ones us im ive dont cant isnt doesnt'
  ).split(/\s+/),
);
