/**
 * How the build folds a booklet: in signatures once it is too thick to fold
 * as one, and with creep once its inner sheets stick out at the open edge.
 * The front matter's `signature` and `creep` say otherwise; the defaults are
 * applied here, and only here.
 */
import { millimetres } from '../config/length.ts';

/** A booklet of more than this many sheets is folded in signatures by default. */
export const SIGNATURES_OVER = 8;
/** Sheets per signature by default: 16 pages, which office paper folds and staples cleanly. */
export const SIGNATURE_SHEETS = 4;
/** A booklet of more than this many sheets gets creep by default. */
export const CREEP_OVER = 4;
/** Office paper, 80 g/m², is about 0.1 mm thick: each sheet of a fold pushes the inner ones out by about that much. */
export const SHEET_THICKNESS = (0.1 * 72) / 25.4;

export interface FoldingOptions {
  /** The reading edition's pages. */
  pageCount: number;
  /** Front matter `signature`: sheets per signature. Default: SIGNATURE_SHEETS over SIGNATURES_OVER sheets, else one signature. */
  signature?: number | undefined;
  /** Front matter `creep`, in points. Default: SHEET_THICKNESS a sheet of a signature over CREEP_OVER sheets, else 0. */
  creep?: number | undefined;
}

export interface Folding {
  /** Sheets per signature, or undefined for one signature of every sheet. */
  signature: number | undefined;
  /** Points the innermost sheet of each signature moves toward the spine. */
  creep: number;
  /** For the build's table: "7 signatures of 4 sheets, creep 0.4 mm (office paper)", or undefined when there is neither. */
  note: string | undefined;
}

export function bookletFolding({ pageCount, signature, creep }: FoldingOptions): Folding {
  const sheets = Math.max(1, Math.ceil(pageCount / 4));
  const chosen = signature ?? (sheets > SIGNATURES_OVER ? SIGNATURE_SHEETS : undefined);
  const perSignature = Math.min(chosen ?? sheets, sheets);
  const signatures = Math.ceil(sheets / perSignature);
  const applied = creep ?? (sheets > CREEP_OVER ? perSignature * SHEET_THICKNESS : 0);

  const parts: string[] = [];
  if (signatures > 1) {
    const last = sheets - perSignature * (signatures - 1);
    parts.push(`${signatures} signatures of ${perSignature} sheets${last === perSignature ? '' : ` (the last ${last})`}`);
  }
  if (applied > 0) parts.push(`creep ${millimetres(applied)}${creep === undefined ? ' (office paper, 0.1 mm a sheet)' : ''}`);
  return { signature: signatures > 1 ? perSignature : undefined, creep: applied, note: parts.length > 0 ? parts.join(', ') : undefined };
}
