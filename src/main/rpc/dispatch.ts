/**
 * Validates and runs one contract call. Shared by the Electron IPC binding and the browser
 * host's WebSocket binding so both reject bad input the same way (HOUSE_STYLE.md "The contract").
 */
import type { z } from 'zod';
import { isMethodName, methods, type MethodName, type MethodOutput, type Result } from '../../shared/api';
import { AppError } from '../../shared/errors';

export type MethodHandler<M extends MethodName> = (
  input: z.output<(typeof methods)[M]['input']>,
) => Promise<MethodOutput<M>> | MethodOutput<M>;

export type Handlers = { [M in MethodName]?: MethodHandler<M> };

export interface DispatchOptions {
  /** Called with unexpected errors (not AppError); never shown to the user verbatim. */
  onInternalError?: (method: string, error: unknown) => void;
}

export async function dispatch(
  handlers: Handlers,
  method: unknown,
  input: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknownMethod', message: `Unknown method ${String(method).slice(0, 100)}` } };
  }
  const parsed = methods[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalidInput',
        message: `Invalid input for ${method}`,
        details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      },
    };
  }
  const handler = handlers[method] as MethodHandler<MethodName> | undefined;
  if (!handler) {
    return { ok: false, error: { code: 'unsupported', message: `${method} is not available here` } };
  }
  try {
    const value = await handler(parsed.data as never);
    return { ok: true, value: value ?? null };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
    }
    options.onInternalError?.(method, error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Postvak' } };
  }
}
