// Text ↔ token ids for character models: a typed prefix becomes the model's input window, ids become text.

export type Encoded = { ok: true; ids: number[] } | { ok: false; message: string };

/**
 * The input window a next-character model reads after `text`: the characters' ids, padded on the left
 * with the boundary token (id `boundary`, "." in the names dataset) to `window` ids and cut to the last `window`.
 * Upper case is folded because the names vocabulary is lower case.
 */
export function textToTokenIds(text: string, vocabulary: readonly string[], window: number, boundary = 0): Encoded {
  const idOf = new Map(vocabulary.map((t, i) => [t, i]));
  const ids: number[] = [];
  for (const [position, raw] of [...text].entries()) {
    const c = idOf.has(raw) ? raw : raw.toLowerCase();
    const id = idOf.get(c);
    if (id === undefined) {
      const shown = raw === ' ' ? 'a space' : `“${raw}”`;
      return {
        ok: false,
        message: `${shown} (character ${position + 1}) is not in the model's vocabulary: ${vocabulary.join('')}`,
      };
    }
    ids.push(id);
  }
  const padded = [...new Array<number>(window).fill(boundary), ...ids];
  return { ok: true, ids: padded.slice(padded.length - window) };
}

/** The characters of `ids`, boundary padding shown as "." so the heatmap's columns line up with them. */
export function tokenLabels(ids: readonly number[], vocabulary: readonly string[]): string[] {
  return ids.map((id) => vocabulary[id] ?? '?');
}

/** Text of `ids`, stopping at the first boundary token after some text (the end of a name). */
export function decodeTokens(ids: readonly number[], vocabulary: readonly string[], boundary = 0): string {
  let text = '';
  for (const id of ids) {
    if (id === boundary) {
      if (text) break;
      continue;
    }
    text += vocabulary[id] ?? '';
  }
  return text;
}

/** A generated name shown capitalised, as names are written. */
export function displayName(name: string): string {
  return name ? name[0]!.toUpperCase() + name.slice(1) : name;
}
