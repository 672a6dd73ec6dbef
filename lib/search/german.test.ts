import { describe, expect, it } from 'vitest';
import { CompoundSplitter } from './compounds';
import { foldGerman, germanAnalyzer } from './german';

const terms = (text: string) =>
  germanAnalyzer
    .words(text)
    .filter((w) => !germanAnalyzer.isStopWord(w))
    .map(germanAnalyzer.stem);

describe('German analysis', () => {
  it('reads umlauts, their ae/oe/ue spelling and ß alike', () => {
    expect(foldGerman('Schaltfläche')).toBe(foldGerman('Schaltflaeche'));
    expect(foldGerman('ÜBERSICHT')).toBe(foldGerman('uebersicht'));
    expect(foldGerman('Straße')).toBe(foldGerman('Strasse'));
    expect(terms('Zugriff für Benutzer')).toEqual(terms('Zugriff fuer BENUTZER'));
  });

  it('stems inflections together, loanword plurals included', () => {
    expect(terms('Richtlinien')).toEqual(terms('Richtlinie'));
    expect(terms('Anfragen genehmigen')).toEqual(terms('Anfrage Genehmigung'));
    expect(terms('Apps Kontos APIs')).toEqual(terms('App Konto API'));
  });

  it('drops function words and question words, keeps the topic', () => {
    expect(terms('Wie kann ich die App bei uns widerrufen?')).toEqual(terms('App widerrufen'));
  });
});

describe('CompoundSplitter', () => {
  const counts = new Map(
    Object.entries({
      daten: 5,
      sicherheit: 4,
      richtlinie: 6,
      zugriff: 9,
      regel: 3,
      app: 30,
      ein: 40,
      stellung: 1,
    }),
  );
  const splitter = new CompoundSplitter(
    { count: (w) => counts.get(w) ?? 0 },
    { isStopWord: (w) => germanAnalyzer.isStopWord(w) },
  );

  it('splits a compound into the words the corpus uses on their own, across linking letters', () => {
    expect(splitter.split('datensicherheitsrichtlinie')).toEqual(['daten', 'sicherheit', 'richtlinie']);
    expect(splitter.split('appzugriffsregel')).toEqual(['app', 'zugriff', 'regel']);
  });

  it('leaves alone words it cannot cover with known words, and never splits off function words', () => {
    expect(splitter.split('datenschutzbeauftragter')).toBeUndefined();
    expect(splitter.split('einstellung')).toBeUndefined();
  });

  it('splits a compound the corpus also uses whole (the index keeps both)', () => {
    const frequent = new CompoundSplitter({
      count: (w) => ({ zugriffsregel: 50, zugriff: 2, regel: 2 })[w] ?? 0,
    });
    expect(frequent.split('zugriffsregeln')).toEqual(['zugriff', 'regel']);
  });
});
