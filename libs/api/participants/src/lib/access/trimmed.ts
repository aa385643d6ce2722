import { Transform } from 'class-transformer';

/** Trims a string before validation (so "  " fails a length check instead of passing). */
export const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims a string and turns an empty one into null: a cleared optional field. */
export const trimmedOrNull = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));
