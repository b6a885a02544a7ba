/**
 * The positioned model of a filled form: what the PDF writer draws and what an on-screen preview or
 * a test can read. Units are PDF points (1/72 inch); x from the left edge, y from the TOP edge of the
 * page (text items: y of the baseline; reserved boxes: y of the top edge).
 */
import type { FontWeight } from './metrics';
import type { FormId, FormLanguage } from './types';

export interface LaidText {
  kind: 'text';
  text: string;
  x: number;
  y: number;
  size: number;
  weight: FontWeight;
  width: number;
  /** Fields whose values this text shows (blank lines only; paragraphs mix fixed text and values). */
  fields?: string[];
}

/** An underscored line of a blank (drawn as a rule, not underscore characters). */
export interface LaidRule {
  kind: 'rule';
  x: number;
  y: number;
  width: number;
  thickness: number;
}

/** Space kept free for something drawn later: the printed EDS stamp of the signing step. */
export interface LaidReserved {
  kind: 'reserved';
  purpose: 'eds-stamp';
  x: number;
  y: number;
  width: number;
  height: number;
}

export type LaidItem = LaidText | LaidRule | LaidReserved;

export interface LaidPage {
  /** 1-based. */
  number: number;
  items: LaidItem[];
}

export interface PageGeometry {
  width: number;
  height: number;
  margins: { top: number; right: number; bottom: number; left: number };
}

export interface FormLayout {
  form: FormId;
  language: FormLanguage;
  templateId: string;
  templateVersion: string;
  title: string;
  page: PageGeometry;
  pages: LaidPage[];
  /** Which weights the document uses (an unused font is not embedded). */
  weights: { regular: boolean; bold: boolean };
  /** Code points the font cannot show (printed as empty boxes); the desk may warn about them. */
  missingGlyphs: number[];
}

/** A vertical slice of the flow that is placed on one page as a whole. */
export interface Chunk {
  height: number;
  /** Items with y relative to the top of the chunk. */
  items: LaidItem[];
  /** Gap above, dropped at the top of a page. */
  spaceBefore: number;
  /** Never end a page after this chunk (a heading, a blank line whose caption follows). */
  keepWithNext: boolean;
}
