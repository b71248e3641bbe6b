import { HttpException, HttpStatus } from '@nestjs/common';

export interface ErrorDetail {
  field: string;
  problem: string;
}

/** Error with the contract shape; message is for people (Bahasa Indonesia / English). */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, message: string, details: ErrorDetail[] = [], extra: Record<string, unknown> = {}) {
    super({ message, details, ...extra }, status);
  }
}

export const notFound = (what = 'Resource') =>
  new ApiError(HttpStatus.NOT_FOUND, `${what} tidak ditemukan / not found`);
export const conflict = (message: string, details: ErrorDetail[] = []) =>
  new ApiError(HttpStatus.CONFLICT, message, details);
export const unprocessable = (message: string, details: ErrorDetail[] = [], extra: Record<string, unknown> = {}) =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, message, details, extra);
export const badRequest = (message: string, details: ErrorDetail[] = []) =>
  new ApiError(HttpStatus.BAD_REQUEST, message, details);
export const forbidden = (message = 'Akses ditolak / forbidden') => new ApiError(HttpStatus.FORBIDDEN, message);
