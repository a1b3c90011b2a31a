import * as z from 'zod/mini';
import { mustBe } from '../messages.js';

const EXPECTED = 'an ISO 8601 date-time with a time zone, e.g. 2026-01-01T00:00:00Z';

/**
 * A JSON-schema `format: date-time` value: `YYYY-MM-DDTHH:MM:SS[.fraction]` and `Z` or an
 * `±HH:MM` offset, a real calendar date. This is the canonical subset of what ajv-formats
 * accepts (it also takes a lowercase `t`/`z`, a space separator, `±HHMM`/`±HH` offsets and a
 * leap second); the README lists those differences.
 */
export const dateTime = z.iso.datetime({ offset: true, error: mustBe(EXPECTED) });
