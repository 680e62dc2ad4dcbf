import { z } from 'zod';

const emailSchema = z.email();

export const isValidEmail = (value: string): boolean => emailSchema.safeParse(value).success;
