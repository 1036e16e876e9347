import {
  ArityError,
  EmptyExpressionError,
  IncompleteExpressionError,
  search as jmespathSearch,
  LexerError,
  ParseError,
  UnknownFunctionError,
  VariadicArityError,
} from '@aws-lambda-powertools/jmespath';

/** Errors that mean the expression itself is wrong, whatever the vendor answers. */
const MALFORMED = [LexerError, ParseError, IncompleteExpressionError, EmptyExpressionError, UnknownFunctionError, ArityError, VariadicArityError];

/** A connector definition's expression that is not JMESPath (jmespath.org/specification). */
export class JmesPathError extends Error {
  override name = 'JmesPathError';
}

/**
 * Checks an expression when the definition is read (register check, cold start), by evaluating it
 * against an empty answer: a malformed one throws, one that merely finds nothing does not.
 */
export function compile(expression: string): void {
  try {
    jmespathSearch(expression, {});
  } catch (err) {
    if (MALFORMED.some((cls) => err instanceof cls)) throw new JmesPathError((err as Error).message);
  }
}

/** Picks values out of a vendor's answer (Powertools' JMESPath, the full language). */
export function search(expression: string, data: unknown): unknown {
  return jmespathSearch(expression, data as Parameters<typeof jmespathSearch>[1]);
}
