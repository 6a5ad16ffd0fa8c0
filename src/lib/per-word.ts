/**
 * A function of a word, remembered: news repeats its words from article to article, and folding
 * and weighing one costs more than looking it up. Forgotten all at once when `max` words are
 * held, so memory stays bounded whatever the vocabulary.
 */
export function perWord<T>(fn: (word: string) => T, max = 100_000): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    let value = known.get(word);
    if (value === undefined) {
      if (known.size >= max) known.clear();
      value = fn(word);
      known.set(word, value);
    }
    return value;
  };
}
