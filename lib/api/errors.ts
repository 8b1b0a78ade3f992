// The one error table: every code the API can return, its HTTP status and default message.
// The spec's catalogue plus the project's REQUEST_* and IDEMPOTENCY_* codes (README documents all).

export const ERROR_CODES = {
  AUTH_001: { status: 401, message: "Invalid or missing authentication token" },
  AUTH_002: { status: 401, message: "Token expired" },
  AUTH_003: { status: 403, message: "Insufficient permissions" },
  // Validation errors are 400 (the request itself is wrong); 422 is kept for idempotency conflicts.
  VALIDATION_001: { status: 400, message: "Required field missing" },
  VALIDATION_002: { status: 400, message: "Invalid field format" },
  VALIDATION_003: { status: 400, message: "Field value out of range" },
  RESOURCE_001: { status: 404, message: "Resource not found" },
  RESOURCE_002: { status: 409, message: "Resource already exists" },
  RESOURCE_003: { status: 409, message: "Resource cannot be modified" },
  SERVICE_001: { status: 503, message: "External service unavailable" },
  SERVICE_002: { status: 429, message: "Rate limit exceeded" },
  SERVICE_003: { status: 503, message: "Service configuration error" },
  SYSTEM_001: { status: 500, message: "Internal server error" },
  SYSTEM_002: { status: 503, message: "Database connection error" },
  SYSTEM_003: { status: 504, message: "Network timeout" },
  REQUEST_001: { status: 405, message: "Method not allowed" },
  REQUEST_002: { status: 413, message: "Request body too large" },
  REQUEST_003: { status: 415, message: "Unsupported media type" },
  IDEMPOTENCY_001: { status: 422, message: "Idempotency-Key was already used with a different request" },
  IDEMPOTENCY_002: { status: 409, message: "A request with this Idempotency-Key is still in progress" },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type ErrorDetails = Record<string, unknown>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  /** Extra response headers, e.g. Retry-After on SERVICE_002 or Allow on REQUEST_001. */
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message?: string, details: ErrorDetails = {}, headers: Record<string, string> = {}) {
    super(message ?? ERROR_CODES[code].message);
    this.name = "ApiError";
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}
