import type { Analyzer } from './analyzer';
import { englishAnalyzer } from './english';
import { germanAnalyzer } from './german';
import { japaneseAnalyzer } from './japanese';
import type { SearchLocale } from './locales';

/** The analyzer of each language the help center is searched in. */
export const ANALYZERS: Readonly<Record<SearchLocale, Analyzer>> = {
  en: englishAnalyzer,
  de: germanAnalyzer,
  ja: japaneseAnalyzer,
};
