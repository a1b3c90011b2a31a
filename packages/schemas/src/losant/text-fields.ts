import { z } from 'zod';
import { mustBe } from './messages.js';

/** A token's `name`: 1 to 255 characters. */
export const tokenName = z
  .string({ error: mustBe('a string') })
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters');

/** A token's `description`: at most 32767 characters. */
export const tokenDescription = z
  .string({ error: mustBe('a string') })
  .max(32767, 'must be at most 32767 characters');
