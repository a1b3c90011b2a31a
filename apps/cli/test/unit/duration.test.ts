import { describe, expect, it } from 'vitest';
import { durationOption, parseDuration, parseExpiry } from '../../src/duration.js';
import { CliError } from '../../src/errors.js';

const now = new Date('2026-11-24T07:00:00.000Z');

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['15m', 900_000],
    ['12h', 43_200_000],
    ['30d', 30 * 86_400_000],
    ['2w', 14 * 86_400_000],
    ['1y', 365 * 86_400_000],
    [' 7d ', 7 * 86_400_000],
    ['0d', 0],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '30', 'd', '1.5d', '-3d', '3 days', '3D', '1mo', '2026-01-01'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );

  it('names the option in the usage error', () => {
    expect(() => durationOption('--expiring-within', 'soon')).toThrow(
      /--expiring-within must be a duration/,
    );
    try {
      durationOption('--expiring-within', 'soon');
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
    }
  });
});

describe('parseExpiry', () => {
  it('adds a duration to now', () => {
    expect(parseExpiry('90d', now).toISOString()).toBe('2027-02-22T07:00:00.000Z');
  });

  it('reads a date as midnight UTC and a date-time as given', () => {
    expect(parseExpiry('2027-01-31', now).toISOString()).toBe('2027-01-31T00:00:00.000Z');
    expect(parseExpiry('2027-01-31T12:30:00Z', now).toISOString()).toBe('2027-01-31T12:30:00.000Z');
    expect(parseExpiry('2027-01-31T12:30:00+02:00', now).toISOString()).toBe(
      '2027-01-31T10:30:00.000Z',
    );
  });

  it('refuses the past, the present and nonsense', () => {
    expect(() => parseExpiry('2026-01-01', now)).toThrow(/must be in the future/);
    expect(() => parseExpiry('0d', now)).toThrow(/must be in the future/);
    expect(() => parseExpiry('next tuesday', now)).toThrow(/ISO date .* or a duration/);
    expect(() => parseExpiry('2027-13-45', now)).toThrow(/not a real date/);
  });
});
