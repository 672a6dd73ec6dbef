import { describe, expect, it } from 'vitest';
import { japaneseAnalyzer as ja } from './japanese';

const terms = (text: string) =>
  ja
    .words(text)
    .filter((w) => !ja.isStopWord(w))
    .map(ja.stem);

describe('Japanese analysis', () => {
  it('cuts text without spaces into the same words as text with them', () => {
    expect(terms('データセキュリティポリシー')).toEqual(terms('データ セキュリティ ポリシー'));
    expect(terms('データセキュリティポリシー')).toEqual(['データ', 'セキュリティ', 'ポリシー']);
  });

  it('reads full-width Latin and half-width katakana as their usual forms (NFKC)', () => {
    expect(terms('ＩＰ許可リスト')).toEqual(terms('IP 許可リスト'));
    expect(terms('ｸﾗｳﾄﾞ ID')).toEqual(terms('クラウド ID'));
  });

  it('drops particles and polite endings, keeps nouns and verbs', () => {
    const asked = terms('ユーザーが勝手にアプリをインストールできないようにするにはどうすればいいですか?');
    expect(asked).toEqual(expect.arrayContaining(['ユーザー', '勝手', 'アプリ', 'インストール']));
    expect(asked).not.toEqual(expect.arrayContaining(['が', 'を', 'です', 'か', 'どう']));
  });

  it('reads Latin words inside Japanese text as English, so a quoted English error matches', () => {
    expect(terms('「Connected apps」の設定')).toEqual(['connect', 'app', '設定']);
  });

  it('has no typo tolerance by edit distance: one kana or kanji apart is another word', () => {
    expect(ja.typoTolerance).toBe(false);
  });

  it('gives each word its place in the original text, for snippets', () => {
    const text = 'ｸﾗｳﾄﾞ ID を調べる';
    const segments = ja.segments(text);
    expect(segments.map((s) => s.word)).toEqual(ja.words(text));
    for (const s of segments) expect(text.slice(s.start, s.end).normalize('NFKC').toLowerCase()).toBe(s.word);
  });
});
