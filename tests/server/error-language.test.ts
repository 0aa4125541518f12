import { describe, expect, it } from 'vitest';
import { AppError, ENGLISH, text, toAppError, wordText } from '../../server/errors';
import { headersLocale } from '../../server/http/request-locale';

const GERMAN = { language: 'de' as const, formatLocale: 'de-DE' };

describe('the server wording a message in the request language', () => {
  it('[L6] an error given by its key is English in its message and logs, German on the wire for a German reader', () => {
    const error = toAppError(new Error('boom'));
    expect(error.message).toBe('The server could not handle the request.');
    expect(error.toProtocol()).toEqual({
      code: 'INTERNAL',
      message: 'The server could not handle the request.',
    });
    expect(error.toProtocol(GERMAN)).toEqual({
      code: 'INTERNAL',
      message: 'Der Server konnte die Anfrage nicht bearbeiten.',
    });
  });

  it('[L6] a message written as text stays as written in every language; retryAfterMs travels either way', () => {
    const error = new AppError('RATE_LIMITED', 'Slow down.', 1500);
    expect(error.toProtocol(GERMAN)).toEqual({
      code: 'RATE_LIMITED',
      message: 'Slow down.',
      retryAfterMs: 1500,
    });
  });

  it('[L6] a message inside a message is worded in the same language, numbers in the reader format', () => {
    const problem = text('imports', 'fieldProblem', {
      field: 'Fee',
      problem: text('imports', 'notNegative'),
    });
    const line = text('imports', 'atLine', { line: 12345, problem });
    expect(wordText(line, ENGLISH)).toBe('line 12,345: Fee: must not be negative');
    expect(wordText(line, GERMAN)).toBe('Zeile 12.345: Fee: darf nicht negativ sein');
    expect(new AppError('BAD_REQUEST', line).message).toBe('line 12,345: Fee: must not be negative');
  });

  it('[L1][L2][L3] the language of a request: its cookie, else Accept-Language, else English', () => {
    expect(headersLocale({ 'accept-language': 'de-AT,de;q=0.9' })).toEqual({
      language: 'de',
      formatLocale: 'de-AT',
    });
    expect(headersLocale({ 'accept-language': 'de-DE', cookie: 'sid=x; livefolio-language=en' })).toEqual({
      language: 'en',
      formatLocale: 'en-US',
    });
    expect(headersLocale({ cookie: 'livefolio-language=de' })).toEqual({
      language: 'de',
      formatLocale: 'de-DE',
    });
    expect(headersLocale({})).toEqual({ language: 'en', formatLocale: 'en-US' });
    expect(headersLocale({ cookie: '%%%;;==', 'accept-language': '???' })).toEqual({
      language: 'en',
      formatLocale: 'en-US',
    });
  });
});
