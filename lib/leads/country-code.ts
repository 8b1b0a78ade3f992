import { z } from "zod";
import { isSupportedCountry } from "libphonenumber-js";

/** An ISO 3166 alpha-2 country the phone metadata knows (so "UK" is refused: it is "GB"). */
export const countryCodeSchema = z
  .string()
  .refine((v) => /^[A-Z]{2}$/.test(v) && isSupportedCountry(v), "Must be a two-letter country code with phone numbering, e.g. US or GB");
