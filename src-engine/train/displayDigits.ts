// Values an insight carries only to be drawn (heatmap colours, a unit's activation map, the
// boundary's confidence): three significant digits are plenty for a colour, and their JSON is a
// third as long. An insight goes to the database and over the socket a dozen times a second.

/** `v` to three significant digits (0 and non-finite values as they are). */
export function displayDigits(v: number): number {
  return Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(3)) : v;
}
