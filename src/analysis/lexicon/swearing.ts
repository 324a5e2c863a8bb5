// Swear words that are often exclamations ("putain, quelle belle journée", "fuck yeah", "merde, encore en retard").
export const SWEAR_WORDS = ['putain', 'ptn', 'merde', 'bordel', 'punaise', 'fuck', 'shit', 'damn', 'dammit', 'wtf', 'omg', 'crap', 'hell', 'bloody', 'jesus', 'christ', 'fml', 'pff', 'zut', 'mince'];
