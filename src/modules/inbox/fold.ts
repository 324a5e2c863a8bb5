/**
 * Accent folding for search: "Équipe", "equipe" and "ÉQUIPE" find one another. PostgreSQL folds with the same
 * table in SQL (translate is immutable, so an index can hold it); SQLite's FTS5 tokenizer removes diacritics itself.
 */
export const ACCENTED = 'àâäáãåāçćčéèêëēęėíìîïīñńóòôöõøōúùûüūýÿžźżłšśÀÂÄÁÃÅĀÇĆČÉÈÊËĒĘĖÍÌÎÏĪÑŃÓÒÔÖÕØŌÚÙÛÜŪÝŸŽŹŻŁŠŚ';
export const PLAIN = 'aaaaaaaccceeeeeeeiiiiinnooooooouuuuuyyzzzlssAAAAAAACCCEEEEEEEIIIIINNOOOOOOOUUUUUYYZZZLSS';

const MAP = new Map([...ACCENTED].map((ch, i) => [ch, PLAIN[i]!]));

/** Lower case without accents, as the search index holds words. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += MAP.get(ch) ?? ch;
  return out.toLowerCase();
}

/** The PostgreSQL expression the GIN index is built on; queries must repeat it word for word to use the index. */
export const PG_SEARCH_VECTOR = `to_tsvector('simple', translate(text, '${ACCENTED}', '${PLAIN}'))`;

/** Words of a search as the index holds them: letters and digits, folded, at most 8 of them. */
export function searchWords(q: string): string[] {
  return (foldText(q).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}
