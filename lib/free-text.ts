import { z } from 'zod';

// Text people type (messages, reasons, comments, display names) is stored as plain text and always
// rendered escaped; what is cleaned here is what would break a store, a line or a reader: NUL
// (PostgreSQL rejects it in text), the other C0 and C1 control characters, and lone surrogates
// (not Unicode). Neutral, like validate-input.ts: schemas in every domain folder use it.

// C0 controls except tab and line feed, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const LINE_BREAK = /\r\n?/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Lone surrogates become U+FFFD (String.prototype.toWellFormed, which ES2023 typings lack). */
const wellFormed = (value: string) => value.replace(LONE_SURROGATE, '\uFFFD');

/** Multi-line free text: line breaks kept (CR LF and CR become LF), other controls dropped, trimmed. */
export function cleanFreeText(value: string): string {
  return wellFormed(value).replace(LINE_BREAK, '\n').replace(CONTROL, '').trim();
}

/**
 * One line (a name, a title, an e-mail subject): every control character, line breaks and tabs
 * included, becomes a space, runs of spaces one, trimmed. A name can never start a new line.
 */
export function singleLine(value: string): string {
  return wellFormed(value)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * A free-text field of a request body: at most `max` characters as sent, cleaned as above, and
 * absent when nothing is left. Every free-text field in an input schema is one of these.
 */
export function freeTextSchema(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .transform(cleanFreeText)
    .transform((value) => (value === '' ? undefined : value));
}
