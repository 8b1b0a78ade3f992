// Password rules, safe to import in the browser (forms show the same limits the API enforces).
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
