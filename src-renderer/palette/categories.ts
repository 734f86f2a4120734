// Groups the layer registry into the palette's sections; a category with no layers is left out,
// so Recurrent appears as soon as such a layer registers.
import { LAYER_CATEGORIES, type LayerDef } from '../app/engine';

export interface PaletteGroup {
  key: string;
  label: string;
  layers: LayerDef[];
}

/** The palette's sections in order: the engine's categories, grouped by the section each names. */
const SECTIONS: Array<{ key: string; label: string; categories: string[] }> = [];
for (const { name, section } of LAYER_CATEGORIES) {
  const existing = SECTIONS.find((s) => s.label === section);
  if (existing) existing.categories.push(name);
  else SECTIONS.push({ key: name.toLowerCase(), label: section, categories: [name] });
}

export function groupLayers(layers: readonly LayerDef[], query = ''): PaletteGroup[] {
  const q = query.trim().toLowerCase();
  const matches = (l: LayerDef) =>
    !q || l.type.toLowerCase().includes(q) || l.category.toLowerCase().includes(q) || l.description.toLowerCase().includes(q);
  const shown = layers.filter(matches);
  const groups: PaletteGroup[] = SECTIONS.map((s) => ({
    key: s.key,
    label: s.label,
    layers: shown.filter((l) => s.categories.includes(l.category)),
  }));
  // A category the palette does not know yet still shows, under its own name.
  const known = new Set(SECTIONS.flatMap((s) => s.categories));
  for (const category of [...new Set(shown.map((l) => l.category))].filter((c) => !known.has(c))) {
    groups.push({ key: category.toLowerCase(), label: category, layers: shown.filter((l) => l.category === category) });
  }
  // Exact name matches first, so typing "dense" puts Dense on top.
  if (q)
    for (const g of groups)
      g.layers.sort((a, b) => Number(b.type.toLowerCase().startsWith(q)) - Number(a.type.toLowerCase().startsWith(q)));
  return groups.filter((g) => g.layers.length > 0);
}
