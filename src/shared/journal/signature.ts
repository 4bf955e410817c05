/**
 * What every journal record shares (domain.md §6, journalføringsbekendtgørelsen): who signed and
 * when, the server's own times, the commit order of stored records, and the error a rule throws when
 * asked to change a final record. The device's clock is kept as what it is (signing happens offline,
 * hours before sync) and shown; the server's times are stamped by the server only and decide order.
 */
import * as z from 'zod/mini';
import { msg, optionalDateTime, optionalText } from '../schemas/fields.ts';

/** i18n keys (section "validation") of the journal rules. */
export const journalMsg = {
  /** A field that must stay empty with the other answers (e.g. a signature on a draft). */
  notApplicable: 'validation.notApplicable',
  /** A change to a signed record (or to the content of a signed visit): make an amendment. */
  signedReadOnly: 'validation.signedReadOnly',
} as const;

/** Who signs: the logged-in user (each user's own login). */
export type Signer = { id: string; displayName: string };

/**
 * Who signed and when; all '' until the record is signed. The ids are required of every new
 * signature by the server's write rule (registry); the schema also reads records signed before ids
 * were kept, so nothing signed is ever hidden.
 */
export const signatureShape = {
  /** The signer's name: set by the server from the login. */
  signedBy: optionalText(120),
  /** The signer's user id: checked by the server against the login. */
  signedById: optionalText(120),
  /** When, by the signing device's clock: shown, never used to decide anything. */
  signedAt: optionalDateTime,
  /** When the signature reached the server, by the server's clock (set by the server only). */
  serverSignedAt: optionalDateTime,
};

/** When the server first stored the record, by its own clock (set by the server only). */
export const recordedShape = { recordedAt: optionalDateTime };

export type Signature = { signedBy: string; signedById: string; signedAt: string; serverSignedAt?: string };
/** What a signature shows: who, and when by the device's and the server's clocks. */
export type ShownSignature = Pick<Signature, 'signedBy' | 'signedAt' | 'serverSignedAt'>;

type Ctx = { addIssue: (issue: { code: 'custom'; input: unknown; path: PropertyKey[]; message: string }) => void };

/** A signed record names its signer and time; an unsigned one has no signature at all. */
export function checkSignature(ctx: Ctx, doc: Signature, signed: boolean): void {
  for (const field of ['signedBy', 'signedAt'] as const) {
    if (signed && doc[field] === '')
      ctx.addIssue({ code: 'custom', input: doc[field], path: [field], message: msg.required });
  }
  if (signed) return;
  for (const field of ['signedBy', 'signedById', 'signedAt', 'serverSignedAt'] as const) {
    const value = doc[field] ?? '';
    if (value !== '') ctx.addIssue({ code: 'custom', input: value, path: [field], message: journalMsg.notApplicable });
  }
}

/** The signature a device writes; the server sets the name and its own time (write-rules.ts). */
export const signatureOf = (signer: Signer, now: Date): Signature => ({
  signedBy: signer.displayName,
  signedById: signer.id,
  signedAt: now.toISOString(),
});

/** The time to show for a signature: the server's when it has one, else the device's. */
export const signedTimeOf = (doc: ShownSignature): string =>
  doc.serverSignedAt !== undefined && doc.serverSignedAt !== '' ? doc.serverSignedAt : doc.signedAt;

/** Device and server times of a signature more than a day apart: the UI shows both. */
export function signatureTimesDiffer(doc: ShownSignature, dayMs = 24 * 60 * 60 * 1000): boolean {
  if (!doc.serverSignedAt || doc.signedAt === '') return false;
  return Math.abs(Date.parse(doc.serverSignedAt) - Date.parse(doc.signedAt)) > dayMs;
}

/** Thrown when a rule is asked to change a final record (a caller's bug: the UI never offers it). */
export class FinalRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FinalRecordError';
  }
}

/** A record as stored: its id, the server's commit sequence when known, and its data. */
export type Stored<T> = { id: string; seq?: number | null; data: T };

/**
 * Commit order: records the server has acknowledged by their `seq`, then records not yet synced in
 * the order given (the local outbox order). Stable, and independent of any clock.
 */
export function inCommitOrder<T>(records: readonly Stored<T>[]): Stored<T>[] {
  const rank = (r: Stored<T>) => (typeof r.seq === 'number' ? r.seq : Number.POSITIVE_INFINITY);
  return records.toSorted((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra === rb ? 0 : ra < rb ? -1 : 1;
  });
}

export const signedStatuses = ['kladde', 'underskrevet'] as const;
export type SignedStatus = (typeof signedStatuses)[number];

/** The status field of a record that is a draft (kladde) until signed (underskrevet). */
export const signedStatus = z._default(z.enum(signedStatuses, { error: msg.invalidChoice }), 'kladde');
