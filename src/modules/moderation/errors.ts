import { AppError } from '../../http/errors.js';

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;

export const notPossible = (message: string) => new AppError('not_possible', 422, message);
