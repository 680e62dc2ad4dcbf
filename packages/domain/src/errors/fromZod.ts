import { z } from 'zod';
import { ValidationError, type FieldError } from './DomainError';

/** Norwegian messages for zod's built-in checks; schemas' own messages take precedence. */
export const zodErrorMap = z.locales.no().localeError;

export const fieldErrorsOf = (error: z.ZodError, prefix?: string): FieldError[] =>
  error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== undefined && part !== '').join('.'),
    message: issue.message,
  }));

/** Parses with bokmål messages; throws a ValidationError naming every bad field. */
export const parseWith = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  message: string,
  prefix?: string,
): z.output<S> => {
  const result = schema.safeParse(input, { error: zodErrorMap });
  if (!result.success) throw new ValidationError(message, fieldErrorsOf(result.error, prefix));
  return result.data;
};
