/**
 * JSON written already (by the database, for an inbox page): an answer sends this text as it is rather than
 * turning it into values and back.
 */
export class JsonText {
  constructor(readonly text: string) {}
}
